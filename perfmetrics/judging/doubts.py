"""Actuals that give no one measured amount: ``meets`` says so (``met=None``) and does not judge.

``meets`` uses the whole actual, not only its number (issue 10): a bound written as the actual, a
bare number followed by an unknown unit word, a bare fraction against a percentage.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import regex

from perfmetrics.units.names import spellings, units_of_family
from perfmetrics.values.model import Comparator, QuantityValue, RangeValue
from perfmetrics.values.primitives import format_decimal
from perfmetrics.vocabulary.grammar import word_pattern

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
    after_target = target.note[target.note_split :].strip()
    if not target.unit and actual.unit and _unit_word().match(after_target):
        # `≤1季度` read as 1 with the note 季度: the actual's unit is no reading of it.
        shown = repr(target.text or str(target))
        return f"the target {shown} has no unit perfmetrics knows ({after_target!r})"
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


@functools.cache
def _unit_word() -> regex.Pattern[str]:
    """Any unit spelling (and 年 月 日, which the grammar reads in dates) at the start of a text."""
    return regex.compile(word_pattern(spellings()))


def _target_size(target: QuantityValue | RangeValue) -> Decimal:
    return target.magnitude if isinstance(target, QuantityValue) else target.upper.magnitude


_STRICT = frozenset({Comparator.GT, Comparator.LT})


def _beyond(actual: QuantityValue, op: Comparator, verdict: Verdict) -> str:
    written = repr(actual.text or str(actual))
    target = getattr(verdict.target, "amount", verdict.target)
    return f"the actual {written} lies beyond {op.symbol}{target}: no amount it allows meets it"


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
    margin = verdict.margin_amount
    strict = actual.op in _STRICT or op in _STRICT
    if not same_way and strict and margin is not None and margin.magnitude == 0:
        # `逾100人` against `≤100人`: every amount it allows lies beyond the bound: a miss.
        return attrs.evolve(verdict, met=False, reason=_beyond(actual, op, verdict))
    written = repr(actual.text or str(actual))
    reason = (
        f"the actual {written} is a bound ({actual.op.symbol}{actual.amount}): it may or may not "
        f"be {op.symbol}{getattr(verdict.target, 'amount', verdict.target)}"
    )
    return attrs.evolve(verdict, met=None, reason=reason, margin_amount=None)
