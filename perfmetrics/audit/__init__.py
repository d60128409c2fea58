"""The self-evaluation audit: published scores checked against the rows they score.

- :mod:`~perfmetrics.audit.checks`: :func:`audit` (one table) and :func:`audit_tables`.
- :mod:`~perfmetrics.audit.rules`: scoring rules as the audit applies them, rule inference.
- :mod:`~perfmetrics.audit.budget`: the budget line (分值 × 执行率).
- :mod:`~perfmetrics.audit.report`, :mod:`~perfmetrics.audit.html`, :mod:`~perfmetrics.audit.xlsx`:
  the findings as records, text, an HTML page and a workbook.
"""

from __future__ import annotations

from perfmetrics.audit.checks import CODES, audit, audit_tables
from perfmetrics.audit.rules import Rule, infer_rule

__all__ = ["CODES", "Rule", "audit", "audit_tables", "infer_rule"]
