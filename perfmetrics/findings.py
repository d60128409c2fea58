"""What the self-evaluation audit and the target review report: one typed finding each.

Both :func:`perfmetrics.audit` (绩效自评表) and :func:`perfmetrics.review` (绩效目标表) return lists
of :class:`Finding`; records, frames, the CLI and the HTML reports treat them alike.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from attrs import frozen

__all__ = ["Finding", "Severity", "place_fields"]


class Severity(enum.StrEnum):
    """How much a finding matters: ``error`` fails a check, the others inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __repr__(self) -> str:
        """Show the plain severity."""
        return repr(self.value)


@frozen(kw_only=True)
class Finding:
    """One problem found in a table or one of its rows.

    Attributes:
        code: what kind of problem (``missed_but_full``, ``unit_missing`` …), stable for code.
        message: what is wrong and what to do, in Chinese (the people who read it write Chinese).
        severity: error, warning or info.
        table: the table's title or project name (``None`` when the document has one table).
        row: the row's index in its table, or ``None`` for a table-level finding.
        indicator: the row's 三级 name, when the finding is about a row.
        rule: the id of the rule that produced it (review rule sets; the audit's codes).
        published: the published figure the finding is about (a score, a total), if any.
        expected: what perfmetrics computes instead, if any.
        table_index: the table's position in its document (0-based), when known; it tells
            apart tables of the same name and is left out of ``to_dict``.

    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    table: str | None = None
    row: int | None = None
    indicator: str | None = None
    rule: str | None = None
    published: Decimal | None = None
    expected: Decimal | None = None
    table_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (numbers as strings, so that no digit is lost)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "table": self.table,
            "row": self.row,
            "indicator": self.indicator,
            "rule": self.rule,
            "message": self.message,
            "published": None if self.published is None else str(self.published),
            "expected": None if self.expected is None else str(self.expected),
        }


def place_fields(source: str, finding: Finding, line: int | None) -> dict[str, Any]:
    """Return where a finding is, as the reports' records write it (tables and rows from 1).

    >>> found = Finding(code="c", severity=Severity.ERROR, message="m", table="T", row=0)
    >>> place_fields("a.txt", found, 12)["row"]
    1
    """
    index, row = finding.table_index, finding.row
    return {
        "source": source,
        "table_index": None if index is None else index + 1,
        "table": finding.table,
        "row": None if row is None else row + 1,
        "line": line,
        "indicator": finding.indicator,
    }
