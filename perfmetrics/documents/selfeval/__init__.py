"""Self-evaluation tables (绩效自评表): cell grids in, judged rows and a budget line out.

- :mod:`~perfmetrics.documents.selfeval.model`: :class:`SelfEvalTable`, :class:`SelfEvalRow`,
  :class:`BudgetLine`, :class:`SelfEvaluation`.
- :mod:`~perfmetrics.documents.selfeval.layout`: one grid → its tables (the six layouts).
- :mod:`~perfmetrics.documents.selfeval.reader`: :func:`read_selfeval` (grids from
  :mod:`perfmetrics.documents.grid_readers`; no format is read here).
"""

from __future__ import annotations

from perfmetrics.documents.selfeval.model import (
    BudgetLine,
    SelfEvalRow,
    SelfEvalTable,
    SelfEvaluation,
)
from perfmetrics.documents.selfeval.reader import read_selfeval

__all__ = ["BudgetLine", "SelfEvalRow", "SelfEvalTable", "SelfEvaluation", "read_selfeval"]
