"""HTML for notebooks: the ``_repr_html_`` of rows, tables, documents and their summaries.

The model's ``_repr_html_`` methods call these functions; this module only reads the objects it
is given (it imports the model for type checking alone), so the dependency runs one way. Each
row shows the op that is applied: a bare ``3000人`` under 数量指标 shows ``≥`` in grey italics
(implied by its category or name), never a bare number without a side.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from perfmetrics.html_style import STYLE, cell
from perfmetrics.judging.meets import effective_op
from perfmetrics.values.render import to_dict

if TYPE_CHECKING:
    from perfmetrics.documents.model import IndicatorRow, Table, Tables

__all__ = ["ROW_HEADERS", "rows_html", "summary_html", "table_html", "tables_html"]

#: The columns of a row table (the names of the matching ``to_frame`` columns).
ROW_HEADERS = ("level2", "level3", "raw", "kind", "op", "magnitude", "unit", "reading")


def _row_cells(row: IndicatorRow) -> str:
    value = row.value
    head = cell(row.level2) + cell(row.level3) + cell(row.raw)
    if value is None:
        return f"{head}<td colspan='5' class='pm-error'>{html.escape(row.error or '')}</td>"
    fields = to_dict(value)
    op = effective_op(value, row.category, row.level3)
    implied = op is not None and not value.op_explicit
    magnitude = fields["magnitude"]
    if fields["low"] is not None:
        magnitude = f"{fields['low']} – {fields['high']}"
    elif fields["end"] is not None or fields["start"] is not None:
        magnitude = f"{fields['start'] or '…'} – {fields['end'] or '…'}"
    reading = str(value) + (f" ⚠ {'; '.join(value.warnings)}" if value.warnings else "")
    return (
        head
        + cell(fields["kind"])
        + cell(None if op is None else op.symbol, css="pm-implied" if implied else "")
        + cell(magnitude, css="pm-num")
        + cell(fields["unit"])
        + cell(reading, css="pm-warn" if value.warnings else "")
    )


def rows_html(rows: Iterable[IndicatorRow], *, style: bool = True) -> str:
    """Return an HTML table of rows: level2, level3, raw, kind, op, magnitude, unit, reading."""
    head = "".join(cell(h, tag="th") for h in ROW_HEADERS)
    body = "".join(f"<tr>{_row_cells(row)}</tr>" for row in rows)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f"{STYLE}<div class='pm-box'>{table}</div>" if style else table


def _warnings(warnings: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
    return f"<ul class='pm-warn'>{items}</ul>" if items else ""


def _table_body(table: Table) -> str:
    facts = [
        f"{label} {html.escape(text)}"
        for label, text in (
            ("unit", table.unit or ""),
            ("budget", table.budget.to_dict()["total"] or ""),
        )
        if text
    ]
    return (
        f"<b>{html.escape(table.name)}</b> {' · '.join(facts)}"
        f"{rows_html(table.rows, style=False)}{_warnings(table.warnings)}"
    )


def table_html(table: Table) -> str:
    """Return a table's name, unit and budget, its rows, and its warnings as HTML."""
    return f"{STYLE}<div class='pm-box pm-table'>{_table_body(table)}</div>"


def summary_html(records: Sequence[dict[str, object]]) -> str:
    """Return the summary records of :meth:`Tables.summary` as an HTML table."""
    if not records:
        return f"{STYLE}<div class='pm-box'>no tables</div>"
    names = list(records[0])
    head = "".join(cell(name, tag="th") for name in names)
    body = "".join(
        "<tr>"
        + "".join(
            cell(record[name], css="pm-num" if isinstance(record[name], int) else "")
            for name in names
        )
        + "</tr>"
        for record in records
    )
    return f"{STYLE}<div class='pm-box'><table><tr>{head}</tr>{body}</table></div>"


def tables_html(tables: Tables) -> str:
    """Return a document's summary table, then each table (folded), then its warnings."""
    folded = "".join(
        f"<details><summary>{html.escape(t.name)} ({len(t.rows)} rows)</summary>"
        f"{_table_body(t)}</details>"
        for t in tables
    )
    summary = summary_html(tables.summary().records)
    return (
        f"<div class='pm-box pm-tables'><b>{html.escape(repr(tables))}</b>{summary}{folded}"
        f"{_warnings(tables.warnings)}</div>"
    )
