"""Build tests/fixtures/selfeval/office/: one real 自评表 per layout as a .docx and an .xlsx table.

Each grid (``*.grid.tsv``, a real published table) is written as the table a word processor or a
spreadsheet holds, with the merges published tables have: a row with one cell (a title, a section
head) spans the whole width, and an 一级 or 二级 cell spans down over the rows it covers inside the
indicator block. Every cell is text, as typed (numbers keep their published form: ``10.00``,
``86.19%``). Read back cell by cell, with a merge's text in its top-left position and the
positions it covers empty, each file is its grid again (tests/test_selfeval_office.py checks it).

Usage (python-docx and openpyxl are needed here only, not by the tests of the .docx content):
    .venv/bin/python tests/tools/build_selfeval_office.py
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.selfeval.columns import is_indicator_header, read_columns
from perfmetrics.documents.selfeval.rows import closing_word

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "selfeval"
OFFICE = FIXTURES / "office"
#: One table per layout (docs/selfeval.md): L1 … L6.
CHOSEN = (
    "shanghai_putuo-sports-settlement",
    "yunnan_lijiang-gucheng-satellite-enforcement",
    "sichuan_zhongjiang-water-gauge",
    "hubei_district-service-trade-fund",
    "hebei_chengan-centenarian-allowance",
    "chongqing_science-city-media-center-dept",
)

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (inclusive)


def grid_of(stem: str) -> Grid:
    """Return the fixture grid ``stem``, every row padded to the widest."""
    path = FIXTURES / f"{stem}.grid.tsv"
    (grid,) = read_grid_text(path.read_text("utf-8"), source=path.name)
    width = grid.width
    return Grid([(*row, *([""] * (width - len(row)))) for row in grid.rows], source=grid.source)


def _first(row: tuple[str, ...]) -> str:
    return next((cell for cell in row if cell.strip()), "")


def merges(grid: Grid) -> Iterator[Merge]:
    """Yield the merges of the table: one-cell rows across, 一级/二级 cells down their block."""
    rows, width = grid.rows, grid.width
    for index, row in enumerate(rows):
        if row[0].strip() and not any(cell.strip() for cell in row[1:]) and width > 1:
            yield index, 0, index, width - 1
    header = next(i for i, row in enumerate(rows) if is_indicator_header(row))
    columns = read_columns(rows, header)
    start = header + columns.header_rows
    end = next((i for i in range(start, len(rows)) if closing_word(_first(rows[i]))), len(rows))
    level1 = columns.fields.get("level1")
    for name in ("level1", "level2"):
        column = columns.fields.get(name)
        if column is None:
            continue
        top: int | None = None
        for index in range(start, end + 1):
            last = index == end
            cell = "" if last else rows[index][column].strip()
            opens = not last and level1 not in (None, column) and rows[index][level1].strip()
            if cell or opens or last:
                if top is not None and index - 1 > top:
                    yield top, column, index - 1, column
                top = index if cell else None


def write_docx(grid: Grid, path: Path) -> None:
    """Write ``grid`` as the one table of a .docx, with its merges."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = "Table Grid"
    for r, row in enumerate(grid.rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for top, left, bottom, right in merges(grid):
        table.cell(top, left).merge(table.cell(bottom, right))
    document.core_properties.author = "perfmetrics tests"
    document.save(str(path))


def write_xlsx(grid: Grid, path: Path) -> None:
    """Write ``grid`` as the one sheet of an .xlsx workbook, every cell text, with its merges."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "自评表"
    for r, row in enumerate(grid.rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                cell = sheet.cell(r, c, text)
                cell.number_format = "@"
                cell.data_type = "s"  # text as typed: openpyxl would take "=100%" for a formula
    for top, left, bottom, right in merges(grid):
        sheet.merge_cells(
            start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
        )
    workbook.save(path)


def main() -> None:
    OFFICE.mkdir(exist_ok=True)
    for stem in CHOSEN:
        grid = grid_of(stem)
        write_docx(grid, OFFICE / f"{stem}.docx")
        write_xlsx(grid, OFFICE / f"{stem}.xlsx")


if __name__ == "__main__":
    main()
