"""Band scoring of worded verdicts and the budget line (perfmetrics.judging.bands, scoring).

The bands are the published rules quoted in tests/fixtures/selfeval/rules.md: §2a (Hubei-type
note 3: 100–80 / 80–50 / 50–0) and §2b (四川中江 注: 100–80 / 80–60 / 60–0); the budget line is
§3 (得分 = 分值 × 执行率).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.judging.bands import BANDS, ZHONGJIANG_BANDS, Bands
from perfmetrics.judging.scoring import budget_score

# target, actual, weight, rule, bands, points
SCORES = [
    ("效果明显", "达成预期指标", 10, "band", BANDS, "10"),
    ("效果明显", "部分达成", 10, "band", BANDS, "8.0"),
    ("效果明显", "未达成", 10, "band", BANDS, "5.0"),
    ("效果明显", "未达成", 10, "band", ZHONGJIANG_BANDS, "6.0"),
    ("效果明显", "部分达成", 10, "band", Bands(point="middle"), "6.50"),
    ("效果明显", "未达成", 10, "band", Bands(point="bottom"), "0"),
    ("及时", "不及时", 10, "band", BANDS, "5.0"),
    ("效果明显", "部分达成", 10, "proportional", BANDS, "8.0"),
    ("效果明显", "部分达成", 10, "all_or_nothing", BANDS, "0"),
    ("效果明显", "未达成", 10, "proportional", BANDS, "0"),
    ("≥95%", "76%", 10, "band", BANDS, "8.0"),  # numbers stay proportional (正向 B/A)
    ("≤100万元", "125万元", 10, "band", BANDS, "8.0"),  # 反向 A/B
    ("43.2", "37.24", 10, "band", BANDS, "8.62"),  # 廊坊 fixture, with 数量指标
]


@pytest.mark.parametrize(("target", "actual", "weight", "rule", "bands", "points"), SCORES)
def test_scores(
    target: str, actual: str, weight: int, rule: str, bands: Bands, points: str
) -> None:
    category = "数量指标" if target == "43.2" else None
    rounding = "half_up:0.01" if target == "43.2" else None
    found = pm.score(
        target, actual, weight, rule=rule, bands=bands, category=category, rounding=rounding
    )
    assert found == Decimal(points)


def test_langfang_published_score_is_proportional_rounded_to_a_point() -> None:
    """河北廊坊 fixture: 10 × 37.24/43.2 = 8.62 → 9, as published."""
    assert pm.score("43.2", "37.24", 10, category="数量指标", rounding="half_up:1") == 9


def test_bands_configuration() -> None:
    assert BANDS.band("partial") == (Decimal("0.5"), Decimal("0.8"))
    assert ZHONGJIANG_BANDS.share("not_met") == Decimal("0.6")
    with pytest.raises(pm.InputTypeError, match="band point"):
        Bands(point="random")
    with pytest.raises(pm.InputTypeError, match="0 ≤ low ≤ high ≤ 1"):
        Bands(met=("0.9", "0.8"))
    with pytest.raises(pm.InputTypeError, match="no band"):
        BANDS.share("unknown")


def test_budget_line_score() -> None:
    """上海普陀 10 × 86.19% = 8.62; 重庆 10 × 76% = 7.6; capped at the 分值."""
    assert budget_score(10, Decimal("0.8619"), rounding="half_up:0.01") == Decimal("8.62")
    assert budget_score(10, Decimal("0.76")) == Decimal("7.60")
    assert budget_score(20, Decimal("1.2")) == 20 and budget_score(10, Decimal(-1)) == 0


_SHARE = st.decimals(min_value=0, max_value=1, places=2)


@given(st.lists(_SHARE, min_size=4, max_size=4), st.sampled_from(["top", "middle", "bottom"]))
def test_a_better_verdict_never_scores_less(shares: list[Decimal], point: str) -> None:
    low, mid, high, top = sorted(shares)
    bands = Bands(met=(high, top), partial=(mid, high), not_met=(low, mid), point=point)
    met, partial, missed = (bands.share(o) for o in ("met", "partial", "not_met"))
    assert met >= partial >= missed
    assert low <= missed <= mid <= partial <= high <= met <= top
