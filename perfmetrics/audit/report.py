"""The audit as flat records, a plain-text report, and the published vs recomputed totals.

An audited document is an :class:`Audited`: where it came from, its tables and the findings.
:func:`records` gives one flat dict per finding (the CSV, JSON and xlsx rows); :func:`text_report`
the lines ``perfmetrics audit`` prints by default; :func:`totals` the published and recomputed
score of each table (the chart of the HTML report).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from perfmetrics.audit.budget import expected_budget_score
from perfmetrics.audit.rules import Rule, expected_score, infer_rule
from perfmetrics.documents.selfeval.model import SelfEvalRow, SelfEvalTable
from perfmetrics.findings import Finding, Severity, place_fields

__all__ = ["COLUMNS", "Audited", "TableTotals", "records", "row_of", "text_report", "totals"]

#: The columns of a finding record, in order.
COLUMNS = (
    "source",
    "table_index",
    "table",
    "row",
    "line",
    "indicator",
    "target",
    "actual",
    "verdict",
    "severity",
    "code",
    "published",
    "expected",
    "message",
)
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@frozen
class Audited:
    """One audited document: its name, its tables, the findings and the rule asked for."""

    source: str
    tables: Sequence[SelfEvalTable]
    findings: Sequence[Finding]
    rule: Rule | None = None


@frozen
class TableTotals:
    """A table's published total and the total perfmetrics recomputes, with the rule used.

    ``published`` is the printed 总分, else the sum of the printed scores (``printed`` False).
    """

    name: str
    published: Decimal
    recomputed: Decimal
    rule: Rule
    printed: bool


def row_of(tables: Sequence[SelfEvalTable], finding: Finding) -> SelfEvalRow | None:
    """Return the row a finding is about, or None for a table-level finding."""
    index = finding.table_index if finding.table_index is not None else 0
    if finding.row is None or not 0 <= index < len(tables):
        return None
    rows = tables[index].rows
    return rows[finding.row] if 0 <= finding.row < len(rows) else None


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def records(documents: Iterable[Audited]) -> list[dict[str, Any]]:
    """Return one flat record per finding (``COLUMNS``); ``row`` and tables count from 1."""
    out = []
    for document in documents:
        for finding in document.findings:
            row = row_of(document.tables, finding)
            out.append(
                {
                    **place_fields(document.source, finding, None if row is None else row.line),
                    "target": None if row is None else row.target,
                    "actual": None if row is None else row.actual,
                    "verdict": None if row is None else row.verdict.outcome,
                    "severity": finding.severity.value,
                    "code": finding.code,
                    "published": _number(finding.published),
                    "expected": _number(finding.expected),
                    "message": finding.message,
                }
            )
    return out


def totals(table: SelfEvalTable, rule: Rule | None = None) -> TableTotals:
    """Return the table's published total and the total recomputed under ``rule``.

    Without ``rule`` the inferred rule is used, else ``proportional``. A row without a weight
    keeps its published score (there is nothing to recompute it from); a row that cannot be
    judged earns nothing.
    """
    used = rule or infer_rule(table) or Rule()
    recomputed = Decimal(0)
    printed_sum = Decimal(0)
    for row in table.rows:
        if row.part:
            continue
        printed_sum += row.score or 0
        if row.weight is None:
            recomputed += row.score or 0
            continue
        recomputed += expected_score(row, used) or 0
    budget = table.budget
    if budget is not None:
        printed_sum += budget.score or 0
        expected = expected_budget_score(budget, rounding=used.rounding if rule else None)
        recomputed += expected if expected is not None else budget.score or 0
    published = table.total_score if table.total_score is not None else printed_sum
    return TableTotals(table.name, published, recomputed, used, table.total_score is not None)


def _total(findings: Sequence[Finding]) -> str:
    by = Counter(finding.severity for finding in findings)
    parts = [f"{by[severity]} {severity.value}" for severity in _ORDER if by[severity]]
    return f"{len(findings)} findings" + (f" ({', '.join(parts)})" if parts else "")


def text_report(documents: Iterable[Audited]) -> str:
    """Return the plain-text report: one line per finding, then the counts per code.

    A line reads ``source:line: severity [code] table / indicator: message`` (the table's first
    line when the finding is about the whole table), so editors and ``grep`` can jump to it.
    """
    lines: list[str] = []
    every: list[Finding] = []
    for document in documents:
        for finding in document.findings:
            row = row_of(document.tables, finding)
            index = finding.table_index or 0
            line = row.line if row is not None else document.tables[index].line
            where = finding.table or ""
            if finding.indicator:
                where += f" / {finding.indicator}"
            lines.append(
                f"{document.source}:{line}: {finding.severity.value} [{finding.code}] "
                f"{where}: {finding.message}"
            )
        every.extend(document.findings)
    lines.append(_total(every))
    for code, count in Counter(finding.code for finding in every).items():
        lines.append(f"  {code}: {count}")
    return "\n".join(lines) + "\n"
