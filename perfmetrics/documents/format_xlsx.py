"""An .xlsx workbook as document parts: each worksheet's tables as grids (openpyxl).

A cell reads as the sheet shows it (:func:`~perfmetrics.documents.cell_text.shown`: 95% not
0.95, a 21-digit code with every digit). Merged ranges are written once, in their top-left cell.
A worksheet may hold one project (a submission sheet) or several tables one under another: a
fully empty row separates tables, and the sheet's name is where warnings say a row is.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import attrs

from perfmetrics.documents.cell_text import shown
from perfmetrics.documents.grid import Grid, Merge, Paragraph, Part
from perfmetrics.documents.optional import require
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["sheet_parts", "xlsx_parts"]


def sheet_parts(
    rows: Sequence[Sequence[str]], merges: Sequence[Merge], *, source: str, where: str
) -> list[Part]:
    """Cut one sheet's cells into tables at empty rows; a lone text above a table is a title.

    Empty columns at the right are dropped; a merge stays with the table it starts in.
    """
    parts: list[Part] = []
    width = max((_last_filled(row) for row in rows), default=0)
    start: int | None = None
    tables = 0
    for index in range(len(rows) + 1):
        empty = index == len(rows) or not any(cell.strip() for cell in rows[index])
        covered = any(top < index <= bottom for top, _, bottom, _ in merges)
        if start is None and not empty:
            start = index
        elif start is not None and empty and not covered:
            block = [
                list(row[:width]) + [""] * (width - len(row[:width])) for row in rows[start:index]
            ]
            inside = [
                (top - start, left, min(bottom, index - 1) - start, right)
                for top, left, bottom, right in merges
                if start <= top < index and left < width
            ]
            found = _title_or_table(block, inside, source, where, start + 1)
            for part in found:
                if isinstance(part, Grid):
                    tables += 1
                    part = attrs.evolve(part, where=f"{where}, table {tables}")
                parts.append(part)
            start = None
    return parts


def _title_or_table(
    block: list[list[str]], merges: list[Merge], source: str, where: str, first: int
) -> list[Part]:
    """Return a block's title rows as paragraphs, then its grid (``first``: its sheet row)."""
    parts: list[Part] = []
    while block:  # a text alone on a top row (a title, merged across or not) is no table row
        filled = [cell.strip() for cell in block[0] if cell.strip()]
        if len(filled) != 1 or (len(block) > 1 and _starts_column(block, merges)):
            break
        parts.append(Paragraph(filled[0], where=f"{source}, {where}, row {first}"))
        block = block[1:]
        first += 1
        merges = [(t - 1, left, b - 1, r) for t, left, b, r in merges if t > 0]
    if block:
        parts.append(Grid.merged(block, merges, source=source, where=where, first_line=first))
    return parts


def _starts_column(block: list[list[str]], merges: list[Merge]) -> bool:
    """Whether the top row's one text heads a column (the row below has text under it only)."""
    filled = [c for c, cell in enumerate(block[0]) if cell.strip()]
    below = [c for c, cell in enumerate(block[1]) if cell.strip()]
    across = any(t == 0 and left <= filled[0] < r for t, left, _, r in merges)
    return not across and below == filled


def _last_filled(row: Sequence[str]) -> int:
    return max((index + 1 for index, cell in enumerate(row) if cell.strip()), default=0)


def xlsx_parts(source: Source) -> list[Part]:
    """Return the tables of every worksheet of an .xlsx file, sheet by sheet.

    Raises:
        DocumentError: openpyxl is not installed, or the file is not a readable workbook.

    """
    openpyxl = require("openpyxl", "xlsx", "reading an .xlsx file")
    try:
        book = openpyxl.load_workbook(io.BytesIO(source.data or b""), data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and its own errors
        raise DocumentError(f"{source.name}: not a readable .xlsx file ({exc})") from None
    parts: list[Part] = []
    for sheet in book.worksheets:
        rows = _sheet_rows(sheet)
        merges: list[Merge] = [
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
            for m in sheet.merged_cells.ranges
        ]
        parts.extend(sheet_parts(rows, merges, source=source.name, where=f"sheet {sheet.title}"))
    return parts


def _sheet_rows(sheet: Any) -> list[list[str]]:
    """Return the sheet's cell texts up to its last cell holding a value.

    Only the cells the file holds are visited: a sheet whose formatting reaches column XFD or
    row 1048576 (``max_row`` and ``max_column`` count styled empty cells) costs no more than
    its values.
    """
    held: dict[tuple[int, int], str] = {}
    for (row, column), cell in getattr(sheet, "_cells", {}).items():
        text = _cell(cell)
        if text:
            held[row - 1, column - 1] = text
    height = max((r + 1 for r, _ in held), default=0)
    width = max((c + 1 for _, c in held), default=0)
    rows = [[""] * width for _ in range(height)]
    for (r, c), text in held.items():
        rows[r][c] = text
    return rows


def _cell(cell: Any) -> str:
    value = cell.value
    if isinstance(value, str):
        return value.strip()
    return shown(value, cell.number_format or "General")
