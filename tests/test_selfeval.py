"""Reading 绩效自评表: the six layouts of tests/fixtures/selfeval, whole, from grids and exports.

Every fixture is a real published table (its address is in the file's first comment lines and in
exports/SOURCES.tsv); the word-processor exports are built from the grids by
tests/tools/build_selfeval_exports.py.
"""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.selfeval.cells import comparator_cell, label_key, number, rate
from perfmetrics.documents.selfeval.columns import is_indicator_header, read_columns
from perfmetrics.documents.selfeval.layout import read_grid
from perfmetrics.documents.word_grid import (
    grid_to_word_export,
    looks_like_word_export,
    word_export_grids,
)

FIXTURES = Path(__file__).parent / "fixtures" / "selfeval"
GRIDS = sorted(FIXTURES.glob("*.grid.tsv"))
EXPORTS = FIXTURES / "exports"
EXPECTED = list(csv.DictReader((FIXTURES / "expected.tsv").open(encoding="utf-8"), delimiter="\t"))
ROWS_PER_FILE = Counter(row["file"] for row in EXPECTED)


def _table(name: str) -> pm.SelfEvalTable:
    (table,) = pm.read_selfeval(FIXTURES / name)
    return table


def _stated_layout(path: Path) -> str:
    line = next(x for x in path.read_text("utf-8").splitlines() if x.startswith("# layout:"))
    return line.split(":", 1)[1].split()[0]


def _export(path: Path) -> Path:
    return EXPORTS / path.name.replace(".grid.tsv", ".txt")


# ---------------------------------------------------------------------------- whole tables
@pytest.mark.parametrize("path", GRIDS, ids=[p.name.split(".")[0] for p in GRIDS])
def test_every_fixture_reads_whole(path: Path) -> None:
    """Every indicator row a reader lists (expected.tsv) is read, and nothing else."""
    found = pm.read_selfeval(path)
    assert len(found) == 1 and found.warnings == []
    (table,) = found
    assert table.layout == _stated_layout(path)
    assert len(table.rows) == ROWS_PER_FILE[path.name]
    assert table.warnings == ()


@pytest.mark.parametrize("path", GRIDS, ids=[p.name.split(".")[0] for p in GRIDS])
def test_word_export_reads_like_the_grid(path: Path) -> None:
    """The text export of a table (tests/tools/build_selfeval_exports.py) reads the same."""
    from_grid, from_export = pm.read_selfeval(path)[0], pm.read_selfeval(_export(path))[0]

    def facts(table: pm.SelfEvalTable) -> dict[str, object]:
        found = table.to_dict()
        for row in found["rows"]:
            del row["line"]  # a line of the file it was read from
        return found

    assert facts(from_export) == facts(from_grid)
    assert from_export.blocks == from_grid.blocks
    assert [row.row for row in from_export.rows] == [row.row for row in from_grid.rows]


# file, title, project, unit, year, total_score, total_weight
TABLE_FACTS = [
    ("shanghai_putuo-sports-settlement.grid.tsv", "财政项目支出绩效自评表",
     "普陀体育中心与委托运营方结算费用", "上海市普陀区体育事业管理中心", 2022, "98.62", "100"),
    ("anhui_chizhou-tangxi-commissioned-services.grid.tsv", "项目支出绩效自评表", "委托业务项目",
     "219001-池州市贵池区棠溪镇人民政府", 2022, None, None),
    ("sichuan_qingshen-wages.grid.tsv", "部门预算项目支出绩效自评表(2023年度)",
     "51000021R000000019951-工资性支出", "青神县发展和改革局", 2023, None, "100"),
    ("yunnan_lijiang-gucheng-satellite-enforcement.grid.tsv", "2020年度項目支出績效自評表",
     "2020年省級自然資源衛片執法補助經費支出績效自評表", "麗江市古城區自然資源局", 2020, None,
     None),
    ("sichuan_zhongjiang-water-gauge.grid.tsv", "绩效目标自评表(2022年度)",
     "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装", "中江县水利局", 2022,
     "100", "100"),
    ("hubei_district-service-trade-fund.grid.tsv", "2020年市级服务贸易发展资金项目自评表",
     "2020年市级服务贸易发展资金", "投资促进中心", 2020, "100", None),
    ("hunan_hengshan-grain-reserve.grid.tsv", "2020年度县级专项资金绩效目标自评表", "县级储备粮",
     "粮食调控储备与产业发展股", 2020, None, None),
    ("hebei_chengan-centenarian-allowance.grid.tsv", "成安县民政局2020年度预算项目绩效自评表",
     "19名百岁老人高龄津贴", "314002-成安县民政局机关", 2020, None, None),
    ("chongqing_science-city-media-center-dept.grid.tsv", "部门整体绩效自评表", None, None, None,
     "97.6", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "title", "project", "unit", "year", "total", "weights"),
    TABLE_FACTS,
    ids=[fact[0].split(".")[0] for fact in TABLE_FACTS],
)
def test_table_facts(
    name: str,
    title: str,
    project: str | None,
    unit: str | None,
    year: int | None,
    total: str | None,
    weights: str | None,
) -> None:
    table = _table(name)
    assert (table.title, table.project, table.unit, table.year) == (title, project, unit, year)
    assert table.total_score == (None if total is None else Decimal(total))
    assert table.total_weight == (None if weights is None else Decimal(weights))


# file, label, adjusted, executed, rate, weight, score, parts
BUDGETS = [
    ("shanghai_putuo-sports-settlement.grid.tsv", "年度资金总额", "250000.00", "215457.6",
     "0.8619", "10", "8.62", 3),
    ("anhui_chizhou-tangxi-commissioned-services.grid.tsv", "年度资金总额:", "0", "0", "0", "10",
     "0", 3),
    ("sichuan_qingshen-wages.grid.tsv", "总额", "251.89", "251.89", "1.00", "10", None, 4),
    ("yunnan_lijiang-gucheng-satellite-enforcement.grid.tsv", "年度資金總額", "7.29", "7.29", "1",
     "10.00", "10.00", 3),
    ("hubei_district-service-trade-fund.grid.tsv", "年度财政资金总额", "285.84", "285.84", "1",
     "20", "20", 0),
    ("hunan_hengshan-grain-reserve.grid.tsv", "年度资金总额", "194.9", "194.9", "1", None, None, 2),
    ("hebei_langfang-food-school-hvac.grid.tsv", "年度资金总额", "43.2", "37.24", "0.86", "10",
     "9", 3),
    ("hebei_chengan-centenarian-allowance.grid.tsv", "预算数", "6.84", "6.84", "1.00", None, None,
     0),
    ("chongqing_science-city-media-center-dept.grid.tsv", "", None, None, "0.76", "10", "7.6", 0),
]  # fmt: skip


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@pytest.mark.parametrize(
    ("name", "label", "adjusted", "executed", "rate_", "weight", "score", "parts"),
    BUDGETS,
    ids=[budget[0].split(".")[0] for budget in BUDGETS],
)
def test_budget_line(
    name: str,
    label: str,
    adjusted: str | None,
    executed: str | None,
    rate_: str,
    weight: str | None,
    score: str | None,
    parts: int,
) -> None:
    line = _table(name).budget
    assert line is not None
    assert line.label == label
    assert (line.adjusted and line.adjusted.magnitude) == _decimal(adjusted)
    assert (line.executed and line.executed.magnitude) == _decimal(executed)
    assert (line.rate, line.weight, line.score) == (
        Decimal(rate_),
        _decimal(weight),
        _decimal(score),
    )
    assert len(line.parts) == parts


def test_budget_amounts_keep_the_money_unit_and_the_parts() -> None:
    line = _table("shanghai_putuo-sports-settlement.grid.tsv").budget
    assert line is not None and line.initial == pm.Amount(Decimal("250000.00"), "元")
    assert line.computed_rate == Decimal("215457.6") / Decimal("250000.00")
    assert [part.label for part in line.parts] == ["其中:当年财政拨款", "上年结转资金", "其他资金"]
    assert line.parts[1].executed == pm.Amount(Decimal(0), "元")
    chizhou = _table("anhui_chizhou-tangxi-commissioned-services.grid.tsv").budget
    assert chizhou is not None and chizhou.parts[0].executed == pm.Amount(Decimal("89.974"), "万元")


def test_block_weights_from_level1_labels() -> None:
    assert dict(_table("anhui_xiaoxian-hexi-farming-subsidy.grid.tsv").blocks) == {
        "产 出 指 标 (50分)": Decimal(50),
        "效 益 指 标 (30分)": Decimal(30),
    }
    assert _table("sichuan_zhongjiang-water-gauge.grid.tsv").blocks["效益指标(20分)"] == 20


def test_goals_of_the_year() -> None:
    table = _table("hunan_hengshan-grain-reserve.grid.tsv")
    assert (table.goal, table.achieved) == ("保持和稳定地方粮食储备机制", "地方储备粮食规模达标")


# ---------------------------------------------------------------------------- rows
def test_department_table_has_no_levels_and_a_coefficient() -> None:
    """L6 (重庆 部门整体): one 指标名称 column; 得分系数(%) kept as a fraction."""
    row = _table("chongqing_science-city-media-center-dept.grid.tsv").rows[0]
    assert (row.level1, row.level2, row.level3) == (None, None, "财政供养人员控制率")
    assert row.coefficient == 1 and row.extra == {"是否核心指标": "否"}
    assert row.verdict.met is True and row.verdict.op == "<="


def test_split_target_cells_are_joined() -> None:
    """L2: 指标性质 | 指标值 | 度量单位 (云南, two header rows; 河北成安 符号 | value | 单位)."""
    rows = _table("yunnan_lijiang-gucheng-satellite-enforcement.grid.tsv").rows
    assert [row.target for row in rows] == ["﹦72890元", "﹦100%", "﹦100%", "≥95%", "≥95%"]
    assert rows[0].target_value == pm.parse("=72890元")
    chengan = _table("hebei_chengan-centenarian-allowance.grid.tsv").rows[0]
    assert (chengan.target, chengan.weight, chengan.score, chengan.item_score) == (
        ">=98%(百分比)",
        Decimal("25.00"),
        Decimal("6.25"),
        Decimal("25.00"),
    )
    assert chengan.extra["单项指标完成情况"] == "完成"


def test_breakdown_rows_are_parts() -> None:
    """萧县: 其中… rows have a target and an actual but no weight or score of their own."""
    rows = _table("anhui_xiaoxian-hexi-farming-subsidy.grid.tsv").rows
    parts = [row.level3 for row in rows if row.part]
    assert parts[:2] == ["其中桃树种植面积", "其中苹果树种植面积"] and len(parts) == 7
    assert not any(row.part for row in _table("anhui_suixi-temporary-relief.grid.tsv").rows)


def test_placeholders_and_repeated_labels_are_skipped() -> None:
    """廊坊: 指标2 / …… rows and a repeated 效益指标 after a page break."""
    rows = _table("hebei_langfang-food-school-hvac.grid.tsv").rows
    assert [row.row for row in rows] == [12, 15, 16, 18, 21, 24, 27, 33, 36]
    assert rows[7].level1 == "效益指标" and rows[7].level2 == "可持续影响指标"


def test_reason_and_empty_actuals() -> None:
    suixi = _table("anhui_suixi-temporary-relief.grid.tsv").rows[3]
    assert suixi.reason == "特困人员实行动态管理" and suixi.verdict.met is False
    unfilled = _table("sichuan_qingshen-wages.grid.tsv").rows[0]
    assert unfilled.actual == "" and unfilled.actual_value is None
    assert unfilled.verdict.met is None and unfilled.verdict.reason_zh == "未填写完成值，无法判断"


def test_row_repr_and_dict() -> None:
    row = _table("shanghai_putuo-sports-settlement.grid.tsv").rows[2]
    assert repr(row) == "<SelfEvalRow 时效指标/费用结算及时性: '及时' → '及时' met 20/20>"
    assert row.to_dict()["verdict"] == "met"


# ---------------------------------------------------------------------------- read_selfeval
def test_read_selfeval_takes_paths_text_bytes_and_grids() -> None:
    path = FIXTURES / "hubei_district-service-trade-fund.grid.tsv"
    text = path.read_text("utf-8")
    expected = pm.read_selfeval(path)[0].to_dict()
    assert pm.read_selfeval(str(path))[0].to_dict() == expected
    assert pm.read_selfeval(text)[0].to_dict() == expected
    assert pm.read_selfeval(text.encode("gb18030"))[0].to_dict() == expected
    grids = list(read_grid_text(text))
    assert pm.read_selfeval(grids[0])[0].to_dict() == expected
    assert pm.read_selfeval(grids)[0].to_dict() == expected


def test_several_tables_in_one_export() -> None:
    text = "".join(
        (EXPORTS / name).read_text("utf-8")
        for name in ("shanghai_putuo-sports-settlement.txt", "hunan_hengshan-grain-reserve.txt")
    )
    found = pm.read_selfeval(text)
    assert [table.project for table in found] == ["普陀体育中心与委托运营方结算费用", "县级储备粮"]
    assert len(found.rows) == 5 + 16
    assert repr(found) == "<SelfEvaluation from <text>: 2 tables, 21 rows, 0 warnings>"


@pytest.mark.parametrize(
    "seed", ["001_7636b05d3c472e6f.txt", "002_9447ddad8dc33496.txt", "004_e85c4e418f268774.txt"]
)
def test_target_tables_are_not_self_evaluations(seed: str) -> None:
    """A 绩效目标表 export has no 完成值 or 得分 column: no table, one warning."""
    path = Path(__file__).parent / "data" / "seeds" / seed
    if not path.exists():
        pytest.skip(f"needs {path}")
    found = pm.read_selfeval(path)
    assert list(found) == [] and "no 绩效自评表 found" in found.warnings[0]


def test_unreadable_documents() -> None:
    with pytest.raises(pm.DocumentError, match="no such file"):
        pm.read_selfeval("missing/自评表.txt")
    with pytest.raises(pm.DocumentError, match="binary"):
        pm.read_selfeval(b"\x00\x01")
    with pytest.raises(pm.DocumentError, match="empty"):
        pm.read_selfeval("\n\n")
    with pytest.raises(pm.DocumentError, match="cell grids"):
        pm.read_selfeval([object()])  # type: ignore[list-item]
    plain = pm.read_selfeval("一段\n没有表格的文字")
    assert list(plain) == [] and "not a document read as cell grids" in plain.warnings[0]


def test_read_grid_skips_parts_without_a_header() -> None:
    assert read_grid(Grid([("附件:",), ("项目名称", "x")])) == []


# ---------------------------------------------------------------------------- cells
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("年初目标值(A)", "年初目标值"),
        ("一级 指标", "一级指标"),
        ("實際完成值", "实际完成值"),
        ("指标权重(分)", "指标权重"),
        ("年度 總體 目標", "年度总体目标"),
    ],
)
def test_label_keys(text: str, key: str) -> None:
    assert label_key(text) == key


@pytest.mark.parametrize(
    ("text", "value"),
    [("215,457.6", "215457.6"), ("10.00", "10.00"), ("8分", "8"), ("—", None), ("/", None),
     ("-", None), ("", None), ("好", None), ("1,2", None)],
)  # fmt: skip
def test_numbers(text: str, value: str | None) -> None:
    assert number(text) == (None if value is None else Decimal(value))


def test_rates_and_comparators() -> None:
    assert rate("86.19%") == Decimal("0.8619") and rate("76%") == Decimal("0.76")
    assert rate("100.00", percent=True) == 1 and rate("0") == 0 and rate("—") is None
    assert [comparator_cell(c) for c in ("﹦", "≥", ">=", "=", "定量指标", "")] == [
        "﹦",
        "≥",
        ">=",
        "=",
        "",
        "",
    ]


# ---------------------------------------------------------------------------- text export
def test_word_export_page_break_and_plain_lines() -> None:
    text = "[bookmark: _Toc_1]2022年度绩效自评表\n\t项目名称\n\t甲\n \t主管部门\n\t乙\n\n"
    (grid,) = word_export_grids(text, source="x.txt")
    assert grid.rows == (("2022年度绩效自评表",), ("项目名称", "甲"), ("主管部门", "乙"))
    assert grid.where == "word export" and looks_like_word_export(text)
    assert list(word_export_grids("")) == []


_CELLS = st.text(alphabet="产出指标数量≥%元0123456789 .（）()", max_size=6)


@given(st.lists(st.lists(_CELLS, min_size=1, max_size=5), min_size=1, max_size=6))
def test_grid_round_trips_through_the_word_export(rows: list[list[str]]) -> None:
    """A grid written as the export reads back cell for cell (trailing empties aside)."""
    grid = Grid(rows)
    (back,) = word_export_grids(grid_to_word_export(grid))

    def trimmed(row: tuple[str, ...]) -> tuple[str, ...]:
        cells = [cell.strip() for cell in row]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        return tuple(cells)

    assert back.rows == tuple(trimmed(row) for row in grid.rows)


# Header rows as published tables write them, each with its source: the field each column holds.
HEADERS = [
    # 湖北省广水市 财政预算支出项目绩效目标自评表 (2019), PDF text rejoined cell by cell:
    # https://pdf.chddh.cn/archives/48n5zg2zkkb6327q6rjv.html
    (("一级指标", "二级指标", "指标名称(三级指标)", "年初指标值", "年终完成值", "自评分", "复核分"),
     {"level1": 0, "level2": 1, "level3": 2, "target": 3, "actual": 4, "score": 5}),
    # 湖北 项目自评表 (https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html)
    (("一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"),
     {"level1": 0, "level2": 1, "level3": 2, "target": 3, "actual": 4, "score": 5}),
    # 四川中江 (https://chacewang.com/newsdetail/news242266.html)
    (("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
      "未完成原因及拟采取的改进措施"),
     {"level1": 0, "level2": 1, "level3": 2, "weight": 3, "target": 4, "actual": 5, "score": 6,
      "reason": 7}),
]  # fmt: skip


@pytest.mark.parametrize(("header", "fields"), HEADERS, ids=["guangshui", "hubei", "zhongjiang"])
def test_published_headers(header: tuple[str, ...], fields: dict[str, int]) -> None:
    assert is_indicator_header(header)
    assert dict(read_columns([header], 0).fields) == fields


def test_read_tables_points_at_read_selfeval() -> None:
    """Issue 12: read_tables on a 自评表 said only "no 绩效目标表 table found"."""
    found = pm.read_tables(EXPORTS / "hunan_hengshan-grain-reserve.txt")
    assert list(found) == []
    assert found.warnings[0].endswith("it holds a 绩效自评表: read it with read_selfeval")
    seed = Path(__file__).parent / "data" / "seeds" / "002_9447ddad8dc33496.txt"
    assert "read_selfeval" not in " ".join(pm.read_tables(seed).warnings)
