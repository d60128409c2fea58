"""An .xls workbook (Excel 97-2003) as document parts, sheet by sheet (xlrd).

Read as :mod:`~perfmetrics.documents.format_xlsx` reads a workbook: cells as the sheet shows them
(the number format of each cell's style), merged ranges written once, tables cut at empty rows.
"""

from __future__ import annotations

from typing import Any

from perfmetrics.documents.cell_text import shown
from perfmetrics.documents.format_xlsx import sheet_parts
from perfmetrics.documents.grid import Merge, Part
from perfmetrics.documents.optional import require
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["xls_parts"]


def xls_parts(source: Source) -> list[Part]:
    """Return the tables of every worksheet of an .xls file.

    Raises:
        DocumentError: xlrd is not installed, or the file is not a readable workbook.

    """
    xlrd = require("xlrd", "xlsx", "reading an .xls file")
    try:
        book = xlrd.open_workbook(file_contents=source.data or b"", formatting_info=True)
    except Exception as exc:  # xlrd raises its own errors and struct/OLE2 errors
        raise DocumentError(f"{source.name}: not a readable .xls file ({exc})") from None
    parts: list[Part] = []
    for sheet in book.sheets():
        rows = [
            [_cell(book, sheet.cell(r, c), xlrd) for c in range(sheet.ncols)]
            for r in range(sheet.nrows)
        ]
        merges: list[Merge] = [
            (top, left, bottom - 1, right - 1) for top, bottom, left, right in sheet.merged_cells
        ]
        parts.extend(sheet_parts(rows, merges, source=source.name, where=f"sheet {sheet.name}"))
    return parts


def _cell(book: Any, cell: Any, xlrd: Any) -> str:
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).strip()
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_DATE:
        return shown(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return shown(bool(cell.value))
    number_format = "General"
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    if xf is not None and xf.format_key in book.format_map:
        number_format = book.format_map[xf.format_key].format_str
    return shown(float(cell.value), number_format)
