"""The cell grid: every document format is turned into this before any table is read.

A format reader (.docx, .xlsx, .html, .pdf, a text export) yields :class:`Grid` objects; one table
reader per layout (绩效目标表, 绩效自评表) reads grids, whatever file they came from.

Merged cells are written once, in their top-left position; the positions a merge covers are empty
strings and listed in ``covered`` when the format says so (a .docx or .xlsx merge). Where the format
does not say (a PDF, a text grid), ``covered`` is empty and readers fill level columns down.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, frozen

__all__ = ["Grid", "read_grid_text"]


def _rows(rows: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(cell) for cell in row) for row in rows)  # type: ignore[attr-defined]


@frozen
class Grid:
    """A table as rows of cell texts, with where it came from.

    Attributes:
        rows: the cell texts, row by row (rows may differ in length).
        source: the file (or ``"<text>"``) the grid was read from.
        where: the place inside it: ``"page 3"``, ``"sheet 项目1"``, ``"table 2"``.
        covered: (row, column) positions that a merged cell covers.
        first_line: the line or row number of ``rows[0]`` in the source (1-based), for messages.

    """

    rows: tuple[tuple[str, ...], ...] = field(converter=_rows)
    source: str = "<text>"
    where: str = ""
    covered: frozenset[tuple[int, int]] = frozenset()
    first_line: int = 1

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        return max((len(row) for row in self.rows), default=0)

    def cell(self, row: int, column: int) -> str:
        """Return one cell's text, ``""`` past the end of a short row."""
        cells = self.rows[row]
        return cells[column] if column < len(cells) else ""

    def location(self, row: int) -> str:
        """Say where row ``row`` is, for warnings: ``x.docx, table 2, row 5``."""
        parts = [self.source, self.where, f"row {self.first_line + row}"]
        return ", ".join(part for part in parts if part)


def read_grid_text(text: str, *, source: str = "<text>") -> Iterator[Grid]:
    r"""Read grids written as tab-separated lines; a blank line or a ``#`` comment separates them.

    This is the fixture format of tests/fixtures (one table row a line, cells separated by tabs,
    merged cells written once and left empty where they extend).

    >>> [grid.rows for grid in read_grid_text("# a table\na\tb\n\tc\n")]
    [(('a', 'b'), ('', 'c'))]
    """
    rows: list[tuple[str, ...]] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("# ") or line == "#" or not line.strip():
            if rows:
                yield Grid(rows, source=source, first_line=start)
                rows = []
            continue
        if not rows:
            start = number
        rows.append(tuple(line.split("\t")))
    if rows:
        yield Grid(rows, source=source, first_line=start)
