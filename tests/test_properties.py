"""Properties (hypothesis): parsing never escapes its error type; judging is monotone and
unit-invariant; scores stay within [0, weight] and never drop for a better actual.

Budget: the "ci" profile of conftest.py (150 examples, derandomized).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.values.normalize import normalize

FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)
counts = st.sampled_from(["人", "人次", "台次", "个", "项", "次", "户", "篇"])


def _text(value: Decimal) -> str:
    return format(value, "f")


# ---------------------------------------------------------------------------- parsing
@given(st.text(max_size=60))
def test_parse_returns_a_value_or_a_parse_error(text: str) -> None:
    try:
        value = pm.parse(text)
    except pm.ParseError as exc:
        assert not text.strip() and exc.position == 0
        return
    assert value.text == text
    assert value.kind in {"quantity", "range", "date", "period", "qualitative"}


@given(st.text(max_size=60))
def test_strict_parse_raises_only_parse_errors(text: str) -> None:
    try:
        value = pm.parse(text, strict=True)
    except pm.ParseError as exc:
        assert 0 <= exc.position <= len(text)
        assert str(exc).splitlines()[-1].endswith("^")
        return
    assert value.kind != "qualitative"


@given(st.text(max_size=40))
def test_normalize_keeps_the_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


@given(st.sampled_from(["≥", "≤", ">", "<", "不低于", "不超过", ""]), amounts, counts)
def test_width_and_spaces_do_not_change_the_value(op: str, amount: Decimal, unit: str) -> None:
    compact = f"{op}{_text(amount)}{unit}"
    spaced = f"{op} {_text(amount)} {unit} "
    wide = compact.translate(FULL_WIDTH)
    assert pm.parse(compact) == pm.parse(spaced) == pm.parse(wide)


# ---------------------------------------------------------------------------- judging
@given(st.sampled_from(["≥", ">"]), rates, rates, rates)
def test_a_larger_actual_still_meets_a_floor(
    op: str, target: Decimal, actual: Decimal, extra: Decimal
) -> None:
    if pm.meets(f"{op}{target}%", f"{actual}%").met:
        assert pm.meets(f"{op}{target}%", f"{actual + extra}%").met


@given(st.sampled_from(["≤", "<"]), amounts, amounts, amounts)
def test_a_smaller_actual_still_meets_a_ceiling(
    op: str, target: Decimal, actual: Decimal, less: Decimal
) -> None:
    assume(less <= actual)
    if pm.meets(f"{op}{target}万元", f"{actual}万元").met:
        assert pm.meets(f"{op}{target}万元", f"{actual - less}万元").met


@given(st.sampled_from(["≥", "≤", ">", "<", "="]), amounts, amounts)
def test_money_units_do_not_change_the_verdict(op: str, target: Decimal, actual: Decimal) -> None:
    in_wan = pm.meets(f"{op}{target}万元", f"{actual}万元").met
    actual_in_yuan = pm.meets(f"{op}{target}万元", f"{actual * 10000}元").met
    target_in_yuan = pm.meets(f"{op}{target * 10000}元", f"{actual}万元").met
    assert in_wan == actual_in_yuan == target_in_yuan


@given(st.sampled_from(["≥", "≤", ">", "<"]), rates, rates)
def test_percent_and_fraction_targets_agree(op: str, target: Decimal, actual: Decimal) -> None:
    as_percent = pm.meets(f"{op}{target}%", f"{actual}%").met
    as_fraction = pm.meets(f"{op}{target / 100}", f"{actual}%").met
    assert as_percent == as_fraction


@given(st.sampled_from(["≥", "≤", ">", "<"]), rates, rates)
def test_width_and_spaces_do_not_change_the_verdict(
    op: str, target: Decimal, actual: Decimal
) -> None:
    plain = pm.meets(f"{op}{target}%", f"{actual}%").met
    messy = pm.meets(f" {op} {target} ％".translate(FULL_WIDTH), f"{actual} 百分比").met
    assert plain == messy


# ---------------------------------------------------------------------------- scoring
@given(
    st.sampled_from(["≥", "≤"]),
    st.decimals(min_value=1, max_value=1000, places=1),
    st.decimals(min_value=0, max_value=2000, places=1),
    st.decimals(min_value=0, max_value=100, places=1),
    st.decimals(min_value=0, max_value=100, places=1),
    st.sampled_from(["proportional", "all_or_nothing"]),
    st.sampled_from([None, "down:0.1", "down:1", "half_up:0.01"]),
)
def test_score_is_bounded_and_monotone(
    op: str,
    target: Decimal,
    actual: Decimal,
    step: Decimal,
    weight: Decimal,
    rule: str,
    rounding: str | None,
) -> None:
    better = actual + step if op == "≥" else max(actual - step, Decimal(0))
    first = pm.score(f"{op}{target}人", f"{actual}人", weight, rule=rule, rounding=rounding)
    second = pm.score(f"{op}{target}人", f"{better}人", weight, rule=rule, rounding=rounding)
    assert Decimal(0) <= first <= weight
    assert Decimal(0) <= second <= weight
    assert second >= first


@given(rates, st.decimals(min_value=0, max_value=100, places=1))
def test_attainment_is_bounded(actual: Decimal, weight: Decimal) -> None:
    points = pm.score("≥90%", f"{actual}%", weight, rule="attainment")
    assert Decimal(0) <= points <= weight
