"""Whole documents: the document model, the readers behind read_tables, and checks of actuals."""
