"""Findings as flat records, a plain-text report and per-rule counts (no optional dependency).

A reviewed document is a :class:`Reviewed`: where it came from, its tables and its findings.
:func:`records` gives one flat dict per finding (the CSV, JSON and xlsx rows);
:func:`text_report` the lines ``perfmetrics review`` prints by default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from perfmetrics.documents.model import IndicatorRow, Table
from perfmetrics.findings import Finding, Severity, place_fields

__all__ = ["COLUMNS", "Reviewed", "counts_by_rule", "records", "row_of", "text_report"]

#: The columns of a finding record, in order.
COLUMNS = (
    "source",
    "table_index",
    "table",
    "row",
    "line",
    "indicator",
    "category",
    "raw",
    "severity",
    "rule",
    "code",
    "message",
)
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@frozen
class Reviewed:
    """One document under review: its name, its tables and what the reviewer found."""

    source: str
    tables: Sequence[Table]
    findings: Sequence[Finding]


def row_of(tables: Sequence[Table], finding: Finding) -> IndicatorRow | None:
    """Return the row a finding is about, or None for a table-level finding."""
    if finding.row is None or finding.table_index is None:
        return None
    if not 0 <= finding.table_index < len(tables):
        return None
    rows = tables[finding.table_index].rows
    return rows[finding.row] if 0 <= finding.row < len(rows) else None


def records(documents: Iterable[Reviewed]) -> list[dict[str, Any]]:
    """Return one flat record per finding (``COLUMNS``); ``row`` is 1-based, as people count."""
    out = []
    for document in documents:
        for finding in document.findings:
            row = row_of(document.tables, finding)
            out.append(
                {
                    **place_fields(document.source, finding, None if row is None else row.line),
                    "category": None if row is None else (row.level2 or row.level1),
                    "raw": None if row is None else row.raw,
                    "severity": finding.severity.value,
                    "rule": finding.rule,
                    "code": finding.code,
                    "message": finding.message,
                }
            )
    return out


def counts_by_rule(findings: Iterable[Finding]) -> dict[str, Counter[Severity]]:
    """Return rule id → count of findings by severity, rules in the order first met."""
    counts: dict[str, Counter[Severity]] = {}
    for finding in findings:
        counts.setdefault(finding.rule or finding.code, Counter())[finding.severity] += 1
    return counts


def _total(findings: Sequence[Finding]) -> str:
    by = Counter(finding.severity for finding in findings)
    parts = [f"{by[severity]} {severity.value}" for severity in _ORDER if by[severity]]
    return f"{len(findings)} findings" + (f" ({', '.join(parts)})" if parts else "")


def text_report(documents: Iterable[Reviewed]) -> str:
    """Return the plain-text report: one line per finding, then the counts per rule.

    A line reads ``source:line: severity [rule] table / indicator: message`` (line 0 when the
    finding is about a whole table), so editors and ``grep`` can jump to it.
    """
    lines: list[str] = []
    every: list[Finding] = []
    for document in documents:
        for finding in document.findings:
            row = row_of(document.tables, finding)
            line = row.line if row is not None else _table_line(document.tables, finding)
            where = finding.table or ""
            if finding.indicator:
                where += f" / {finding.indicator}"
            lines.append(
                f"{document.source}:{line}: {finding.severity.value} [{finding.rule}] "
                f"{where}: {finding.message}"
            )
        every.extend(document.findings)
    lines.append(_total(every))
    for rule, counts in counts_by_rule(every).items():
        shown = ", ".join(f"{counts[s]} {s.value}" for s in _ORDER if counts[s])
        lines.append(f"  {rule}: {shown}")
    return "\n".join(lines) + "\n"


def _table_line(tables: Sequence[Table], finding: Finding) -> int:
    index = finding.table_index
    return tables[index].line if index is not None and 0 <= index < len(tables) else 0
