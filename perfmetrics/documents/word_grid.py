r"""The word-processor text export as cell grids, and grids written back in that format.

The export (the format of the seed documents 001, 002 and 004) writes every table cell on its own
line starting with a tab, a blank line between table rows, and text outside tables (titles,
headings) as plain lines. A line that starts with a space before its tab follows a page break
and starts a new row. :func:`word_export_grids` turns such a text into one :class:`Grid` whose
rows are the table rows, plain lines becoming one-cell rows (a title outside the table still
titles it). Merged cells are written once, so rows may be shorter than the header; readers take
missing cells as empty.

:func:`grid_to_word_export` writes a grid in the export's format (trailing empty cells of a row
dropped, as a row-spanning merged cell is written once), for fixtures and round trips:

>>> text = grid_to_word_export(Grid([("项目名称", "临时救助", ""), ("", "一级指标")]))
>>> print(text.replace("\t", "→"), end="")
→项目名称
→临时救助
<BLANKLINE>
→
→一级指标
<BLANKLINE>
>>> [grid.rows for grid in word_export_grids(text)]
[(('项目名称', '临时救助'), ('', '一级指标'))]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from perfmetrics.documents.grid import Grid

__all__ = [
    "grid_to_word_export",
    "looks_like_grid_text",
    "looks_like_word_export",
    "word_export_grids",
]

_CELL = regex.compile(r"^( *)\t")
_BOOKMARK = regex.compile(r"^\s*\[bookmark:[^\]]*\]")


def looks_like_word_export(text: str) -> bool:
    """Tell the tab-per-cell export: most non-blank lines are one tab-indented cell each."""
    lines = [line for line in text.splitlines() if line.strip()]
    cells = sum(1 for line in lines if _CELL.match(line) and "\t" not in line[_cell_start(line) :])
    return bool(lines) and cells * 2 >= len(lines)


def looks_like_grid_text(text: str) -> bool:
    """Tell the tab-separated grid (one row a line, ``# `` comments): most lines hold inner tabs."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    grid = sum(1 for line in lines if "\t" in line.lstrip(" \t"))
    return bool(lines) and grid * 2 >= len(lines)


def _cell_start(line: str) -> int:
    found = _CELL.match(line)
    return found.end() if found else 0


def word_export_grids(text: str, *, source: str = "<text>") -> Iterator[Grid]:
    """Yield the export's rows as one grid (none for a text without cells)."""
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    first = 0
    for number, line in enumerate(text.splitlines(), start=1):
        cell = _CELL.match(line)
        if cell and cell.group(1) and cells:  # " \t…": a page break starts a new row
            rows.append(tuple(cells))
            cells = []
        if cell:
            first = first or number
            cells.append(line[cell.end() :].strip())
            continue
        if cells:
            rows.append(tuple(cells))
            cells = []
        plain = _BOOKMARK.sub("", line).strip()
        if plain:
            first = first or number
            rows.append((plain,))
    if cells:
        rows.append(tuple(cells))
    if rows:
        yield Grid(rows, source=source, where="word export", first_line=first or 1)


def grid_to_word_export(grid: Grid) -> str:
    """Write ``grid`` as a word-processor text export (one cell a line, a blank line a row)."""
    out: list[str] = []
    for row in grid.rows:
        cells = list(row)
        while len(cells) > 1 and not cells[-1].strip():
            cells.pop()
        out.extend(f"\t{cell.strip()}" for cell in cells)
        out.append("")
    return "\n".join(out) + "\n"
