"""The one pint registry of perfmetrics and its unit definitions."""
