"""HTML for notebooks: the ``_repr_html_`` of rows, tables and documents.

The model's ``_repr_html_`` methods call these functions; this module only reads the objects it
is given (it imports the model for type checking alone), so the dependency runs one way.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from perfmetrics.documents.model import IndicatorRow, Table, Tables

__all__ = ["rows_html", "table_html", "tables_html"]


def rows_html(rows: Iterable[IndicatorRow]) -> str:
    """Return an HTML table of rows: 二级, 三级, 指标值 as written, kind, and the reading."""
    head = "".join(f"<th>{h}</th>" for h in ("二级", "三级", "指标值", "kind", "reading"))
    body = []
    for row in rows:
        kind = "" if row.value is None else str(row.value.kind)
        reading = row.error if row.value is None else str(row.value)
        cells = (row.level2, row.level3, row.raw, kind, reading or "")
        body.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def table_html(table: Table) -> str:
    """Return a table's name, unit and budget, its rows, and its warnings as HTML."""
    head = f"<b>{html.escape(table.name)}</b>"
    facts = [
        f"{label} {html.escape(text)}"
        for label, text in (
            ("单位", table.unit or ""),
            ("预算数", table.budget.to_dict()["total"] or ""),
        )
        if text
    ]
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in table.warnings)
    return (
        f"<div class='perfmetrics-table'>{head} {' · '.join(facts)}"
        f"{rows_html(table.rows)}{f'<ul>{warnings}</ul>' if warnings else ''}</div>"
    )


def tables_html(tables: Tables) -> str:
    """Return a document's summary line, its tables (name, rows, warnings) and warnings as HTML."""
    items = "".join(
        f"<li>{html.escape(t.name)} — {len(t.rows)} rows"
        f"{f', {len(t.warnings)} warnings' if t.warnings else ''}</li>"
        for t in tables
    )
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in tables.warnings)
    return f"<div class='perfmetrics-tables'>{html.escape(repr(tables))}<ol>{items}</ol>" + (
        f"<ul>{warnings}</ul></div>" if warnings else "</div>"
    )
