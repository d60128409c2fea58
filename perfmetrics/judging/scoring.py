"""Self-evaluation scores (绩效自评表 得分) under the rules jurisdictions actually use.

``score(target, actual, weight, rule=..., rounding=...)`` returns an exact Decimal in [0, weight].

Rules (``rule=``):

- ``"all_or_nothing"``: the full weight when the target is met, else 0.
  ``score("≥95%", "93%", 10, rule="all_or_nothing")`` → 0.
- ``"proportional"`` (default): the full weight when met; otherwise actual/target of the weight for
  floors and target/actual for ceilings, clipped to [0, weight]. ``score("≥95%", "76%", 10)`` →
  10 × 76/95 = 8; ``score("≤100万元", "125万元", 10)`` → 10 × 100/125 = 8. A bare target without
  category (equality) scores min/max of the two; a range scores against its nearer end.
- ``"attainment"``: weight × the actual rate itself, for rate and satisfaction indicators:
  ``score("≥90%", "98%", 10, rule="attainment")`` → 9.8.
- ``"band"``: the Hubei-type rule (tests/fixtures/selfeval/rules.md §1a, §2a): numbers as
  ``proportional`` (正向 权重×B/A, 反向 权重×A/B, capped at the weight); worded verdicts and text
  targets in bands of the weight (达成 100–80%, 部分达成 80–50%, 未达成 50–0%; ``bands=``, see
  :mod:`perfmetrics.judging.bands`), scored at the band's top by default.

A partly met verdict (``基本达到``, ``部分完成``) earns the partial band's share under every rule
but ``all_or_nothing`` (nothing). The budget line (预算执行率) scores ``分值 × 执行率``:
:func:`budget_score`.

Dates and text targets score the full weight or 0, and raise :class:`UndecidableError` when the
verdict is unknown. Rounding (``rounding=``): None keeps the exact Decimal; ``"down:0.1"`` and
``"down:1"`` truncate to a tenth or a whole point; ``"half_up:0.01"`` (also ``half_up:0.1``,
``half_up:1``) rounds half up.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from perfmetrics.arithmetic import exact
from perfmetrics.errors import (
    InputTypeError,
    UndecidableError,
    UnitMismatchError,
)
from perfmetrics.judging.bands import BANDS, Bands
from perfmetrics.judging.categories import Category
from perfmetrics.judging.doubts import is_bound
from perfmetrics.judging.meets import Verdict, meets
from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import (
    Comparator,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    Value,
)

__all__ = ["ROUNDINGS", "RULES", "budget_score", "score"]

RULES = ("all_or_nothing", "proportional", "attainment", "band")

#: Rounding habits of published tables: name → (Decimal rounding mode, quantum).
ROUNDINGS: dict[str, tuple[str, Decimal]] = {
    "down:0.1": (ROUND_DOWN, Decimal("0.1")),
    "down:1": (ROUND_DOWN, Decimal("1")),
    "down:0.01": (ROUND_DOWN, Decimal("0.01")),
    "half_up:0.01": (ROUND_HALF_UP, Decimal("0.01")),
    "half_up:0.1": (ROUND_HALF_UP, Decimal("0.1")),
    "half_up:1": (ROUND_HALF_UP, Decimal("1")),
}


def _weight(weight: Decimal | int | float | str) -> Decimal:
    """Read a weight: a number, or a percentage of a 100-point table (``"10%"`` is 10 points)."""
    if isinstance(weight, bool):
        raise InputTypeError("a weight is a number, not a bool")
    if isinstance(weight, Decimal | int):
        value = Decimal(weight)
    elif isinstance(weight, float):
        value = Decimal(str(weight))
    elif isinstance(weight, str):
        parsed = parse(weight)
        if not isinstance(parsed, QuantityValue) or parsed.unit not in ("", "%", "分"):
            raise InputTypeError(f"a weight is a number of points or a percentage, not {weight!r}")
        value = parsed.magnitude
    else:
        raise InputTypeError(f"a weight is a number, not {type(weight).__name__}")
    if not value.is_finite() or value < 0:
        raise InputTypeError(f"a weight must be a finite number ≥ 0, not {weight!r}")
    return value


def _ratio(part: Decimal, whole: Decimal) -> Decimal:
    try:
        return part / whole if whole > 0 else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _proportion(target: Value, actual_in_target_unit: Decimal, op: Comparator) -> Decimal:
    """How much of the weight an unmet numeric target still earns, before clipping."""
    a = actual_in_target_unit
    if isinstance(target, RangeValue):
        low = convert(target.lower.magnitude, target.lower.unit, target.unit)
        return _ratio(a, low) if a < low else _ratio(target.upper.magnitude, a)
    assert isinstance(target, QuantityValue)
    t = target.magnitude
    if op.is_floor:
        return _ratio(a, t)
    if op.is_ceiling:
        return _ratio(t, a)
    return _ratio(min(a, t), max(a, t))


def _rounded(value: Decimal, rounding: str | None) -> Decimal:
    if rounding is None:
        return value
    if rounding not in ROUNDINGS:
        raise InputTypeError(f"unknown rounding {rounding!r}; use one of {', '.join(ROUNDINGS)}")
    mode, quantum = ROUNDINGS[rounding]
    return value.quantize(quantum, rounding=mode)


@exact
def score(
    target: str | Value,
    actual: str | Value,
    weight: Decimal | int | float | str,
    *,
    category: str | Category | None = None,
    rule: str = "proportional",
    rounding: str | None = None,
    year: int | None = None,
    verdict: Verdict | None = None,
    indicator: str | None = None,
    bands: Bands | None = None,
) -> Decimal:
    """Return the points an actual earns against its target, in [0, weight].

    Args:
        target: the 指标值, as text or parsed.
        actual: the 完成值, as text or parsed.
        weight: the points at stake: a number, or a percentage of a 100-point table (``"10%"``).
        category: the indicator's category, giving a bare target its direction.
        rule: ``"proportional"`` (default), ``"all_or_nothing"``, ``"attainment"`` or ``"band"``.
        rounding: None (exact), or one of ``ROUNDINGS`` (``"down:0.1"``, ``"half_up:0.01"`` …).
        year: reference year for dates written without one.
        verdict: the verdict of ``meets(target, actual, category=category, year=year)`` when
            the caller already has it; it is scored as it is, without judging again (``target``,
            ``actual``, ``category`` and ``year`` are then not read).
        indicator: the indicator's name (三级指标), giving a bare target its direction when no
            category does (``…控制率`` ≤, ``…完成率`` ≥).
        bands: the bands of ``rule="band"`` and of partly met verdicts (default :data:`BANDS`).

    Raises:
        UndecidableError: the verdict is unknown (free-text target, date without a year); a
            missed target whose actual is a bound (``<90%``) under a rule that scores the
            amount; ``attainment`` on a ceiling (``≤5%``).
        UnitMismatchError: the two sides do not compare, or ``attainment`` on a non-rate.
        InputTypeError: an unknown rule or rounding, or a weight that is not a number ≥ 0.
        ParseError: the target or the actual is blank text.

    >>> score("≥95%", "76%", 10), score("≤100万元", "125万元", 10)
    (Decimal('8.0'), Decimal('8.0'))
    >>> score("≥90%", "98%", 10, rule="attainment"), score("≥95%", "93%", 10, rule="all_or_nothing")
    (Decimal('9.80'), Decimal('0'))
    >>> score("效果明显", "部分达成", 10), score("效果明显", "未达成", 10, rule="band")
    (Decimal('8.0'), Decimal('5.0'))
    """
    if rule not in RULES:
        raise InputTypeError(f"unknown rule {rule!r}; use one of {', '.join(RULES)}")
    points = _weight(weight)
    if verdict is None:
        verdict = meets(target, actual, category=category, indicator=indicator, year=year)
    if verdict.met is None:
        raise UndecidableError(f"cannot score: {verdict.reason}")
    worded = isinstance(verdict.actual, QualitativeValue) or isinstance(
        verdict.target, QualitativeValue
    )
    if (rule == "band" and worded) or (verdict.partial and rule != "all_or_nothing"):
        earned = points * (bands or BANDS).share(verdict.outcome)
    elif rule == "attainment":
        # The actual as judged: a bare actual has taken the target's unit (`20` against `100%`
        # is 20%), so the rate is read from the verdict's amount, not from the bare number.
        _require_floor(verdict)
        _require_amount(verdict)
        actual_value = verdict.actual
        amount = verdict.actual_amount
        if amount is None and isinstance(actual_value, QuantityValue):
            amount = actual_value.amount
        if amount is None or amount.unit not in ("%", "‰", ""):
            raise UnitMismatchError(
                "%",
                amount.unit if amount is not None else actual_value.kind.value,
                "the attainment rule scores rates (%, or a fraction)",
            )
        rate = convert(amount.magnitude, amount.unit, "")
        earned = points * rate
    elif verdict.met:
        earned = points
    elif rule == "all_or_nothing" or verdict.actual_amount is None:
        earned = Decimal(0)  # all or nothing, or a date or text target: nothing when missed
    else:
        assert verdict.op is not None
        _require_amount(verdict)
        earned = points * _proportion(verdict.target, verdict.actual_amount.magnitude, verdict.op)
    clipped = min(max(earned, Decimal(0)), points)
    return _rounded(clipped, rounding)


def _require_floor(verdict: Verdict) -> None:
    """Refuse the attainment rule (weight × rate) for a ceiling: a lower rate is better there."""
    if verdict.op is not None and verdict.op.is_ceiling:
        raise UndecidableError(
            f"cannot score: the attainment rule (weight × the actual rate) rewards a higher rate; "
            f"this target is a ceiling ({verdict.op.symbol}): use the proportional rule"
        )


def _require_amount(verdict: Verdict) -> None:
    """Refuse to score by the amount of an actual written as a bound (``<90%``)."""
    actual = verdict.actual
    if isinstance(actual, QuantityValue) and is_bound(actual):
        written = actual.text or str(actual)
        raise UndecidableError(
            f"cannot score: the actual {written!r} is a bound; the points depend on its amount"
        )


@exact
def budget_score(
    weight: Decimal | int | float | str, rate: Decimal, *, rounding: str | None = None
) -> Decimal:
    """Return the budget line's points: 分值 × 执行率, never above 分值 (rules.md §3).

    Args:
        weight: the line's 分值 (10, or ``"10%"``).
        rate: the 执行率 as a fraction (86.19% is ``Decimal("0.8619")``).
        rounding: None (exact) or one of ``ROUNDINGS``.

    >>> budget_score(10, Decimal("0.8619")), budget_score(20, Decimal("1.05"))
    (Decimal('8.6190'), Decimal('20'))
    """
    points = _weight(weight)
    earned = min(max(points * rate, Decimal(0)), points)
    return _rounded(earned, rounding)
