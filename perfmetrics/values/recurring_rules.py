"""Transformer rules for recurring deadlines: `每月8号前`, `每年12月底前`, `每季度末`.

A mixin of :class:`perfmetrics.values.transformer.ValueTransformer` (grammar/perfmetrics.lark,
section "recurring deadlines"): neither one date nor a period, a kind of their own.
"""

from __future__ import annotations

from typing import Any

from lark import Token

from perfmetrics.errors import SemanticError
from perfmetrics.values.calendar_rules import Deadline, month_of
from perfmetrics.values.model import Comparator, RecurringValue
from perfmetrics.values.pieces import Core, end, pos
from perfmetrics.vocabulary import mapping, words

__all__ = ["RecurringRules"]


class RecurringRules:
    """Rules for 每 + a period + a day, a month or an end, with 前 making it a deadline."""

    def recurring_day(self, lead: Token, day: Any, word: Token, *before: Token) -> Core:
        number, position = day
        if not 1 <= number <= 31:
            raise SemanticError(f"there is no day {number}", position)
        op = Comparator.LE if before else Comparator.EQ
        stop = end(before[0]) if before else end(word)
        fields = {"period": _recurring_period(lead), "day": number, "op": op}
        return Core(RecurringValue, fields, pos(lead), stop)

    def recurring_month(self, lead: Token, month: Any, word: Token, *rest: Any) -> Core:
        """`每年12月底前`: a month of every year, by its end when 底/前 follows."""
        number, _ = month_of(month)
        deadline: Deadline | None = rest[0] if rest else None
        op = Comparator.LE if deadline and deadline.mode != "end" else Comparator.EQ
        stop = deadline.end if deadline else end(word)
        fields = {"period": _recurring_period(lead), "month": number, "day": None, "op": op}
        return Core(RecurringValue, fields, pos(lead), stop)

    def recurring_end(self, lead: Token, *rest: Token) -> Core:
        before = rest[-1].type == "BEFORE"
        op = Comparator.LE if before else Comparator.EQ
        fields = {"period": _recurring_period(lead), "day": None, "op": op}
        return Core(RecurringValue, fields, pos(lead), end(rest[-1]))


def _recurring_period(lead: Token) -> str:
    """Return the canonical period of a 每… lead (`每个季度` → 季度)."""
    written = str(lead)
    periods = mapping("recurring_period")
    for every in words("every_word"):
        if written.startswith(every) and written[len(every) :] in periods:
            return periods[written[len(every) :]]
    raise SemanticError(f"{written!r} names no period", pos(lead))
