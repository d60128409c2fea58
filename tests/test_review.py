"""The default review rules on real rows: rows of the seed documents that trigger each rule, and
rows that must not.

A case names its row by seed, table and row index (0-based, as in ``Tables``) and pins it with
the 三级 name and the value cell as written, so a change in how documents are read shows up here
as a clear mismatch. Where no seed row triggers a rule (no seed rate exceeds 100%, no seed
table's costs add up past its budget), a real row is edited and the case id says ``edited``.
"""

from __future__ import annotations

import attrs
import pytest
from review_seeds import seed_tables

import perfmetrics as pm
from perfmetrics.documents.rows import make_row
from perfmetrics.review import load_rules, review_table
from perfmetrics.values.model import Amount


def _row(seed: str, table: int, row: int, level3: str, raw: str) -> pm.IndicatorRow:
    found = seed_tables(seed)[table].rows[row]
    assert (found.level3, found.raw) == (level3, raw)
    return found


def _findings(table: pm.Table, rule: str, rules: object = None) -> list[pm.Finding]:
    return [f for f in review_table(table, load_rules(rules)) if f.rule == rule]  # type: ignore[arg-type]


def _at(seed: str, table: int, row: int, level3: str, raw: str, rule: str) -> list[str]:
    """Return the codes ``rule`` reports on one seed row (the row is pinned by name and cell)."""
    _row(seed, table, row, level3, raw)
    found = _findings(seed_tables(seed)[table], rule)
    return [f.code for f in found if f.row == row]


def _one_row(row: pm.IndicatorRow, rule: str, rules: object = None) -> list[pm.Finding]:
    """Review a table of this one row (national-corpus rows, edited rows)."""
    return _findings(pm.Table(rows=(row,)), rule, rules)


def _national(category: str, indicator: str, text: str) -> pm.IndicatorRow:
    cells = {"level2": category, "level3": indicator, "raw": text}
    return make_row(cells, line=0, year=None)


# ---------------------------------------------------------------- row rules on seed rows
TRIGGERS = [
    # measurable_value: 数量/质量/成本 values without a number (时效 goes to timeliness)
    ("measurable_value", "001", 12, 1, "按标准拨付", "按标准拨付", "value_not_measurable"),
    ("measurable_value", "001", 12, 3, "预算内发放补贴", "不超预算", "value_not_measurable"),
    ("measurable_value", "000", 74, 8, "服务人数", "按实际人数", "value_not_measurable"),
    (
        "measurable_value",
        "000",
        22,
        1,
        "补贴标准",
        "第一年服务期每人每月4500 元，第二年服务期每人每月 5000 元。",
        "value_ambiguous",
    ),
    # unit_missing: bare numbers; a rate gets a percentage suggested
    ("unit_missing", "004", 0, 12, "新增就业人员数量", "≥500", "unit_missing"),
    ("unit_missing", "000", 44, 0, "房屋修缮面积", "14303", "unit_missing"),
    ("unit_missing", "000", 9, 6, "退休人员满意度", ">90", "rate_unit_missing"),
    ("unit_missing", "000", 22, 3, "补贴资金发放率", "1", "rate_unit_missing"),
    # timeliness: 时效 values that name no time
    ("timeliness", "001", 12, 2, "及时办理担保手续", "及时", "timeliness_not_time"),
    ("timeliness", "000", 29, 9, "档案服务工作的及时性准确性", "每日核实", "timeliness_not_time"),
    ("timeliness", "000", 38, 13, "巡视巡查次数", "≥12 次", "timeliness_not_time"),
    ("timeliness", "000", 35, 8, "托管人员社保补贴准确率", "≥99%", "timeliness_rate_unclear"),
    # rate_unit: a share counted in people, firms, sets
    (
        "rate_unit",
        "000",
        35,
        1,
        "高校毕业生灵活就业社保补贴发放准确率",
        "≥95 人",
        "rate_not_percent",
    ),
    ("rate_unit", "000", 66, 9, "企业、社会培训机构满意度", "≥95 家", "rate_not_percent"),
    ("rate_unit", "000", 56, 17, "绩效评价体系投入使用率", "1 套", "rate_not_percent"),
    # direction: by a rate's name, by category, by another name ending
    ("direction", "000", 42, 2, "审核通过率", "≤100%", "direction_against_rate"),
    ("direction", "004", 16, 1, "任务完成及时率", "≤100%", "direction_against_rate"),
    (
        "direction",
        "000",
        67,
        2,
        "考核合格率",
        "考核合格率控制在 92%内",
        "direction_against_rate",
    ),
    (
        "direction",
        "000",
        22,
        5,
        "工作生活补贴、社会保险、住房公积金、安家费补贴及工作经费",
        "≥706 万元",
        "direction_against_category",
    ),
    (
        "direction",
        "000",
        26,
        6,
        "交通协管员岗位补贴人均标准",
        "≥2800 元",
        "direction_against_category",
    ),
    ("direction", "000", 67, 6, "专项能力考核投诉举报", "≤90%", "direction_against_category"),
    ("direction", "004", 12, 3, "发放补助人数", "≤757人", "direction_against_name"),
    ("direction", "000", 26, 1, "享受公益性岗位补贴人员数量", "≤250 人", "direction_against_name"),
    # satisfaction_floor: below 80%
    ("satisfaction_floor", "000", 34, 76, "学员满意度", "≥60 百分比", "satisfaction_below_floor"),
    # cost_over_budget: one cost alone over the table's 预算数
    ("cost_over_budget", "001", 4, 3, "归集经费", "≤16796.7万元", "cost_over_budget"),
    ("cost_over_budget", "001", 6, 3, "归集经费", "≤16796.7万元", "cost_over_budget"),
    # guessed_value: 万 without a unit; a note that holds numbers
    ("guessed_value", "000", 2, 6, "年运维费用", "≤2013 万", "multiplier_without_unit"),
    (
        "guessed_value",
        "004",
        10,
        3,
        "委托第三方所需的安全评估成本",
        "≦5万",
        "multiplier_without_unit",
    ),
    ("guessed_value", "000", 9, 2, "每月按时发放", "100 每月 15 日按时发放", "note_with_number"),
    # name_length: over 30 characters
    (
        "name_length",
        "000",
        13,
        1,
        "形成第二届全国技能大赛赛务工作、技术保障、后勤保障、展示交流等相关工作方案",
        "1 套",
        "name_too_long",
    ),
    # duplicates (table rules reporting rows)
    (
        "duplicate_indicator",
        "000",
        34,
        71,
        "促进行业发展的程度",
        "促进行业发展的有效性",
        "duplicate_indicator",
    ),
    ("duplicate_name", "000", 64, 6, "工作任务完成及时率", "100%", "duplicate_name"),
    ("duplicate_name", "000", 81, 2, "仲裁案件完成率", "100%", "duplicate_name"),
]

MUST_NOT = [
    ("measurable_value", "001", 0, 0, "派遣人员数量", "≥22人"),
    ("measurable_value", "001", 12, 2, "及时办理担保手续", "及时"),  # 时效: timeliness' job
    ("measurable_value", "001", 0, 4, "保障人社服务大厅工作顺利进行", "保障"),  # 效益: not required
    ("unit_missing", "001", 0, 0, "派遣人员数量", "≥22人"),
    ("unit_missing", "000", 2, 6, "年运维费用", "≤2013 万"),  # guessed_value's
    ("unit_missing", "002", 0, 1, "公众号信息发布系统运维服务验收合格率", "100%"),
    ("timeliness", "002", 0, 2, "公众号信息发布系统运维服务周期", "2025年1月至2025年12月"),
    ("timeliness", "001", 0, 2, "派遣人员每日在岗时间", "≥7.5小时"),
    ("timeliness", "002", 1, 2, "荣誉津贴发放周期", "1次/月"),
    ("timeliness", "001", 1, 2, "归集资金及时率", "≥98%"),
    ("timeliness", "000", 28, 43, "退出企业工作", "≥99%"),  # described: 按月、按季度及时发放
    ("timeliness", "000", 8, 2, "每月按时发放", "每月 20 日前按时发放"),  # a recurring deadline
    ("timeliness", "004", 1, 2, "协理员业务处理及时性", "年底前完成当年任务"),
    ("timeliness", "000", 2, 4, "系统运行维护响应时间", "≤60 分钟"),
    ("rate_over_100", "001", 1, 1, "养老保险足额归集率", "100%"),
    ("rate_over_100", "000", 1, 1, "网络运行稳定率", "≥98%"),
    ("rate_unit", "002", 0, 5, "公众号读者满意度", "≥90%"),
    ("rate_unit", "000", 3, 11, "服务对象满意度", "100 百分比"),
    ("rate_unit", "000", 0, 11, "制造领域实训设备维保服务调查", "≥80 分"),
    ("direction", "000", 69, 9, "故障率", "≤5%"),
    ("direction", "000", 34, 57, "支持项目数量", "≤249.8 万元"),  # 成本: the category decides
    ("direction", "002", 0, 3, "公众号信息发布系统运维经费", "≤10万元"),
    ("direction", "002", 0, 5, "公众号读者满意度", "≥90%"),
    ("direction", "000", 28, 30, "创业担保贷款坏账率", "≤10%"),
    ("direction", "000", 12, 0, "每年建设不超过 10 个市级技能大师工作室", "≤10 个"),
    ("direction", "001", 1, 1, "养老保险足额归集率", "100%"),  # bare: no written direction
    ("satisfaction_floor", "002", 0, 5, "公众号读者满意度", "≥90%"),
    ("satisfaction_floor", "000", 0, 11, "制造领域实训设备维保服务调查", "≥80 分"),  # at the floor
    ("satisfaction_floor", "000", 67, 6, "专项能力考核投诉举报", "≤90%"),  # direction's
    ("cost_over_budget", "001", 5, 3, "归集经费", "≤16796.7万元"),  # equals 预算数 16796.70
    ("cost_over_budget", "001", 14, 3, "补助经费资金", "≤27886.27元"),  # < 2.79万元
    ("cost_over_budget", "000", 2, 6, "年运维费用", "≤2013 万"),  # 2013万 as 元 < 5204万元
    ("cost_over_budget", "002", 3, 3, "院士特别津贴发放标准", "5000元/人/月"),  # per person
    ("guessed_value", "000", 8, 0, "保证符合条件的城乡老年居民养老金正常发放", ">81.88 万人"),
    ("guessed_value", "000", 67, 2, "考核合格率", "考核合格率控制在 92%内"),  # note, no digit
    ("guessed_value", "004", 1, 2, "协理员业务处理及时性", "年底前完成当年任务"),  # yearless: off
    ("name_length", "001", 0, 0, "派遣人员数量", "≥22人"),
    ("duplicate_indicator", "000", 64, 6, "工作任务完成及时率", "100%"),  # described apart
    ("duplicate_name", "000", 11, 9, "贴息", "≤400 万元"),  # 贴息 under 数量 too: another 二级
]


def _case_id(case: tuple[str, ...]) -> str:
    return f"{case[0]}-{case[1]}-t{case[2]}-r{case[3]}"


@pytest.mark.parametrize("case", TRIGGERS, ids=_case_id)
def test_seed_row_triggers_its_rule(case: tuple[str, str, int, int, str, str, str]) -> None:
    rule, seed, table, row, level3, raw, code = case
    assert _at(seed, table, row, level3, raw, rule) == [code]


@pytest.mark.parametrize("case", MUST_NOT, ids=_case_id)
def test_seed_row_passes_the_rule(case: tuple[str, str, int, int, str, str]) -> None:
    rule, seed, table, row, level3, raw = case
    assert _at(seed, table, row, level3, raw, rule) == []


def test_a_frequency_in_words_is_a_time() -> None:
    # 每季度发放一次 is read as 1 次/季度 (issue 15: a quarter as a divisor), a frequency.
    assert _at("000", 11, 6, "贴息发放日期", "每季度发放一次", "timeliness") == []


# ---------------------------------------------------------------- messages
MESSAGES = [
    (
        "001",
        4,
        "cost_over_budget",
        "成本指标“归集经费”的金额16796.7万元超过本表预算数8427.70万元。请核实金额和单位（万元与元）。",
    ),
    ("000", 9, "unit_missing", "指标值“>90”缺少计量单位；“退休人员满意度”是比率，请写作“>90%”。"),
    ("000", 22, "unit_missing", "指标值“1”缺少计量单位；“补贴资金发放率”是比率，请写作“100%”。"),
    (
        "000",
        34,
        "satisfaction_floor",
        "满意度目标“≥60 百分比”（60%）低于80%。请提高目标值，或说明目标偏低的理由。",
    ),
    (
        "000",
        42,
        "direction",
        "“审核通过率”以“通过率”结尾，目标值应写≥，指标值“≤100%”却用了≤。请核实目标方向。",
    ),
    (
        "000",
        34,
        "duplicate_indicator",
        "“促进行业发展的程度”与第70行重复（名称、指标解释和指标值都相同）。请删除重复的指标。",
    ),
]


@pytest.mark.parametrize(("seed", "table", "rule", "message"), MESSAGES)
def test_messages_say_what_is_wrong_and_what_to_do(
    seed: str, table: int, rule: str, message: str
) -> None:
    found = _findings(seed_tables(seed)[table], rule)
    assert message in [f.message for f in found]


def test_findings_carry_table_row_indicator_rule_and_severity() -> None:
    finding = next(f for f in pm.review(seed_tables("001")) if f.rule == "cost_over_budget")
    assert finding == pm.Finding(
        code="cost_over_budget",
        message=finding.message,
        severity=pm.Severity.ERROR,
        table="2025年区级城乡居民养老保险",
        row=3,
        indicator="归集经费",
        rule="cost_over_budget",
        table_index=4,
    )
    assert finding.to_dict()["severity"] == "error"


# ---------------------------------------------------------------- table rules
def test_required_categories_on_seed_tables() -> None:
    tables = seed_tables("000")
    for index in (6, 32):  # 7.2021 年引进领军人才…, 33.其他就业补助…: no 满意度指标
        found = _findings(tables[index], "required_categories")
        assert [(f.code, f.row) for f in found] == [("category_missing", None)]
        assert found[0].message.startswith("缺少满意度指标。")
    assert _findings(seed_tables("002")[0], "required_categories") == []
    # 效益 through 可持续影响指标 under 一级 效益指标 (seed 004, table 4)
    assert _findings(seed_tables("004")[4], "required_categories") == []
    # department-level goals have no categories
    assert seed_tables("004")[0].kind == "department"
    assert _findings(seed_tables("004")[0], "required_categories") == []


@pytest.mark.parametrize("category", ["数量指标", "质量指标", "时效指标", "成本指标"])
def test_required_categories_edited_table(category: str) -> None:
    table = seed_tables("002")[0]  # edited: the table without its rows of one category
    rows = tuple(row for row in table.rows if row.level2 != category)
    found = _findings(attrs.evolve(table, rows=rows), "required_categories")
    assert [f.message.split("。")[0] for f in found] == [f"缺少{category}"]


def test_cost_sum_over_budget() -> None:
    tables = seed_tables("000")
    # real tables whose costs add up exactly to the budget (bare 万 read as 元 in table 2)
    for index in (2, 11, 29, 34):
        assert _findings(tables[index], "cost_sum_over_budget") == []
    # edited: table 29 (six costs, 3056.60万元) with its 预算数 cut to 3000万元
    table = tables[29]
    cut = attrs.evolve(table, budget=attrs.evolve(table.budget, total=Amount("3000.00", "万元")))
    found = _findings(cut, "cost_sum_over_budget")
    assert [f.message for f in found] == [
        "本表6项成本指标金额合计3056.60万元，超过预算数3000.00万元。请核实是否重复计列，或调整成本指标。"
    ]
    assert _findings(cut, "cost_over_budget") == []


# ---------------------------------------------------------------- edited and national rows
def test_rate_over_100() -> None:
    real = seed_tables("001")[1].rows[1]  # 养老保险足额归集率 100%; no seed rate exceeds 100%
    edited = make_row(
        {"level2": real.level2, "level3": real.level3, "raw": "≥120%"}, line=0, year=None
    )
    assert [(f.code, f.message) for f in _one_row(edited, "rate_over_100")] == [
        (
            "rate_over_100",
            "“养老保险足额归集率”是比率，指标值“≥120%”（120%）超过100%。请核实目标值，比率不能超过100%。",
        )
    ]
    grown = make_row(
        {"level2": "社会效益指标", "level3": "养老金增长率", "raw": "120%"}, line=0, year=None
    )
    assert _one_row(grown, "rate_over_100") == []  # a growth rate may exceed 100%
    # 安徽 池州市贵池区 2022 委托业务项目 (tests/cases/national_raw.tsv): exactly 100%
    assert (
        _one_row(_national("质量指标", "委托业务报告合格率", "≥100百分比"), "rate_over_100") == []
    )


def test_value_empty_and_unknown_unit_on_edited_rows() -> None:
    real = seed_tables("002")[0].rows[0]  # 运维公众号信息发布系统数量 1个
    empty = attrs.evolve(real, raw="", value=None, error="the value cell is empty")
    assert [f.code for f in _one_row(empty, "measurable_value")] == ["value_empty"]
    odd = make_row(
        {"level2": real.level2, "level3": real.level3, "raw": "≥30龘"}, line=0, year=None
    )
    found = _one_row(odd, "guessed_value")
    assert [f.code for f in found] == ["unknown_unit"]
    assert "“龘”不是已知的计量单位" in found[0].message


NATIONAL = [
    # 湖南 岳阳市岳阳楼区 2023 价格认证鉴定中心整体 (traditional characters)
    ("unit_missing", "質量指標", "業務工作支出到位率", "100", ["rate_unit_missing"]),
    # 安徽 池州市贵池区 2022 委托业务项目
    (
        "timeliness",
        "时效指标",
        "提交报告及时性",
        "在项目计划完成时间内完成",
        ["timeliness_not_time"],
    ),
    ("measurable_value", "成本指标", "单项业务成本", "符合相关规定", ["value_not_measurable"]),
    ("direction", "成本指标", "项目总成本", "≤90万元", []),
    # 湖南 岳阳市岳阳楼区 2023: 時效指標 按月安排
    ("timeliness", "時效指標", "工作安排時間", "按月安排", ["timeliness_not_time"]),
]


@pytest.mark.parametrize(("rule", "category", "indicator", "text", "codes"), NATIONAL)
def test_national_corpus_rows(
    rule: str, category: str, indicator: str, text: str, codes: list[str]
) -> None:
    found = _one_row(_national(category, indicator, text), rule)
    assert [f.code for f in found] == codes


def test_description_missing_is_off_by_default() -> None:
    table = seed_tables("001")[0]
    assert _findings(table, "description_missing") == []
    on = {"rules": {"description_missing": {"enabled": True}}}
    assert [f.row for f in _findings(table, "description_missing", on)] == list(range(6))
    described = seed_tables("000")[0]  # all rows but the three costs (7-9) have a description
    assert [f.row for f in _findings(described, "description_missing", on)] == [7, 8, 9]


def test_guessed_value_reports_yearless_dates_when_asked() -> None:
    table = seed_tables("004")[1]
    rules = {"rules": {"guessed_value": {"codes": ["yearless"]}}}
    found = _findings(table, "guessed_value", rules)
    assert [(f.code, f.indicator) for f in found] == [("yearless", "协理员业务处理及时性")]
