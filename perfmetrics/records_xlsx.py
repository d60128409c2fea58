"""Indicator rows and their tables as an .xlsx workbook of typed cells (``--format xlsx``).

Two sheets: ``rows`` (one line per indicator row: the source, ``ROW_COLUMNS`` and
``VALUE_COLUMNS`` of :mod:`perfmetrics.records`) and ``tables`` (one line per table: its
source, name, unit, project, budget figures and warnings). Numbers are numbers (a Decimal
magnitude, a budget figure), dates are dates, booleans are booleans; every text is written as
text, so a cell such as ``=100%`` is never taken for a formula, and a project code keeps its
digits. openpyxl is the optional extra ``perfmetrics[xlsx]``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from perfmetrics.documents.model import Table
from perfmetrics.documents.optional import require
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records

__all__ = ["ROWS_SHEET_COLUMNS", "TABLES_SHEET_COLUMNS", "xlsx_workbook"]

#: The header of the ``rows`` sheet.
ROWS_SHEET_COLUMNS = ("source", *ROW_COLUMNS, *VALUE_COLUMNS)
#: The header of the ``tables`` sheet.
TABLES_SHEET_COLUMNS = (
    "source",
    "table",
    "kind",
    "title",
    "budget_unit",
    "unit_code",
    "money_unit",
    "project",
    "project_code",
    "budget_total",
    "budget_fiscal",
    "budget_other",
    "rows",
    "warnings",
)


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    if isinstance(value, Decimal | int | float | bool | dt.date) or value is None:
        return value
    return str(value)


def _table_line(source: str, table: Table) -> tuple[Any, ...]:
    budget = table.budget
    return (
        source,
        table.name,
        table.kind.value,
        table.title,
        table.unit,
        table.unit_code,
        table.money_unit,
        table.project,
        table.project_code,
        *(None if a is None else a.magnitude for a in (budget.total, budget.fiscal, budget.other)),
        len(table.rows),
        "\n".join(table.warnings) or None,
    )


def _fill(sheet: Any, header: Sequence[str], lines: Sequence[Sequence[Any]]) -> None:
    sheet.append(list(header))
    for line in lines:
        sheet.append([_typed(value) for value in line])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: "=100%" is no formula
    sheet.freeze_panes = "A2"


def xlsx_workbook(documents: Sequence[tuple[str, Sequence[Table]]]) -> bytes:
    """Return the workbook of ``documents`` ((source, tables) pairs) as .xlsx bytes.

    Raises:
        DocumentError: openpyxl is not installed (the message names ``pip install``).

    """
    openpyxl = require("openpyxl", "xlsx", "writing an .xlsx file")
    book = openpyxl.Workbook()
    rows = book.active
    rows.title = "rows"
    _fill(
        rows,
        ROWS_SHEET_COLUMNS,
        [(source, *record) for source, tables in documents for record in row_records(tables)],
    )
    _fill(
        book.create_sheet("tables"),
        TABLES_SHEET_COLUMNS,
        [_table_line(source, table) for source, tables in documents for table in tables],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
