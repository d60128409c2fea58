"""Findings as an Excel sheet: the part the audit and the review workbooks share.

openpyxl is an optional extra (``pip install "perfmetrics[xlsx]"``), imported only when a
workbook is asked for; without it :func:`new_workbook` raises an ImportError saying what to
install. Each report adds its own summary sheet to the workbook.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["OPENPYXL_MISSING", "findings_sheet", "new_workbook", "workbook_bytes"]

#: The message of the ImportError raised when openpyxl is not installed.
OPENPYXL_MISSING = 'xlsx output needs openpyxl, an optional extra: pip install "perfmetrics[xlsx]"'
#: Row colours by a finding's severity.
_FILLS = {"error": "FDE2E1", "warning": "FFF4D6", "info": "E6F0FB"}


def new_workbook() -> Any:
    """Return an empty openpyxl workbook.

    Raises:
        ImportError: openpyxl is not installed.

    """
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError as exc:
        raise ImportError(OPENPYXL_MISSING, name="openpyxl") from exc
    return openpyxl.Workbook()


def findings_sheet(
    book: Any,
    title: str,
    columns: Sequence[str],
    records: Iterable[Mapping[str, Any]],
    widths: Mapping[str, int],
) -> None:
    """Fill the workbook's first sheet with findings, one row each.

    A bold header, each row coloured by its ``severity``, column widths (``widths``, else 10),
    the header frozen.
    """
    styles = importlib.import_module("openpyxl.styles")
    letters = importlib.import_module("openpyxl.utils")
    sheet = book.active
    sheet.title = title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = styles.Font(bold=True)
    for record in records:
        sheet.append([record[column] for column in columns])
        fill = _FILLS.get(str(record.get("severity")))
        if fill:
            colour = styles.PatternFill(start_color=fill, end_color=fill, fill_type="solid")
            for cell in sheet[sheet.max_row]:
                cell.fill = colour
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[letters.get_column_letter(index)].width = widths.get(column, 10)
    sheet.freeze_panes = "A2"


def workbook_bytes(book: Any) -> bytes:
    """Return the workbook as ``.xlsx`` bytes."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
