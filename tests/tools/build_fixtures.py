"""Build tests/fixtures/formats: the seed text exports as real .docx, .xlsx (and, with LibreOffice,
.pdf, .doc, .xls, .html) files, so that every format reader is tested against the text export.

The word-processor exports (seeds 001, 002, 004) are cut into their blocks (tables are runs of
rows, titles and headings the plain lines between them) and written back as real tables:

* a row of k cells in a table W columns wide takes one column per cell and its last cell spans the
  rest (the export writes a horizontally merged cell once);
* below the indicator header, an empty 一级/二级 (or other non-value) cell is merged down into the
  cell above, as the published tables do; the header row repeats on each page;
* ``.xlsx``: numbers are typed (``100%`` a number formatted ``0%``, ``520.00`` one formatted
  ``0.00``, a long numeric code a number); seed 001 puts one table per worksheet, 002 all tables
  on one sheet separated by an empty row;
* ``*.split.docx`` / ``*.split.xlsx``: the 指标值 column split into comparator, number and unit
  columns (``计算符号 | 指标值 | 计量单位``, for 002 ``指标性质 | 目标值 | 度量单位``; seed 004's
  department goals keep their tiers).

LibreOffice converts each .docx to .pdf, .doc and .html and each .xlsx to .xls. Run::

    python tests/tools/build_fixtures.py          # writes tests/fixtures/formats/

The outputs are committed: the tests need neither this script nor LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import regex
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from perfmetrics.documents.text_word import _blocks  # noqa: E402
from perfmetrics.vocabulary import mapping, words  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "formats"
WORD_SEEDS = {
    "001": "001_7636b05d3c472e6f.txt",
    "002": "002_9447ddad8dc33496.txt",
    "004": "004_e85c4e418f268774.txt",
}
#: The formats LibreOffice makes from each seed's .docx (.xls: from its .xlsx).
CONVERTED = {"001": ("pdf", "html"), "002": ("pdf", "doc", "html", "xls"), "004": ("pdf", "xls")}
#: The split 指标值 columns' headers, as two published layouts name them.
SPLIT_HEADERS = {
    "001": ("计算符号", "指标值", "计量单位"),
    "002": ("指标性质", "目标值", "度量单位"),
    "004": ("计算符号", "指标值", "计量单位"),
}
_COLUMNS = mapping("column")
_TIERS = set(words("tier"))
_SPLIT = regex.compile(r"^(≥|≤|>=|<=|>|<|=|＞|＜)?\s*([0-9]+(?:\.[0-9]+)?)\s*([^0-9\s≥≤<>=]*)$")

Row = list[str]


def seed_parts(text: str) -> list[str | list[Row]]:
    """The export as titles (str) and tables (rows of cells), in order."""
    parts: list[str | list[Row]] = []
    for block in _blocks(text):
        if block.text is not None:
            parts.append(block.text)
        elif parts and isinstance(parts[-1], list):
            parts[-1].append(list(block.cells))
        else:
            parts.append([list(block.cells)])
    return parts


def _is_header(row: Row) -> bool:
    return "指标值" in row or "一级指标" in row or "活动编码" in row


def split_values(rows: list[Row], names: tuple[str, str, str]) -> list[Row]:
    """The 指标值 column as three named ``names``: comparator, number, unit (texts stay whole)."""
    out: list[Row] = []
    at: int | None = None
    width = 0
    for row in rows:
        if _is_header(row) and "指标值" in row:
            at, width = row.index("指标值"), len(row)
            out.append([*row[:at], *names, *row[at + 1 :]])
        elif at is not None and len(row) == width:
            found = _SPLIT.match(row[at].strip())
            cells = (
                [found.group(1) or "", found.group(2), found.group(3)]
                if found
                else ["", row[at], ""]
            )
            out.append([*row[:at], *cells, *row[at + 1 :]])
        else:
            out.append(row)
    return out


def _vertical(rows: list[Row]) -> list[tuple[int, int, int, int]]:
    """Vertical merges: an empty mergeable cell under the indicator header joins the one above."""
    merges = []
    header: Row | None = None
    start: dict[int, int] = {}
    last: dict[int, int] = {}
    for r, row in enumerate(rows):
        if header is not None and len(row) == len(header):
            for c, cell in enumerate(row):
                name = header[c]
                key = _COLUMNS.get(name)
                mergeable = name not in _TIERS and key not in ("raw", "level3", "description")
                if mergeable and not cell.strip() and c in start:
                    last[c] = r
                    continue
                if c in start and last[c] > start[c]:
                    merges.append((start[c], c, last[c], c))
                start.pop(c, None)
                if mergeable and cell.strip():
                    start[c], last[c] = r, r
        else:
            for c in list(start):
                if last[c] > start[c]:
                    merges.append((start[c], c, last[c], c))
            start.clear()
        if _is_header(row):
            header = row
    for c in start:
        if last[c] > start[c]:
            merges.append((start[c], c, last[c], c))
    return merges


def table_cells(rows: list[Row]) -> tuple[list[Row], list[tuple[int, int, int, int]], int]:
    """The grid of one table: cells, merges (across and down) and the header row's index."""
    width = max(len(row) for row in rows)
    grid = [[*row[:-1], *[row[-1]] * (width - len(row) + 1)] for row in rows]
    merges = [(r, len(row) - 1, r, width - 1) for r, row in enumerate(rows) if len(row) < width]
    merges += _vertical(rows)
    header = next((r for r, row in enumerate(rows) if _is_header(row)), -1)
    return grid, merges, header


def write_docx(parts: list[str | list[Row]], path: Path) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        grid, merges, header = table_cells(part)
        table = document.add_table(rows=len(grid), cols=len(grid[0]))
        table.style = "Table Grid"
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        for top, left, bottom, right in merges:
            table.cell(top, left).merge(table.cell(bottom, right))
            table.cell(top, left).text = grid[top][left]
        if header >= 0:
            properties = table.rows[header]._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            properties.append(repeat)
    document.save(str(path))


_PERCENT = regex.compile(r"^(\d+(?:\.(\d+))?)%$")
_DECIMAL = regex.compile(r"^\d+\.(\d+)$")
_CODE = regex.compile(r"^[1-9]\d{15,}$")


def _typed(cell: object, text: str) -> None:
    """Write ``text`` as the typed value a spreadsheet would hold, with its number format."""
    if (found := _PERCENT.match(text)) is not None:
        places = len(found.group(2) or "")
        cell.value = float(found.group(1)) / 100  # type: ignore[attr-defined]
        cell.number_format = "0%" if not places else "0." + "0" * places + "%"  # type: ignore[attr-defined]
    elif (found := _DECIMAL.match(text)) is not None:
        cell.value = float(text)  # type: ignore[attr-defined]
        cell.number_format = "0." + "0" * len(found.group(1))  # type: ignore[attr-defined]
    elif _CODE.match(text):
        cell.value = int(text)  # type: ignore[attr-defined]
    else:
        cell.value = text  # type: ignore[attr-defined]
        cell.data_type = "s"  # type: ignore[attr-defined]  # "=100%" is text, not a formula


def write_xlsx(parts: list[str | list[Row]], path: Path, *, sheet_per_table: bool) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "表1"
    row_at = 1
    pending: list[str] = []
    count = 0
    for part in parts:
        if isinstance(part, str):
            pending.append(part)
            continue
        count += 1
        if sheet_per_table and count > 1:
            sheet = book.create_sheet(f"表{count}")
            row_at = 1
        grid, merges, _ = table_cells(part)
        for title in pending:
            sheet.cell(row_at, 1).value = title
            if len(grid[0]) > 1:
                sheet.merge_cells(
                    start_row=row_at, start_column=1, end_row=row_at, end_column=len(grid[0])
                )
            row_at += 1
        pending = []
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                cell = sheet.cell(row_at + r, c + 1)
                _typed(cell, text)
                cell.alignment = Alignment(wrap_text=True)
        for top, left, bottom, right in merges:
            sheet.merge_cells(
                start_row=row_at + top,
                start_column=left + 1,
                end_row=row_at + bottom,
                end_column=right + 1,
            )
        row_at += len(grid) + 1  # an empty row between tables
    book.save(str(path))


def convert(path: Path, target: str) -> None:
    """Convert with LibreOffice into OUT (.doc through .odt: LibreOffice's direct .docx → .doc
    export writes the tables after a page break as plain paragraphs)."""
    soffice = shutil.which("soffice")
    assert soffice is not None
    with tempfile.TemporaryDirectory() as folder:

        def run(given: Path, to: str, out: Path) -> None:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    to,
                    "--outdir",
                    str(out),
                    str(given),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )

        if target == "doc":
            run(path, "odt", Path(folder))
            path = Path(folder) / f"{path.stem}.odt"
        run(path, target, OUT)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    office = shutil.which("soffice") is not None
    for key, name in WORD_SEEDS.items():
        parts = seed_parts((SEEDS / name).read_text(encoding="utf-8"))
        names = SPLIT_HEADERS[key]
        split = [p if isinstance(p, str) else split_values(p, names) for p in parts]
        write_docx(parts, OUT / f"{key}.docx")
        write_docx(split, OUT / f"{key}.split.docx")
        write_xlsx(parts, OUT / f"{key}.xlsx", sheet_per_table=key != "002")
        write_xlsx(split, OUT / f"{key}.split.xlsx", sheet_per_table=key != "002")
        if office:  # a few formats per seed keep the committed files small
            for target in CONVERTED[key]:
                convert(OUT / f"{key}.{'xlsx' if target == 'xls' else 'docx'}", target)
    print("\n".join(sorted(f"{p.name}\t{p.stat().st_size}" for p in OUT.iterdir())))


if __name__ == "__main__":
    main()
