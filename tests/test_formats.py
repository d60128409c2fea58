"""Every file format reads as the text export it was built from (tests/fixtures/formats).

The fixtures were made by tests/tools/build_fixtures.py from the seed word-processor exports
001, 002 and 004: .docx and .xlsx with merged 一级/二级 cells and a repeated header row, the same
with the 指标值 split in comparator | number | unit cells (``*.split.*``), and LibreOffice's
.pdf, .doc, .xls and .html of them. Each must give the same tables and rows, and the same parsed
values, as the text export.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import stat
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import regex
from conftest import SEEDS, SHARED, requires_shared
from hypothesis import given as hypothesis_given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.documents import format_pdf
from perfmetrics.documents.cell_text import shown
from perfmetrics.documents.format_pdf import join_pages
from perfmetrics.documents.grid import Grid, Paragraph, Part
from perfmetrics.documents.source import MAX_BYTES, Source, detect_format

FORMATS = Path(__file__).parent / "fixtures" / "formats"
EXPORTS = {
    "001": SEEDS / "001_7636b05d3c472e6f.txt",
    "002": SEEDS / "002_9447ddad8dc33496.txt",
    "004": SEEDS / "004_e85c4e418f268774.txt",
}
#: fixture → (layout, tables, rows): the counts the text exports give.
# fmt: off
FIXTURES = {
    "001.docx": ("docx", 22, 133), "001.split.docx": ("docx", 22, 133),
    "001.xlsx": ("xlsx", 22, 133), "001.split.xlsx": ("xlsx", 22, 133),
    "001.html": ("html", 22, 133), "001.pdf": ("pdf-file", 22, 133),
    "002.docx": ("docx", 4, 36), "002.split.docx": ("docx", 4, 36),
    "002.xlsx": ("xlsx", 4, 36), "002.split.xlsx": ("xlsx", 4, 36),
    "002.html": ("html", 4, 36), "002.pdf": ("pdf-file", 4, 36), "002.xls": ("xls", 4, 36),
    "004.docx": ("docx", 17, 154), "004.split.docx": ("docx", 17, 154),
    "004.xlsx": ("xlsx", 17, 154), "004.split.xlsx": ("xlsx", 17, 154),
    "004.pdf": ("pdf-file", 17, 154), "004.xls": ("xls", 17, 154),
}
# fmt: on
@functools.cache
def _read(path: Path) -> pm.Tables:
    return pm.read_tables(path)


def _squeezed(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def _row(row: pm.IndicatorRow) -> tuple[object, ...]:
    # A PDF or a web page keeps no run of spaces inside a cell: compare texts without spaces.
    raw, description = _squeezed(row.raw), _squeezed(row.description)
    return (row.level1, row.level2, row.level3, description, raw, row.value, row.error)


def _table(table: pm.Table) -> tuple[object, ...]:
    return (
        table.kind, table.title, table.unit, table.unit_code, table.money_unit, table.project,
        table.project_code, table.budget, table.spending_plan, _squeezed(table.goals),
        _squeezed(table.purpose), len(table.rows), len(table.warnings),
    )  # fmt: skip


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_format_gives_the_rows_of_its_text_export(name: str) -> None:
    layout, tables, rows = FIXTURES[name]
    expected = _read(EXPORTS[name[:3]])
    got = _read(FORMATS / name)
    assert (got.layout, len(got), sum(len(t.rows) for t in got)) == (layout, tables, rows)
    assert [_row(r) for t in got for r in t.rows] == [_row(r) for t in expected for r in t.rows]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_format_gives_the_tables_of_its_text_export(name: str) -> None:
    expected = _read(EXPORTS[name[:3]])
    assert [_table(t) for t in _read(FORMATS / name)] == [_table(t) for t in expected]


def test_split_cells_are_kept_as_written_and_read_joined() -> None:
    row = _read(FORMATS / "001.split.docx")[0].rows[0]
    assert row.raw == "≥22人" and str(row.value) == str(_read(EXPORTS["001"])[0].rows[0].value)
    assert (row.extra["计算符号"], row.extra["计量单位"]) == ("≥", "人")
    other = _read(FORMATS / "002.split.xlsx")[0].rows[0]  # 指标性质 | 目标值 | 度量单位
    assert (other.raw, other.extra["度量单位"]) == ("1个", "个")


def test_warnings_name_the_file_the_place_and_the_row() -> None:
    warning = _read(FORMATS / "002.xlsx")[3].warnings[0]
    assert warning.startswith(f"{FORMATS / '002.xlsx'}, sheet 表1, table 3, row 54: ")
    assert "no title line above the table" in warning
    assert _read(FORMATS / "002.pdf")[3].warnings[0].startswith(f"{FORMATS / '002.pdf'}, page 3")
    assert (
        _read(FORMATS / "002.docx")[3]
        .warnings[0]
        .startswith(f"{FORMATS / '002.docx'}, table 3, row 25")
    )


HEADER = ("一级指标", "二级指标", "三级指标", "指标值")


@pytest.mark.parametrize(
    ("above", "below", "joined"),
    [
        # the header the page repeats is dropped; a row cut by the break is joined back
        (
            [HEADER, ("产出指标", "数量指标", "基本养老保险足额归集", "≥98%")],
            [HEADER, ("", "", "率", ""), ("", "质量指标", "及时率", "100%")],
            [HEADER, ("产出指标", "数量指标", "基本养老保险足额归集率", "≥98%"),
             ("", "质量指标", "及时率", "100%")],
        ),
        # a whole row at the top of the page (merged 一级 cell continued) is no cut row
        (
            [HEADER, ("产出指标", "数量指标", "人数", "≥1人")],
            [("", "质量指标", "合格率", "100%")],
            [HEADER, ("产出指标", "数量指标", "人数", "≥1人"), ("", "质量指标", "合格率", "100%")],
        ),
        # above the header: a row filling most cells (资金支出计划 figures) is a row of its own
        (
            [("资金支出计划（%）", "3月底", "6月底", "12月底")],
            [("", "0", "0", "100.00")],
            [("资金支出计划（%）", "3月底", "6月底", "12月底"), ("", "0", "0", "100.00")],
        ),
        # a unit row alone at the foot of a page, its owner cut
        (
            [("353101天津市津南区", "单位：万元")],
            [("人力资源和社会保障局", "", "", ""), ("项目名称", "经费", "", "")],
            [("353101天津市津南区人力资源和社会保障局", "单位：万元", "", ""),
             ("项目名称", "经费", "", "")],
        ),
    ],
)  # fmt: skip
def test_a_table_cut_by_a_page_break_is_joined(
    above: list[tuple[str, ...]], below: list[tuple[str, ...]], joined: list[tuple[str, ...]]
) -> None:
    parts = join_pages([[(72.0, Grid(above))], [(72.0, Paragraph("— 2 —")), (94.0, Grid(below))]])
    assert len(parts) == 1 and isinstance(parts[0], Grid)
    assert [tuple(cell for cell in row) for row in parts[0].rows] == [
        tuple(row) + ("",) * (len(joined[i]) - len(row))
        if len(row) < len(joined[i])
        else tuple(row)
        for i, row in enumerate(joined)
    ]


def test_a_new_table_at_the_top_of_a_page_stays_apart() -> None:
    first = Grid([HEADER, ("产出指标", "数量指标", "人数", "≥1人")])
    second = Grid([("353215天津市引进人才综合服务中心", "单位：万元"), ("项目名称", "经费")])
    assert join_pages([[(72.0, first)], [(72.0, second)]]) == [first, second]


# ------------------------------------------------------------------ what a source is
@pytest.mark.parametrize(
    ("name", "kind"),
    [("002.docx", "docx"), ("002.xlsx", "xlsx"), ("002.xls", "xls"), ("002.doc", "doc"),
     ("002.pdf", "pdf"), ("002.html", "html")],
)  # fmt: skip
def test_the_format_comes_from_the_content_not_the_name(
    name: str, kind: str, tmp_path: Path
) -> None:
    renamed = tmp_path / "document.txt"
    shutil.copy(FORMATS / name, renamed)
    assert Source.load(renamed).kind == kind
    assert detect_format((FORMATS / name).read_bytes()) == kind
    if kind != "doc":  # a .doc is read through LibreOffice: see the tests below
        expected = _read(FORMATS / name)
        assert [_table(t) for t in _read(renamed)] == [_table(t) for t in expected]
        assert [_row(r) for t in _read(renamed) for r in t.rows] == [
            _row(r) for t in expected for r in t.rows
        ]


def test_bytes_a_file_object_and_html_text_read_alike() -> None:
    data = (FORMATS / "002.docx").read_bytes()
    page = (FORMATS / "002.html").read_text(encoding="utf-8")
    expected = [_table(t) for t in _read(FORMATS / "002.docx")]
    for given in (data, io.BytesIO(data), page):
        assert [_table(t) for t in pm.read_tables(given)] == expected


@pytest.mark.parametrize("given", ["missing.docx", "no/such/thing", Path("missing.pdf")])
def test_a_path_that_does_not_exist_is_an_error_not_text(given: str | Path) -> None:
    with pytest.raises(pm.DocumentError, match="no such file"):
        pm.read_tables(given)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_devices_fifos_and_directories_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    for path in (fifo, tmp_path, Path("/dev/zero")):
        with pytest.raises(pm.DocumentError, match="not a regular file"):
            pm.read_tables(path)


def test_inputs_over_the_size_limit_are_refused() -> None:
    path = FORMATS / "002.docx"
    size = path.stat().st_size
    assert size < MAX_BYTES
    for given in (path, path.read_bytes(), io.BytesIO(path.read_bytes())):
        with pytest.raises(pm.DocumentError, match="larger than the limit of"):
            pm.read_tables(given, max_bytes=size - 1)  # type: ignore[arg-type]
    assert len(pm.read_tables(path, max_bytes=size)) == 4


@pytest.mark.parametrize(
    ("name", "module", "extra"),
    [("002.docx", "docx", "docx"), ("002.xlsx", "openpyxl", "xlsx"), ("002.xls", "xlrd", "xlsx"),
     ("002.pdf", "pdfplumber", "pdf")],
)  # fmt: skip
def test_a_missing_extra_names_the_pip_command(
    name: str, module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    with pytest.raises(pm.DocumentError, match=rf'pip install "perfmetrics\[{extra}\]"'):
        pm.read_tables(FORMATS / name)


def test_a_doc_file_needs_libreoffice_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pm.DocumentError, match="needs LibreOffice"):
        pm.read_tables(FORMATS / "002.doc")


def test_a_doc_file_is_converted_by_soffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in soffice that "converts" by copying the .docx LibreOffice made of this .doc
    # (the real one, where installed, is exercised by tests/tools/build_fixtures.py).
    fake = tmp_path / "soffice"
    fake.write_text(
        f'#!/bin/sh\nfor last; do :; done\ncp "{FORMATS / "002.docx"}" "${{last%.doc}}.docx"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    tables = pm.read_tables(FORMATS / "002.doc")
    assert (tables.layout, len(tables)) == ("doc", 4)
    assert [_row(r) for t in tables for r in t.rows] == [
        _row(r) for t in _read(EXPORTS["002"]) for r in t.rows
    ]


# ------------------------------------------------------------------ cells as shown
@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (0.95, "0%", "95%"),
        (1, "0%", "100%"),
        (0.955, "0.0%", "95.5%"),
        (520, "0.00", "520.00"),
        (262.96, "General", "262.96"),
        (1234567.5, "#,##0.00", "1,234,567.50"),
        (123456789012345678901, "General", "123456789012345678901"),
        (123456789012345678901, "0", "123456789012345678901"),
        (13020923.0, "General", "13020923"),
        ("≥95%", "@", "≥95%"),
    ],
)
def test_spreadsheet_cells_read_as_shown(value: object, number_format: str, text: str) -> None:
    assert shown(value, number_format) == text


def test_a_sheet_keeps_its_code_and_percent_cells_as_shown(tmp_path: Path) -> None:
    # Codes stored as numbers: 16 digits survive a double; a 21-digit one survives when the
    # file writes it as an integer (the XML is edited below, as other tools write it).
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["353215天津市引进人才综合服务中心", "单位：万元"],
        ["项目编码", 3530010000000001, "项目名称", "运维经费"],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
        ["产出指标", "质量指标", "验收合格率", "验收合格率", 1],
    ]
    for row in rows:
        sheet.append(row)
    sheet.cell(4, 5).number_format = "0%"
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    table = pm.read_tables(path)[0]
    assert table.project_code == "3530010000000001"
    assert (table.rows[0].raw, str(table.rows[0].value)) == ("100%", "100%")
    long_code = tmp_path / "long.xlsx"
    with zipfile.ZipFile(path) as given, zipfile.ZipFile(long_code, "w") as out:
        for item in given.infolist():
            data = given.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>3530010000000001</v>", b"<v>123456789012345678901</v>")
            out.writestr(item, data)
    assert pm.read_tables(long_code)[0].project_code == "123456789012345678901"


# ------------------------------------------------------------------ self-evaluation grids
def test_self_evaluation_tables_read_from_a_workbook(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "selfeval"
    grid_file = fixture / "hebei_chengan-centenarian-allowance.grid.tsv"
    book = openpyxl.Workbook()
    sheet = book.active
    for line in grid_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sheet.append(line.split("\t"))
    path = tmp_path / "selfeval.xlsx"
    book.save(path)
    expected = pm.read_selfeval(grid_file)
    got = pm.read_selfeval(path)
    assert len(got) == len(expected) == 1
    assert got[0].project == expected[0].project
    assert [(r.level3, r.target, r.actual) for r in got[0].rows] == [
        (r.level3, r.target, r.actual) for r in expected[0].rows
    ]


# ------------------------------------------------------------------ real PDFs
@requires_shared("real", "shanghai-putuo-govoffice-2025-budget.pdf")
def test_a_real_budget_pdf_reads_without_error_and_keeps_its_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = SHARED / "real" / "shanghai-putuo-govoffice-2025-budget.pdf"
    seen: list[list[Part]] = []

    def keep(pages: Any) -> list[Part]:
        seen.append(join_pages(pages))
        return seen[-1]

    monkeypatch.setattr(format_pdf, "join_pages", keep)  # see the grids read_tables reads
    tables = pm.read_tables(path)
    assert list(tables) == [] and "no 绩效目标表 table found" in tables.warnings[0]
    cells = [
        cell for part in seen[0] if isinstance(part, Grid) for row in part.rows for cell in row
    ]
    numbers = [
        c for c in cells if c and set(c) <= set("0123456789,.-") and any(d.isdigit() for d in c)
    ]
    assert len(numbers) > 300
    assert all(_well_formed(number) for number in numbers), [
        n for n in numbers if not _well_formed(n)
    ]
    assert "91,016,775.35" in numbers  # 一、财政拨款收入, page 3


def _well_formed(text: str) -> bool:
    return regex.fullmatch(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", text) is not None


# ------------------------------------------------------------------ layouts of published sheets
def _submission_sheet(book: openpyxl.Workbook, title: str, code: int, name: str) -> None:
    sheet = book.create_sheet(title)
    rows: list[list[object]] = [
        ["2025年项目支出绩效目标申报表"],
        [],
        ["项目编码", code, "项目名称", name],
        ["申请单位", "某区人力资源和社会保障局", "一级预算单位", "某区人力资源和社会保障局"],
        ["项目总金额", 120, "本年金额", 120],
        ["政策依据", "某文件", "测算依据", "按人数测算"],
        ["年度目标", "完成职业技能培训，提高就业能力"],
        ["一级指标", "二级指标", "三级指标", "指标解释", "指标性质", "目标值", "度量单位"],
        ["产出指标", "数量", "培训人次", "参加培训的人次", "≥", 500, "人次"],
        [None, "质量", "培训合格率", "合格人数占比", "≥", 0.95, None],
        [None, "时效", "完成时间", None, "≤", "2025年12月", None],
        ["效益指标", "社会效益", "就业能力", None, "定性", "明显提高", None],
    ]
    for row in rows:
        sheet.append(row)
    sheet.cell(10, 6).number_format = "0%"
    sheet.merge_cells("A1:G1")
    sheet.merge_cells("B7:G7")
    sheet.merge_cells("A9:A11")


def test_submission_sheets_one_project_per_worksheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    _submission_sheet(book, "项目1", 3530010000000001, "职业技能培训")
    _submission_sheet(book, "项目2", 3530010000000002, "就业见习")
    path = tmp_path / "submission.xlsx"
    book.save(path)
    tables = pm.read_tables(path)
    assert [(t.title, t.project, t.project_code, t.unit) for t in tables] == [
        (
            "2025年项目支出绩效目标申报表",
            "职业技能培训",
            "3530010000000001",
            "某区人力资源和社会保障局",
        ),
        (
            "2025年项目支出绩效目标申报表",
            "就业见习",
            "3530010000000002",
            "某区人力资源和社会保障局",
        ),
    ]
    table = tables[0]
    assert table.goals == "完成职业技能培训，提高就业能力" and table.warnings == ()
    assert [(r.level1, r.category, r.raw, str(r.value)) for r in table.rows] == [
        ("产出指标", pm.Category.QUANTITY, "≥500人次", "≥500人次"),
        ("产出指标", pm.Category.QUALITY, "≥95%", "≥95%"),
        ("产出指标", pm.Category.TIMELINESS, "≤2025年12月", str(pm.parse("≤2025年12月"))),
        ("效益指标", pm.Category.BENEFIT, "明显提高", "明显提高"),
    ]
    assert table.rows[0].description == "参加培训的人次"  # the 指标解释 column
    assert table.rows[3].extra["指标性质"] == "定性"


# ------------------------------------------------------------------ properties
@hypothesis_given(
    st.decimals(min_value=0, max_value=1000, places=2), st.integers(min_value=0, max_value=3)
)
def test_a_percent_cell_reads_as_the_percent_it_shows(percent: Decimal, places: int) -> None:
    number_format = "0%" if not places else "0." + "0" * places + "%"
    shown_text = shown(float(percent) / 100, number_format)
    assert shown_text == f"{percent.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)}%"


@hypothesis_given(
    st.lists(st.text(alphabet="指标值≥95%", min_size=1, max_size=3), min_size=2, max_size=8),
    st.data(),
)
def test_a_merged_cell_is_written_once_in_the_export_rows(
    cells: list[str], data: st.DataObject
) -> None:
    left = data.draw(st.integers(min_value=0, max_value=len(cells) - 2))
    right = data.draw(st.integers(min_value=left + 1, max_value=len(cells) - 1))
    below = [f"{cell}下" for cell in cells]
    grid = Grid.merged([cells, below], [(0, left, 1, right)])
    exported = grid.export_rows()
    assert exported[0] == (*cells[:left], cells[left], *cells[right + 1 :])
    assert exported[1] == (*below[:left], "", *below[right + 1 :])
    assert len(grid.covered) == 2 * (right - left + 1) - 1


@hypothesis_given(
    st.text(alphabet=st.characters(blacklist_characters="<\x00", blacklist_categories=["Cs"]))
)
def test_text_without_markup_is_text(text: str) -> None:
    assert detect_format(text.encode("utf-8")) == "text"


def test_a_gb2312_page_with_spanning_cells_reads_as_declared() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "</head><body><p>1.运维经费绩效目标表</p><table>"
        '<tr><td>353215某中心</td><td colspan="4">单位：万元</td></tr>'
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>绩效指标描述</td><td>指标值</td></tr>"
        '<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>人数</td><td>人数</td>'
        "<td>≥1人</td></tr>"
        "<tr><td>质量指标</td><td>合格率</td><td>合格率</td><td>100%</td></tr>"
        "</table></body></html>"
    ).encode("gb18030")
    tables = pm.read_tables(page)
    as_text = pm.read_tables(page.decode("gb18030"))  # given decoded, the declaration is moot
    assert [t.rows for t in as_text] == [t.rows for t in tables]
    assert (tables.layout, tables[0].title, tables[0].unit, tables[0].money_unit) == (
        "html",
        "1.运维经费绩效目标表",
        "某中心",
        "万元",
    )
    assert [(r.level1, r.level2, r.raw) for r in tables[0].rows] == [
        ("产出指标", "数量指标", "≥1人"),
        ("产出指标", "质量指标", "100%"),
    ]


def test_a_sheet_formatted_to_its_last_cell_reads_its_values_only(tmp_path: Path) -> None:
    # Regression: max_row x max_column counts styled empty cells (here 2^20 x 2^14).
    book = openpyxl.Workbook()
    sheet = book.active
    _fill_project(sheet)
    sheet.cell(1048576, 16384).number_format = "0%"
    path = tmp_path / "styled.xlsx"
    book.save(path)
    assert [len(table.rows) for table in pm.read_tables(path)] == [1]


def _fill_project(sheet: Any) -> None:
    for row in (
        ["353215天津市引进人才综合服务中心", "单位：万元"],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
        ["产出指标", "数量指标", "人数", "人数", "≥1人"],
    ):
        sheet.append(row)


@pytest.mark.parametrize(
    ("cells", "joined", "reading"),
    [
        (("≥", "22", "人"), "≥22人", "≥22人"),  # 001.split.docx
        (("＝", "100", "%"), "＝100%", "=100%"),
        # a budget system's default ＝ gives way to the value's own comparator
        (("＝", "90%以上", ""), "90%以上", "≥90%"),
        (("＝", "3个工作日内", ""), "3个工作日内", "≤3工作日"),
        (("＝", "2025年12月底前", ""), "2025年12月底前", "2025年12月底前"),
        (("＝", "2025年1月至12月", "月"), "＝2025年1月至12月", "2025年全年"),
        # the value cell writes its comparator, the unit still has its own cell
        (("", "≥90", "%"), "≥90%", "≥90%"),
        (("正向", "不低于95", "%"), "不低于95%", "≥95%"),
        (("≥", "3个工作日内", ""), "≥3个工作日内", "≥3个工作日内"),  # a real contradiction: refused
    ],
)
def test_split_target_cells_join_into_one_value(
    cells: tuple[str, str, str], joined: str, reading: str
) -> None:
    from perfmetrics.documents.targets import join_target

    assert join_target(*cells) == joined
    assert str(pm.parse(joined)) == reading
