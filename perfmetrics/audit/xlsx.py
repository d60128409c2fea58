"""The audit as an Excel workbook: a sheet of findings and a sheet of totals per table.

openpyxl is an optional extra (``pip install "perfmetrics[xlsx]"``), imported only here and only
when a workbook is asked for; without it :func:`xlsx_report` raises an ImportError saying what
to install.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Sequence
from typing import Any

from perfmetrics.audit.report import COLUMNS, Audited, records, totals

__all__ = ["OPENPYXL_MISSING", "xlsx_report"]

#: The message of the ImportError raised when openpyxl is not installed.
OPENPYXL_MISSING = 'xlsx output needs openpyxl, an optional extra: pip install "perfmetrics[xlsx]"'
_FILLS = {"error": "FDE2E1", "warning": "FFF4D6", "info": "E6F0FB"}
_WIDTHS = {"table": 36, "indicator": 30, "target": 16, "actual": 16, "message": 90, "source": 30}


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError as exc:
        raise ImportError(OPENPYXL_MISSING, name="openpyxl") from exc


def xlsx_report(documents: Sequence[Audited]) -> bytes:
    """Return a workbook (``.xlsx`` bytes): sheets 审核发现 (one row per finding) and 总分.

    Raises:
        ImportError: openpyxl is not installed.

    """
    openpyxl = _openpyxl()
    styles = importlib.import_module("openpyxl.styles")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "审核发现"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = styles.Font(bold=True)
    for record in records(documents):
        sheet.append([record[column] for column in COLUMNS])
        fill = _FILLS.get(record["severity"])
        if fill:
            colour = styles.PatternFill(start_color=fill, end_color=fill, fill_type="solid")
            for cell in sheet[sheet.max_row]:
                cell.fill = colour
    for index, column in enumerate(COLUMNS, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, 10)
    sheet.freeze_panes = "A2"
    summary = book.create_sheet("总分")
    summary.append(["source", "table", "published", "recomputed", "rule"])
    for document in documents:
        for table in document.tables:
            found = totals(table, document.rule)
            summary.append(
                [
                    document.source,
                    found.name,
                    found.published,
                    found.recomputed,
                    found.rule.describe(),
                ]
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
