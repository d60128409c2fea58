"""read_tables on the four seed documents: counts per table, sampled rows field by field, damage.

Counts were verified by hand against the documents (see docs/documents.md, "How the seed counts
were checked"): the seed README says 81/16/3 tables for 000/001/002, but 000 numbers its tables
1-82, and 001 and 002 each hold tables whose heading the export lost (22 and 4 tables).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEEDS

import perfmetrics as pm
from perfmetrics.documents.html_view import rows_html
from perfmetrics.documents.registry import READERS, pick_reader
from perfmetrics.documents.rows import make_row
from perfmetrics.documents.source import Reader, Source
from perfmetrics.values.model import Amount

PDF = SEEDS / "000_f59a8d3134e745d4.txt"
WORD_001 = SEEDS / "001_7636b05d3c472e6f.txt"
WORD_002 = SEEDS / "002_9447ddad8dc33496.txt"
WORD_004 = SEEDS / "004_e85c4e418f268774.txt"

# fmt: off
ROWS_PER_TABLE = {
    PDF: [13, 6, 12, 12, 11, 10, 19, 7, 7, 7, 7, 14, 14, 11, 12, 6, 12, 16, 7, 7, 8, 14, 9, 9,
          6, 9, 12, 6, 63, 20, 20, 17, 10, 16, 79, 17, 6, 7, 17, 6, 6, 6, 7, 11, 16, 35, 12, 12,
          12, 12, 7, 7, 6, 6, 8, 8, 29, 6, 6, 9, 13, 7, 63, 6, 16, 9, 10, 7, 13, 17, 7, 6, 6, 11,
          16, 6, 7, 8, 6, 6, 6, 15],
    WORD_001: [6] * 7 + [7] + [6] * 14,
    WORD_002: [6, 6, 18, 6],
    WORD_004: [51, 7, 7, 7, 6, 7, 7, 6, 6, 6, 7, 7, 6, 6, 6, 6, 6],
}
# fmt: on


@pytest.fixture(scope="module", params=list(ROWS_PER_TABLE), ids=lambda p: p.name[:3])
def document(request: pytest.FixtureRequest) -> tuple[Path, pm.Tables]:
    path: Path = request.param
    return path, pm.read_tables(path)


def test_every_table_and_row_in_order(document: tuple[Path, pm.Tables]) -> None:
    path, tables = document
    assert [len(table.rows) for table in tables] == ROWS_PER_TABLE[path]
    assert tables.layout == ("pdf" if path == PDF else "word")
    assert tables.warnings == []
    lines = [row.line for row in tables.rows]
    assert lines == sorted(lines)
    assert all(row.value is not None and row.level3 and row.raw for row in tables.rows)


def test_the_pdf_export_recovers_every_row_without_warnings() -> None:
    tables = pm.read_tables(PDF)
    assert len(tables) == 82
    assert len(tables.rows) == 1043  # = the 二级 cells of the document, one per row
    assert [w for table in tables for w in table.warnings] == []
    assert tables[0].title == "1.实训中心设备维保费绩效目标表"
    assert tables[81].title == "82.劳动人事争议仲裁工作经费绩效目标表"


def _row(tables: pm.Tables, line: int) -> pm.IndicatorRow:
    return next(row for row in tables.rows if row.line == line)


# (document, line of the row) → level1, level2, level3, description, raw, str(parsed value)
SAMPLED_ROWS = [
    (PDF, 31, ("产出指标", "数量指标", "制造领域实训设备维保次数",
               "对于制造领域设备进行维护保养作业的次数", "≥8500 台次/年", "≥8500台次/年")),
    (PDF, 72, ("产出指标", "时效指标", "服务时间", "维保服务时间", "2022 年 1 月至 12 月",
               "2022年全年")),
    # a value cut by a page break and continued after it
    (PDF, 428, ("效益指标", "可持续影响指标", "增强相关专业领域的影响力，实现学科跨越式发展",
                "仲崇立教授在增强天津工业大学相关专业影响力、实现学科跨越式发展方面已实施的具体举措有：",
                "仲崇立教授在增强天津工业大学相关专业影响力、实现学科跨越式发展方面已实施的具体举措有：",
                "仲崇立教授在增强天津工业大学相关专业影响力、实现学科跨越式发展方面已实施的具体举措有：")),
    # 三级 = a 二级 name
    (PDF, 633, ("满意度指标", "服务对象满意度指标", "服务对象满意度指标", "服务对象满意度",
                "100 百分比", "100%")),
    # cells cut line by line by a page break (several one-line cells to a line)
    (PDF, 6443, ("满意度指标", "服务对象满意度指标", "市级已退休、死亡、转移人员对做实工作满意度",
                 "市级已退休、死亡、转移人员对做实工作的满意程度", "≥90%", "≥90%")),
    (PDF, 10212, ("产出指标", "成本指标", "保洁服务",
                  "保洁服务费，保障中心生产生活秩序，保障中心环境整洁，卫生消杀干净。",
                  "≤55.5 万元", "≤55.5万元")),
    # description and value on one line, the value repeating the description
    (PDF, 6501, ("产出指标", "时效指标", "完成时限", "2022 年底前完成", "2022 年底前完成",
                 "2022年12月底前 完成")),
    (PDF, 6883, ("产出指标", "成本指标", "物业管理费", "小于 216 万元", "<216", "<216")),
    (PDF, 11345, ("产出指标", "质量指标", "宣传知晓率", "开展普法宣传 4000 人次", "100%", "100%")),
    # word exports: 二级 filled down is not needed (written on every row); 一级 is filled down
    (WORD_001, 30, ("产出指标", "数量指标", "派遣人员数量", "派遣人员数量", "≥22人", "≥22人")),
    (WORD_001, 48, ("产出指标", "成本指标", "派遣人员工作经费", "派遣人员工作经费",
                    "≤262.96万元", "≤262.96万元")),
    (WORD_002, 178, ("产出指标", "数量指标", "积分政策宣传(新媒体)投放次数",
                          "积分政策宣传(新媒体)投放次数", "≥100万次", "≥1000000次")),
    (WORD_004, 743, ("产出指标", "成本指标", "协理员补贴预算控制额", "协理员补贴预算控制额",
                     "6000元/人", "6000元/人")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "line", "expected"),
    SAMPLED_ROWS,
    ids=[f"{path.name[:3]}-line{line}" for path, line, _ in SAMPLED_ROWS],
)
def test_sampled_rows_field_by_field(path: Path, line: int, expected: tuple[str, ...]) -> None:
    row = _row(pm.read_tables(path), line)
    fields = (row.level1, row.level2, row.level3, row.description, row.raw, str(row.value))
    assert fields == expected


def test_word_export_table_fields() -> None:
    tables = pm.read_tables(WORD_004)
    project = tables[1]
    assert project.kind is pm.TableKind.PROJECT
    assert project.title == "1.劳动就业社会保障服务协理员补贴及培训经费绩效目标表"
    assert (project.unit_code, project.unit) == ("323001", "曹妃甸区人力资源和社会保障局本级")
    assert project.project == "劳动就业社会保障服务协理员补贴及培训经费"
    assert project.project_code == "13020923P000036100017"
    assert project.budget == pm.Budget(
        total=Amount(Decimal("83.65"), "万元"), fiscal=Amount(Decimal("83.65"), "万元")
    )
    assert project.budget.total is not None
    assert project.budget.total.quantity == pm.ureg.Quantity(Decimal("83.65"), "万元")
    assert project.spending_plan == (
        ("3月底", Decimal("0.00")),
        ("6月底", Decimal("0.00")),
        ("10月底", Decimal("0.00")),
        ("12月底", Decimal("100.00")),
    )
    assert project.goals.startswith("1.按时发放基层劳动保障协理员补贴")
    assert project.purpose.startswith("预算资金83.65万元")
    assert project.rows[3].basis == "810000元/135人"
    assert project.rows[6].category is pm.Category.SATISFACTION


def test_department_tiers() -> None:
    department = pm.read_tables(WORD_004)[0]
    assert department.kind is pm.TableKind.DEPARTMENT
    assert department.title == "部门整体绩效目标"
    first, cut_off = department.rows[0], department.rows[14]
    assert first.tiers == {"优": "100%", "良": "≥90%", "中": "≥80%", "差": "<80%"}
    assert first.extra["活动编码"] == "0101"
    assert department.rows[1].extra["活动编码"] == "0101"  # merged cell, filled down
    assert first.grade("92%") == "良"
    assert cut_off.level3 == "开展就业服务指导培训次数"
    assert cut_off.tiers == {"优": ">2", "良": "<2"}  # the empty 中/差 cells are left out


def test_lost_titles_are_reported_not_invented() -> None:
    tables = pm.read_tables(WORD_001)
    untitled = [table for table in tables if table.title is None]
    assert [table.project for table in untitled][:2] == [
        "2025年区级城乡居民养老保险",
        "2025年区级机关事业单位养老保险",
    ]
    assert len(untitled) == 6
    assert all("no title line" in table.warnings[0] for table in untitled)


def _lines(path: Path, count: int) -> str:
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[:count])


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"", "the document is empty"),
        ("   \n  ", "the document is empty"),
        (b"\x00\x01PK\x03\x04", "binary file"),
        (b"\xff\xfe\xfa\xfb\xfc", "not UTF-8 or GB 18030"),
        (Path("/no/such/file.txt"), "no such file"),
    ],
)
def test_unreadable_documents_raise_a_clear_error(source: object, message: str) -> None:
    with pytest.raises(pm.DocumentError, match=message):
        pm.read_tables(source)  # type: ignore[arg-type]


def test_a_document_without_tables_is_empty_with_a_warning() -> None:
    tables = pm.read_tables("第一部分\n部门整体绩效目标\n")
    assert list(tables) == []
    assert "no 绩效目标表 table found" in tables.warnings[0]


@pytest.mark.parametrize(
    ("path", "lines", "rows", "warning"),
    [
        (WORD_001, 20, 0, "the table has no indicator header"),
        (WORD_001, 38, 1, "a row of 3 cells under a header of 5"),
        (PDF, 30, 0, "the table has no indicator rows"),
        (PDF, 85, 6, "a cell cut by a page break could not be rejoined ('下半年维保')"),
    ],
)
def test_truncated_tables_keep_their_rows_and_say_what_is_missing(
    path: Path, lines: int, rows: int, warning: str
) -> None:
    tables = pm.read_tables(_lines(path, lines))
    assert len(tables) == 1
    assert len(tables[0].rows) == rows
    assert warning in " ".join(tables[0].warnings)


def test_gb18030_bytes_read_like_utf8() -> None:
    text = WORD_002.read_text(encoding="utf-8")
    assert [r.raw for r in pm.read_tables(text.encode("gb18030")).rows] == [
        r.raw for r in pm.read_tables(text).rows
    ]


def test_reprs_are_short_and_html_is_a_table() -> None:
    tables = pm.read_tables(WORD_002)
    assert repr(tables).endswith(": 4 tables, 36 rows, 1 warnings>")
    title = "1.“天津人才工作”微信公众号信息发布系统运维经费绩效目标表"
    assert repr(tables[0]) == f"<Table '{title}', 6 rows, 预算数 10.00万元>"
    assert repr(tables[0].rows[3]) == (
        "<IndicatorRow 成本指标/公众号信息发布系统运维经费: '≤10万元' → ≤10万元>"
    )
    html = tables[0]._repr_html_()
    assert html.count("<tr>") == 7 and "≤10万元" in html
    assert tables._repr_html_().count("<details>") == 4  # one folded table each


# ---------------------------------------------------------------------------- readers
def test_the_registry_lists_the_word_export_before_the_catch_all_pdf_export() -> None:
    names = [reader.name for reader in READERS]
    assert names == ["docx", "xlsx", "xls", "html", "pdf-file", "doc", "word", "pdf"]
    word = Source.load(WORD_002)
    assert [reader.sniff(word) for reader in READERS] == [False] * 6 + [True, True]
    assert pick_reader(word, READERS) is READERS[6]
    assert pick_reader(Source.load(PDF), READERS) is READERS[7]


def test_a_reader_added_to_the_list_is_asked_first() -> None:
    seen: list[str] = []

    def sniff(source: Source) -> bool:
        return source.suffix == ".txt" and source.text is not None and "活动编码" in source.text

    def read(source: Source, year: int | None) -> list[pm.Table]:
        seen.append(source.name)
        return [pm.Table(title="from the new reader")]

    department = Reader("department-first", sniff, read)
    readers = (department, *READERS)
    assert pick_reader(Source.load(WORD_004), readers) is department
    assert pick_reader(Source.load(WORD_001), readers) is READERS[6]
    chosen = pick_reader(Source.load(WORD_004), readers)
    assert chosen is not None and chosen.read(Source.load(WORD_004), None)[0].name == (
        "from the new reader"
    )
    assert seen == [str(WORD_004)]


@pytest.mark.parametrize(
    ("given", "name", "text", "problem"),
    [
        ("a\nb", "<text>", "a\nb", None),
        ("x\x00\ny", "<text>", None, "<text>: this is a binary file, not a text export"),
        ("12月底前", "<text>", "12月底前", None),  # one line that is no file name
        ("≥95%".encode("gb18030"), "<bytes>", "≥95%", None),
        (b"\xff\xfe\xfa", "<bytes>", None, "<bytes>: not UTF-8 or GB 18030 text"),
    ],
)
def test_a_source_keeps_its_bytes_and_text(
    given: str | bytes, name: str, text: str | None, problem: str | None
) -> None:
    source = Source.load(given)
    assert (source.name, source.text, source.problem) == (name, text, problem)
    assert source.data == (given if isinstance(given, bytes) else None)


def test_a_source_from_a_path_has_its_suffix_and_bytes() -> None:
    source = Source.load(WORD_002)
    assert (source.name, source.suffix) == (str(WORD_002), ".txt")
    assert source.data == WORD_002.read_bytes()
    assert source.text == WORD_002.read_text(encoding="utf-8")


def test_make_row_parses_the_value_cell_or_says_why_not() -> None:
    row = make_row(
        {"level2": " 数量指标 ", "level3": "人数", "raw": " ≥1.7万人 "}, line=3, year=None
    )
    assert (row.level2, row.raw, str(row.value), row.error, row.line) == (
        "数量指标",
        "≥1.7万人",
        "≥17000人",
        None,
        3,
    )
    empty = make_row({"level3": "人数", "raw": "  "}, line=4, year=None)
    assert (empty.value, empty.error) == (None, "the value cell is empty")


def test_rows_html_escapes_cells() -> None:
    row = make_row({"level3": "<b>", "raw": "≥5人"}, line=1, year=None)
    assert "<td>&lt;b&gt;</td>" in rows_html([row]) == row._repr_html_()
