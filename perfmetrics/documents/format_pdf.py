"""A PDF file as document parts: its ruled tables as grids, its other lines as paragraphs.

pdfplumber finds the tables by their ruling lines, page by page. Each cell's box gives its place
on the grid and its span (a merged 一级指标 cell is written once, in its first row); a cell's
wrapped lines are joined back (nothing between two Chinese characters, a space between two
words). Text outside the tables becomes paragraphs, in reading order with the tables.

A table that goes on over a page break is one table: the part on the next page joins the part
above when nothing but a page number stands between them and its first row does not open a
table of its own (a ``单位：`` row); warnings name the page where the table starts. The header
row a page repeats is dropped, and a row the break cut in two (its part on the new page leaves the
三级指标 or 指标值 cell empty) is joined back cell by cell.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import zip_longest
from typing import Any

import regex

from perfmetrics.documents.grid import Grid, Merge, Paragraph, Part
from perfmetrics.documents.optional import require
from perfmetrics.documents.source import Source
from perfmetrics.documents.text_word import opens_table
from perfmetrics.errors import DocumentError
from perfmetrics.vocabulary import mapping, words

__all__ = ["join_pages", "pdf_parts", "unwrap"]

_COLUMNS = mapping("column")
#: Columns a row always fills: a first cell left empty on a new page means the row was cut.
_FILLED = frozenset({"level3", "raw"})
_TIERS = frozenset(words("tier"))
#: Page furniture: page numbers (— 3 —, 第3页 共9页) between two parts of one table.
_FOLIO = regex.compile(r"^[\s\d\-—–_/／.·()（）第页共]*$")
_WORD_END = regex.compile(r"[A-Za-z]$")
_WORD_START = regex.compile(r"^[A-Za-z]")
_TOLERANCE = 1.0


def unwrap(text: str) -> str:
    r"""Join the lines of a wrapped cell: a space only between two Latin letters.

    >>> unwrap("2025年1月至2025\n年12月"), unwrap("office\nsupplies"), unwrap(" a ")
    ('2025年1月至2025年12月', 'office supplies', 'a')
    """
    out = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        gap = " " if _WORD_END.search(out) and _WORD_START.match(line) else ""
        out = f"{out}{gap}{line}" if out else line
    return out


def _index(edges: Sequence[float], low: float, high: float) -> tuple[int, int]:
    first = min(range(len(edges)), key=lambda i: abs(edges[i] - low))
    last = max((i for i, edge in enumerate(edges) if edge < high - _TOLERANCE), default=first)
    return first, max(first, last)


def _table_grid(table: Any, *, source: str, where: str) -> Grid:
    rows = table.rows
    texts = table.extract()
    columns = sorted({cell[0] for row in rows for cell in row.cells if cell is not None})
    tops = [row.bbox[1] for row in rows]
    width = len(columns)
    cells = [[""] * width for _ in rows]
    merges: list[Merge] = []
    for r, row in enumerate(rows):
        for position, box in enumerate(row.cells):
            if box is None:
                continue
            left, right = _index(columns, box[0], box[2])
            top, bottom = _index(tops, box[1], box[3])
            cells[r][left] = unwrap(texts[r][position] or "")
            if (left, top) != (right, bottom):
                merges.append((top, left, bottom, right))
    return Grid.merged(cells, merges, source=source, where=where)


def _page_parts(page: Any, number: int, source: str) -> list[tuple[float, Part]]:
    found = page.find_tables()
    boxes = [table.bbox for table in found]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    placed: list[tuple[float, Part]] = []
    for index, table in enumerate(found, start=1):
        grid = _table_grid(table, source=source, where=f"page {number}, table {index}")
        if grid.rows:
            placed.append((table.bbox[1], grid))
    for line in page.filter(outside).extract_text_lines():
        text = " ".join(line["text"].split())
        if text:
            placed.append((line["top"], Paragraph(text, where=f"{source}, page {number}")))
    placed.sort(key=lambda item: item[0])
    return placed


def _squeeze(row: Sequence[str]) -> tuple[str, ...]:
    return tuple("".join(cell.split()) for cell in row)


def _header(grid: Grid) -> tuple[str, ...] | None:
    return next(
        (_squeeze(row) for row in grid.rows if sum(cell in _COLUMNS for cell in row) >= 2), None
    )


def _cut(first: Sequence[str], last: Sequence[str], header: Sequence[str] | None) -> bool:
    """Whether ``first`` (a page's first row) is the rest of ``last`` (the row above the break).

    The rest of a cut row has text only in cells that had text above the break, and leaves
    empty a cell that ended above it: under the indicator header, a cell every row fills (三级指标,
    指标值, a tier); above the header, when the rest fills at most half the cells the row above
    filled (only the ends of its tallest cells: a cut unit or 预算规模 row, not the figures under
    a 资金支出计划 row). A row that opens a table (its 单位：
    cell) never continues one.
    """
    if not any(first) or opens_table(first):
        return False
    shared = min(len(first), len(last))
    if any(first[c] and not last[c] for c in range(shared)) or any(first[shared:]):
        return False
    if header is None:  # no column every row fills: the rest holds only the tallest cells' ends
        emptied = any(not first[c] and last[c] for c in range(shared))
        return emptied and 2 * sum(map(bool, first)) <= sum(map(bool, last))
    filled = [c for c, name in enumerate(header) if _COLUMNS.get(name) in _FILLED or name in _TIERS]
    return any(not first[c] and last[c] for c in filled if c < shared)


def _continue(above: Grid, below: Grid) -> Grid | None:
    """Join ``below`` (the next page's part of a table) to ``above``; None if it opens a table."""
    rows = [list(row) for row in below.rows]
    merges = list(below.merges)
    header = _header(above)
    while rows and header is not None and _squeeze(rows[0]) == header:
        rows.pop(0)
        merges = [(t - 1, left, b - 1, r) for t, left, b, r in merges if t > 0]
    if rows and opens_table(rows[0]):
        return None
    joined = [list(row) for row in above.rows]
    if rows and joined and _cut(rows[0], joined[-1], header):
        cut = rows.pop(0)
        joined[-1] = [unwrap(f"{a}\n{b}") for a, b in zip_longest(joined[-1], cut, fillvalue="")]
        merges = [(t - 1, left, b - 1, r) for t, left, b, r in merges if t > 0]
    offset = len(joined)
    return Grid.merged(
        [*joined, *rows],
        [*above.merges, *((t + offset, left, b + offset, r) for t, left, b, r in merges)],
        source=above.source,
        where=above.where,
        first_line=above.first_line,
    )


def join_pages(pages: Sequence[Sequence[tuple[float, Part]]]) -> list[Part]:
    """Return the parts of every page in order, a table cut by a page break joined back."""
    parts: list[Part] = []
    for page in pages:
        for index, (_, part) in enumerate(page):
            before = [p for _, p in page[:index]]
            if (
                isinstance(part, Grid)
                and not any(isinstance(p, Grid) for p in before)
                and all(_FOLIO.match(p.text) for p in before if isinstance(p, Paragraph))
            ):
                at = _last_grid(parts)
                joined = None if at is None else _continue(parts[at], part)  # type: ignore[arg-type]
                if at is not None and joined is not None:
                    parts[at] = joined
                    del parts[at + 1 :]
                    continue
            parts.append(part)
    return parts


def _last_grid(parts: list[Part]) -> int | None:
    """Return the index of the last grid if only page numbers follow it, else None."""
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        if isinstance(part, Grid):
            return index
        if not _FOLIO.match(part.text):
            return None
    return None


def pdf_parts(source: Source) -> list[Part]:
    """Return the tables and paragraphs of a PDF file, tables cut by page breaks joined.

    Raises:
        DocumentError: pdfplumber is not installed, or the file is not a readable PDF.

    """
    pdfplumber = require("pdfplumber", "pdf", "reading a .pdf file")
    try:
        with pdfplumber.open(io.BytesIO(source.data or b"")) as pdf:
            pages = [_page_parts(page, n, source.name) for n, page in enumerate(pdf.pages, 1)]
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise DocumentError(f"{source.name}: not a readable PDF ({exc})") from None
    return join_pages(pages)
