"""A bare target's direction from the indicator's name (perfmetrics.judging.directions, issue 12).

Names come from the 部门整体 table of tests/fixtures/selfeval (重庆, no 二级指标) and from the
scoring standards quoted in tests/fixtures/selfeval/rules.md §5.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.judging.categories import Category, category_of
from perfmetrics.judging.directions import direction_of_name, is_duration, name_endings
from perfmetrics.vocabulary import mapping

# name, direction, source
NAMES = [
    ("财政供养人员控制率", "<=", "重庆 部门整体 fixture"),
    ("公用经费控制率", "<=", "重庆 部门整体 fixture"),
    ("预算调整率", "<=", "重庆 部门整体 fixture"),
    ("结转结余率", "<=", "重庆 部门整体 fixture (结余率, not a shorter ending)"),
    ("“三公经费变动率", "<=", "重庆 fixture; rules.md §5a 变动率≦0"),
    ("预算完成率", ">=", "重庆 部门整体 fixture"),
    ("政府采购执行率", ">=", "重庆 部门整体 fixture"),
    ("固定资产利用率", ">=", "重庆 部门整体 fixture"),
    ("播发稿件数量", ">=", "重庆 部门整体 fixture"),
    ("业务保障能力提升", ">=", "重庆 部门整体 fixture"),
    ("预算資金執行率", ">=", "traditional characters fold (云南 fixture)"),
    ("服务外包在岸(万美元)", None, "湖北 fixture: a bracketed unit, no ending"),
    ("及时(按期)开工率", ">=", "四川中江 fixture: the aside is dropped"),
    ("安全事故数量", "<=", "longest ending: 事故数量 before 数量"),
    ("预算执行偏差率", "<=", "longest ending: 偏差率 (not 执行率)"),
    ("基础信息完善", None, "重庆 fixture: no ending decides"),
    ("", None, "no name"),
]


@pytest.mark.parametrize(("name", "op", "source"), NAMES, ids=[n[0] or "empty" for n in NAMES])
def test_direction_of_name(name: str, op: str | None, source: str) -> None:
    assert direction_of_name(name) == op, source


def test_every_ending_gives_its_group_direction() -> None:
    ceilings, floors = mapping("ceiling_ending"), mapping("floor_ending")
    assert not set(ceilings) & set(floors)
    assert set(ceilings.values()) == {"<="} and set(floors.values()) == {">="}
    for ending, op in name_endings().items():
        assert direction_of_name(f"某项{ending}") == op, ending


# target, actual, indicator, met — rows of the 重庆 部门整体 table (no category)
DEPARTMENT_ROWS = [
    ("100%", "92%", "财政供养人员控制率", True),
    ("3%", "0", "预算调整率", True),
    ("2%", "0", "结转结余率", True),
    ("100%", "97%", "公用经费控制率", True),
    ("70%", "76%", "预算完成率", True),
    ("100%", "72.74%", "政府采购执行率", False),
    ("90%", "100%", "固定资产利用率", True),
    ("2200篇", "2859篇", "播发稿件数量", True),
    ("90%", "95%", "业务保障能力提升", True),
]


@pytest.mark.parametrize(("target", "actual", "indicator", "met"), DEPARTMENT_ROWS)
def test_meets_takes_the_direction_from_the_name(
    target: str, actual: str, indicator: str, met: bool
) -> None:
    assert pm.meets(target, actual, indicator=indicator).met is met
    assert pm.meets(target, actual).met is (target == actual)  # without the name: equality


def test_the_category_decides_before_the_name() -> None:
    assert pm.meets("100%", "98%", category="成本指标", indicator="价格执行率").met is True
    assert pm.meets("≥100%", "98%", indicator="控制率").met is False  # a written comparator wins


def test_a_rate_under_timeliness_takes_the_name() -> None:
    """湖北 fixture: 时效指标 / 预算资金执行率 90% vs 100% is met (a rate, not a duration)."""
    assert pm.meets("90%", "100%", category="时效指标", indicator="预算资金执行率").met is True
    assert pm.meets("3天", "2天", category="时效指标", indicator="办结率").met is True
    assert pm.meets("90%", "100%", category="时效指标").met is False  # no name: 时效's ceiling
    assert [is_duration(pm.parse(t)) for t in ("3天", "2小时", "90%", "5次/月", "3")] == [
        True,
        True,
        False,
        False,
        False,
    ]


def test_category_names_in_traditional_script() -> None:
    """云南 fixture headers: 數量指標, 質量指標 (issue 12)."""
    assert category_of("數量指標") is Category.QUANTITY
    assert category_of("質量指標") is Category.QUALITY
    assert category_of("服務對象滿意度指標") is Category.SATISFACTION
    assert pm.meets("100%", "98%", category="數量指標").met is False
    assert pm.meets("≤90萬元", "90", category="成本指標").met is True


def test_score_passes_the_name_on() -> None:
    assert pm.score("100%", "92%", 2, indicator="财政供养人员控制率") == 2
    assert pm.score("100%", "72.74%", 2, indicator="政府采购执行率", rounding="half_up:0.01") == (
        Decimal("1.45")
    )


_ENDINGS = sorted(name_endings())


@given(
    st.sampled_from(_ENDINGS),
    st.decimals(min_value=0, max_value=1000, places=2),
    st.decimals(min_value=0, max_value=1000, places=2),
    st.decimals(min_value=0, max_value=100, places=2),
)
def test_a_better_actual_never_turns_met_into_not_met(
    ending: str, target: Decimal, actual: Decimal, step: Decimal
) -> None:
    op = name_endings()[ending]
    better = actual + step if op in (">=", ">") else max(actual - step, Decimal(0))
    name = f"某项{ending}"
    first = pm.meets(f"{target}%", f"{actual}%", indicator=name).met
    second = pm.meets(f"{target}%", f"{better}%", indicator=name).met
    assert not (first is True and second is False)
