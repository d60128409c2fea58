"""Actuals that give no one measured amount: ``meets`` says so (``met=None``) and does not judge.

``meets`` uses the whole actual, not only its number (issue 10): a bound written as the actual, a
bare number followed by an unknown unit word, a bare fraction against a percentage.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from perfmetrics.units.names import units_of_family
from perfmetrics.values.model import Comparator, QuantityValue, RangeValue
from perfmetrics.values.primitives import format_decimal

if TYPE_CHECKING:
    from perfmetrics.judging.meets import Verdict

__all__ = ["bounded", "doubtful_actual", "is_bound"]

#: Units of rates, against which a bare fraction is ambiguous.
_RATE_UNITS = units_of_family("percent")


def doubtful_actual(
    target: QuantityValue | RangeValue, actual: QuantityValue, op: Comparator | None
) -> str | None:
    """Say why the whole actual does not give one measured amount, or None when it does.

    An actual is a measurement: one written as a bound (``不足96%``) judged against an exact
    target or a range does not say where it lies (against a bound, see :func:`bounded`); a bare
    number followed by words (``99美元``) may be in a unit perfmetrics does not know; a bare
    fraction against a percentage (``0.96`` for ``≥95%``) may be 96% or 0.96%.
    """
    written = repr(actual.text or str(actual))
    if is_bound(actual) and (isinstance(target, RangeValue) or op in (None, Comparator.EQ)):
        return f"the actual {written} is a bound ({actual.op.symbol}{actual.amount}), not an amount"
    trailing = actual.note[actual.note_split :].strip()
    if not actual.unit and trailing:
        return f"the actual {written} has no unit perfmetrics knows ({trailing!r})"
    magnitude = actual.magnitude
    if (
        not actual.unit
        and target.unit in _RATE_UNITS
        and 0 < magnitude < 1
        and _target_size(target) >= 1
    ):
        share = format_decimal((magnitude * 100).normalize())
        return (
            f"the bare actual {written} may be a fraction ({share}%)"
            f" or {format_decimal(magnitude)}{target.unit}: write its unit"
        )
    return None


def _target_size(target: QuantityValue | RangeValue) -> Decimal:
    return target.magnitude if isinstance(target, QuantityValue) else target.upper.magnitude


def is_bound(value: QuantityValue) -> bool:
    """Say whether a quantity is a bound (``≥266米``, ``不足96%``) rather than one amount."""
    return value.op_explicit and value.op is not Comparator.EQ


def bounded(verdict: Verdict, op: Comparator, actual: QuantityValue) -> Verdict:
    """Keep a verdict on a bound actual only where every amount the bound allows agrees.

    An actual ``≥266米`` against ``≥266米`` is met whatever the amount (the published tables write
    the target again to claim it); ``≥90%`` against ``≥95%``, or ``不足96%`` against ``≥95%``,
    could be either: ``met=None``. A bound pointing the other way decides only a miss (``<90%``
    against ``≥95%``).
    """
    if not is_bound(actual) or verdict.met is None:
        return verdict
    same_way = actual.op.is_floor == op.is_floor
    if verdict.met is same_way:
        return verdict
    written = repr(actual.text or str(actual))
    reason = (
        f"the actual {written} is a bound ({actual.op.symbol}{actual.amount}): it may or may not "
        f"be {op.symbol}{getattr(verdict.target, 'amount', verdict.target)}"
    )
    return attrs.evolve(verdict, met=None, reason=reason, margin_amount=None)
