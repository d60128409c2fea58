"""The review as an Excel workbook: a sheet of findings and a sheet of counts per rule.

openpyxl is an optional extra (``pip install "perfmetrics[xlsx]"``), imported only here and only
when a workbook is asked for; without it :func:`xlsx_report` raises an ImportError saying what
to install.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Sequence
from typing import Any

from perfmetrics.findings import Severity
from perfmetrics.review.report import COLUMNS, Reviewed, counts_by_rule, records

__all__ = ["OPENPYXL_MISSING", "xlsx_report"]

#: The message of the ImportError raised when openpyxl is not installed.
OPENPYXL_MISSING = 'xlsx output needs openpyxl, an optional extra: pip install "perfmetrics[xlsx]"'
_FILLS = {"error": "FDE2E1", "warning": "FFF4D6", "info": "E6F0FB"}
_WIDTHS = {"table": 40, "indicator": 30, "raw": 24, "message": 80, "source": 30}


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError as exc:
        raise ImportError(OPENPYXL_MISSING, name="openpyxl") from exc


def xlsx_report(documents: Sequence[Reviewed]) -> bytes:
    """Return a workbook (``.xlsx`` bytes): sheet 审核结果 (one row per finding), 按规则统计.

    Raises:
        ImportError: openpyxl is not installed.

    """
    openpyxl = _openpyxl()
    styles = importlib.import_module("openpyxl.styles")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "审核结果"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = styles.Font(bold=True)
    for record in records(documents):
        sheet.append([record[column] for column in COLUMNS])
        fill = _FILLS.get(record["severity"])
        if fill:
            color = styles.PatternFill(start_color=fill, end_color=fill, fill_type="solid")
            for cell in sheet[sheet.max_row]:
                cell.fill = color
    for index, column in enumerate(COLUMNS, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, 10)
    sheet.freeze_panes = "A2"
    summary = book.create_sheet("按规则统计")
    order = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    summary.append(["rule", *(severity.value for severity in order)])
    every = [finding for document in documents for finding in document.findings]
    for rule, counts in counts_by_rule(every).items():
        summary.append([rule, *(counts[severity] for severity in order)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
