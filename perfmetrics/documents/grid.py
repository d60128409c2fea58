"""The cell grid: every document format is turned into this before any table is read.

A format reader (.docx, .xlsx, .html, .pdf, a text export) yields :class:`Grid` objects; one table
reader per layout (绩效目标表, 绩效自评表) reads grids, whatever file they came from.

Merged cells are written once, in their top-left position; the positions a merge covers are empty
strings and listed in ``covered`` when the format says so (a .docx or .xlsx merge). Where the format
does not say (a PDF, a text grid), ``covered`` is empty and readers fill level columns down.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from attrs import field, frozen

__all__ = ["Grid", "Merge", "Paragraph", "Part", "read_grid_text"]

#: A merged range of cells: (first row, first column, last row, last column), inclusive.
Merge = tuple[int, int, int, int]


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
    merges: tuple[Merge, ...] = ()

    @classmethod
    def merged(
        cls,
        rows: Sequence[Sequence[str]],
        merges: Iterable[Merge],
        *,
        source: str = "<text>",
        where: str = "",
        first_line: int = 1,
    ) -> Grid:
        """Return a grid whose merged ranges are written once, in their top-left cell.

        Every other position a merge covers is emptied and listed in ``covered``.

        >>> grid = Grid.merged([["a", "a", "b"], ["a", "a", "c"]], [(0, 0, 1, 1)])
        >>> grid.rows, sorted(grid.covered)
        ((('a', '', 'b'), ('', '', 'c')), [(0, 1), (1, 0), (1, 1)])
        """
        cells = [list(row) for row in rows]
        kept: list[Merge] = []
        covered: set[tuple[int, int]] = set()
        for top, left, bottom, right in merges:
            if (top, left) == (bottom, right) or top >= len(cells):
                continue
            kept.append((top, left, bottom, right))
            for r in range(top, min(bottom, len(cells) - 1) + 1):
                for c in range(left, min(right, len(cells[r]) - 1) + 1):
                    if (r, c) != (top, left):
                        cells[r][c] = ""
                        covered.add((r, c))
        return cls(
            cells,
            source=source,
            where=where,
            covered=frozenset(covered),
            first_line=first_line,
            merges=tuple(kept),
        )

    def export_rows(self) -> list[tuple[str, ...]]:
        """Return the rows as the word-processor text export writes them.

        A merged cell is written once per row, in its first column: the positions a merge covers
        to the right of its first column are left out, those below its first row are empty.

        >>> Grid.merged([["x", "x", "y"], ["x", "x", "z"]], [(0, 0, 1, 1)]).export_rows()
        [('x', 'y'), ('', 'z')]
        """
        dropped = {
            (r, c)
            for top, left, bottom, right in self.merges
            for r in range(top, bottom + 1)
            for c in range(left + 1, right + 1)
        }
        return [
            tuple(cell for c, cell in enumerate(row) if (r, c) not in dropped)
            for r, row in enumerate(self.rows)
        ]

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


@frozen
class Paragraph:
    """Text outside any table (a title, a heading), in document order between the grids.

    Attributes:
        text: the paragraph's text, stripped.
        where: the place inside the file (``"page 2"``, ``"sheet 项目1"``), for messages.

    """

    text: str
    where: str = ""


#: What a format reader turns a document into, in document order.
Part = Grid | Paragraph


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
