"""The public contract of perfmetrics.parse: the issue's examples and every written form."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from decimal import Decimal

import pytest

import perfmetrics as pm

D = Decimal

# (text, kind, op, op_explicit, magnitude, unit, note) — quantities
QUANTITIES = [
    ("≥8500 台次/年", ">=", True, "8500", "台次/年", ""),
    ("≤27886.27元", "<=", True, "27886.27", "元", ""),
    ("100 百分比", "==", False, "100", "%", ""),
    ("不低于95%", ">=", True, "95", "%", ""),
    ("≥1.7万人", ">=", True, "17000", "人", ""),
    ("≥0.08 万人次", ">=", True, "800", "人次", ""),
    ("≥10万次", ">=", True, "100000", "次", ""),
    ("12万平米", "==", False, "120000", "平方米", ""),
    ("≤262.96万元", "<=", True, "262.96", "万元", ""),
    ("≥2000元/人/月", ">=", True, "2000", "元/人/月", ""),
    ("≥2000元/人·月", ">=", True, "2000", "元/人·月", ""),
    ("1次/月", "==", False, "1", "次/月", ""),
    ("≥2天/期", ">=", True, "2", "天/期", ""),
    ("≥300 人/项", ">=", True, "300", "人/项", ""),
    ("3个工作日内", "<=", True, "3", "工作日", ""),
    ("≤48小时", "<=", True, "48", "小时", ""),
    ("≥3年", ">=", True, "3", "年", ""),
    ("两个月内", "<=", True, "2", "月", ""),
    ("1天响应", "==", False, "1", "天", "响应"),
    (">0.95反映参与人员情况", ">", True, "0.95", "", "反映参与人员情况"),
    ("≥5全年至少开展5次人才工程项目评审", ">=", True, "5", "", "全年至少开展5次人才工程项目评审"),
    ("预计400人", "==", False, "400", "人", "预计"),
    ("约400人左右", "==", False, "400", "人", "约 左右"),
    ("不超过总次数5%", "<=", True, "5", "%", "总次数"),
    ("≥95 百分比", ">=", True, "95", "%", ""),
    ("≤5 天", "<=", True, "5", "天", ""),
    ("320以下", "<=", True, "320", "", ""),
    ("8000人以上", ">=", True, "8000", "人", ""),
    ("90%(含)以上", ">=", True, "90", "%", ""),
    ("控制在2.0%以内", "<=", True, "2.0", "%", ""),
    ("城镇调查失业率5.5%以内", "<=", True, "5.5", "%", "城镇调查失业率"),
    ("超过50%", ">", True, "50", "%", ""),
    ("不满18周岁", "<", True, "18", "周岁", ""),
    ("大于等于85%", ">=", True, "85", "%", ""),
    ("＞９０％", ">", True, "90", "%", ""),
    ("≧95%", ">=", True, "95", "%", ""),
    ("＝100%", "==", True, "100", "%", ""),
    ("1,000人", "==", False, "1000", "人", ""),
    ("≥80 分", ">=", True, "80", "分", ""),
    ("≤60 分钟", "<=", True, "60", "分钟", ""),
    ("≥10 个", ">=", True, "10", "个", ""),
    ("≥1 台套", ">=", True, "1", "台套", ""),
    ("0起", "==", False, "0", "起", ""),
    ("≤122万", "<=", True, "1220000", "", ""),
    ("150余人", ">", True, "150", "人", ""),
    ("≥500M", ">=", True, "500", "MB", ""),
    ("≥2个百分点", ">=", True, "2", "百分点", ""),
    ("0.19万元", "==", False, "0.19", "万元", ""),
    ("1.5亿元", "==", False, "1.5", "亿元", ""),
    ("≥200平方米", ">=", True, "200", "平方米", ""),
    ("≥200㎡", ">=", True, "200", "平方米", ""),
]


@pytest.mark.parametrize(
    ("text", "op", "explicit", "magnitude", "unit", "note"),
    QUANTITIES,
    ids=[q[0] for q in QUANTITIES],
)
def test_quantities(
    text: str, op: str, explicit: bool, magnitude: str, unit: str, note: str
) -> None:
    value = pm.parse(text)
    assert isinstance(value, pm.QuantityValue)
    assert value.kind == "quantity"
    assert (value.op, value.op_explicit) == (op, explicit)
    assert value.magnitude == D(magnitude)
    assert value.unit == unit
    assert value.note == note
    assert value.text == text


def test_multiplier_on_money_is_a_unit_and_exact() -> None:
    value = pm.parse("0.19万元")
    assert value.quantity.to("元").magnitude == D("1900")
    assert str(pm.parse("≤262.96万元").quantity.to("元").magnitude) == "2629600.00"


def test_quantity_is_a_pint_quantity_of_the_shared_registry() -> None:
    value = pm.parse("≥8500 台次/年")
    assert value.quantity == pm.ureg.Quantity(D(8500), "台次/年")
    assert value.quantity.to("台次/月").magnitude == D("8500") / 12
    assert pm.parse("95%").quantity.to("dimensionless").magnitude == D("0.95")
    assert pm.parse(">0.95").quantity.to("dimensionless").magnitude == D("0.95")


RANGES = [
    ("3-6本/期", "3", "6", "本/期"),
    ("45%-60%", "45", "60", "%"),
    ("14-24℃", "14", "24", "℃"),
    ("3~6", "3", "6", ""),
    ("3至6个", "3", "6", "个"),
    ("50-80 万元", "50", "80", "万元"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES, ids=[r[0] for r in RANGES])
def test_ranges(text: str, low: str, high: str, unit: str) -> None:
    value = pm.parse(text)
    assert isinstance(value, pm.RangeValue)
    assert value.kind == "range"
    assert (value.lower.magnitude, value.upper.magnitude, value.unit) == (D(low), D(high), unit)
    assert value.low.magnitude == D(low) and value.high.magnitude == D(high)


DATES = [
    ("2022年12月底前", None, "<=", "2022-12-31", "2022-12-31", ""),
    ("12月底前完成", 2022, "<=", "2022-12-31", "2022-12-31", "完成"),
    ("2022年内完成", None, "<=", "2022-01-01", "2022-12-31", "完成"),
    ("2022年底前", None, "<=", "2022-12-31", "2022-12-31", ""),
    ("2022年12月31日前", None, "<=", "2022-12-31", "2022-12-31", ""),
    ("2025年12月31日前", None, "<=", "2025-12-31", "2025-12-31", ""),
    ("2023年1月", None, "==", "2023-01-01", "2023-01-31", ""),
    ("截至2022年6月30日", None, "<=", "2022-06-30", "2022-06-30", ""),
    ("11月底前完成", 2022, "<=", "2022-11-30", "2022-11-30", "完成"),
    ("2025-12-31", None, "==", "2025-12-31", "2025-12-31", ""),
    ("2022.11", None, "==", "2022-11-01", "2022-11-30", ""),
    ("2024年2月底前", None, "<=", "2024-02-29", "2024-02-29", ""),
]


@pytest.mark.parametrize(
    ("text", "year", "op", "start", "end", "note"), DATES, ids=[d[0] for d in DATES]
)
def test_dates(text: str, year: int | None, op: str, start: str, end: str, note: str) -> None:
    value = pm.parse(text, year=year)
    assert isinstance(value, pm.DateValue)
    assert value.op == op
    assert (value.start, value.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert value.note == note


PERIODS = [
    ("2025年1月至2025年12月", "2025-01-01", "2025-12-31"),
    ("2025年1月1日至2025年12月31日", "2025-01-01", "2025-12-31"),
    ("2024年1-12月", "2024-01-01", "2024-12-31"),
    ("2022年全年", "2022-01-01", "2022-12-31"),
    ("2022年下半年", "2022-07-01", "2022-12-31"),
    ("2022年上半年", "2022-01-01", "2022-06-30"),
    ("2022年", "2022-01-01", "2022-12-31"),
    ("2022年1月—2022年11月", "2022-01-01", "2022-11-30"),
    ("2022.01-2022.12", "2022-01-01", "2022-12-31"),
    ("2025年1月至12月", "2025-01-01", "2025-12-31"),
    ("2022 年 11 月 12 月", "2022-11-01", "2022-12-31"),
    ("2023年第二季度", "2023-04-01", "2023-06-30"),
]


@pytest.mark.parametrize(("text", "start", "end"), PERIODS, ids=[p[0] for p in PERIODS])
def test_periods(text: str, start: str, end: str) -> None:
    value = pm.parse(text)
    assert isinstance(value, pm.PeriodValue)
    assert value.op is None
    assert (value.start, value.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_yearless_dates_wait_for_a_year() -> None:
    value = pm.parse("12月底前完成")
    assert (value.start, value.end) == (None, None)
    assert any("year not written" in w for w in value.warnings)
    resolved = pm.parse("12月底前完成", year=2022)
    assert resolved.end == dt.date(2022, 12, 31) and not resolved.warnings


QUALITATIVE = [
    "保障",
    "提升",
    "及时",
    "是",
    "否",
    "达到标准",
    "无投诉意见",
    "有效保障",
    "显著提高",
    "分别大于200M、300M",
    "5*8常驻，7*24远程",
    "2人/次*5趟*20天=200人次",
    "十分满意",
    "未超过5%",
    "1000元、500元",
]


@pytest.mark.parametrize("text", QUALITATIVE)
def test_qualitative_keeps_text(text: str) -> None:
    value = pm.parse(text)
    assert isinstance(value, pm.QualitativeValue)
    assert (value.kind, value.op, value.text) == ("qualitative", None, text)
    assert value.quantity is None


def test_unknown_unit_is_kept_and_reported() -> None:
    value = pm.parse("≥30龘")
    assert value.unit == "龘"
    assert value.warnings == ("not a known unit: '龘': kept as a counting unit of its own",)
    assert value.quantity.to("龘").magnitude == 30


def test_money_without_unit_keeps_the_number_and_warns() -> None:
    value = pm.parse("≤122万")
    assert value.magnitude == D(1220000) and value.unit == ""
    assert value.warnings


@pytest.mark.parametrize("bad", [None, 95, b"95%", ["95%"]])
def test_non_strings_raise_type_error(bad: object) -> None:
    with pytest.raises(pm.InputTypeError) as info:
        pm.parse(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("blank", ["", "   ", "\u3000"])
def test_blank_raises_parse_error(blank: str) -> None:
    with pytest.raises(pm.ParseError) as info:
        pm.parse(blank)
    assert info.value.position == 0


def test_to_dict_is_json_ready() -> None:
    data = pm.parse("≥1.7万人").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["magnitude"] == "17000" and data["unit"] == "人" and data["op"] == ">="
    date = pm.parse("2022年12月底前").to_dict()
    assert (date["kind"], date["end"]) == ("date", "2022-12-31")


CANONICAL = [
    ("≥8500 台次/年", "≥8500台次/年"),
    ("≥1.7万人", "≥17000人"),
    ("100 百分比", "100%"),
    ("3个工作日内", "≤3工作日"),
    ("2022年12月底前", "2022年12月底前"),
    ("2025年1月至2025年6月", "2025年1月至2025年6月"),
    ("2022 年 1 月至 12 月", "2022年全年"),
    (">0.95反映参与人员情况", ">0.95 反映参与人员情况"),
    ("不超过总次数5%", "≤总次数5%"),
    ("3-6本/期", "3-6本/期"),
]


@pytest.mark.parametrize(("text", "canonical"), CANONICAL)
def test_canonical_text(text: str, canonical: str) -> None:
    value = pm.parse(text)
    assert str(value) == canonical == pm.render(value)
    assert pm.parse(canonical) == value


def test_values_are_frozen_hashable_and_picklable() -> None:
    value = pm.parse("≥95%")
    with pytest.raises(AttributeError):
        value.note = "x"  # type: ignore[misc]
    assert hash(value) == hash(pm.parse("≥ 95 ％"))
    assert pickle.loads(pickle.dumps(value)) == value


def test_html_and_repr_for_notebooks() -> None:
    value = pm.parse("≥95%")
    assert "quantity" in value._repr_html_() and "≥95%" in value._repr_html_()
    assert "QuantityValue" in repr(value)


def test_parse_tree_exposes_the_grammar_reading() -> None:
    tree = pm.parse_tree("≥95%")
    assert tree.data == "start"  # type: ignore[attr-defined]
