"""What the transformer's rules hand to each other: light named tuples, built once per token.

A value is built once, at the top of the parse (``ValueTransformer.start``), from a :class:`Core`
that the quantity, range, date and period rules return. NamedTuples keep that cheap: parse speed
is a product requirement (benchmarks/bench_parse.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from lark import Token

from perfmetrics.errors import SemanticError
from perfmetrics.values.model import Amount, Comparator, Value

__all__ = [
    "AmountPart",
    "Bound",
    "Core",
    "Note",
    "Number",
    "PerLead",
    "Repeated",
    "Trail",
    "Unit",
    "end",
    "pos",
]


def pos(token: Token) -> int:
    """Start offset of a token."""
    return int(token.start_pos or 0)


def end(token: Token) -> int:
    """End offset of a token."""
    return int(token.end_pos or 0)


class Number(NamedTuple):
    """A number read from the text, multiplier folded in."""

    value: Decimal
    start: int
    end: int
    multiplied: bool
    negative: bool
    chinese: bool = False


class Note(NamedTuple):
    """Words before the value; ``negated`` when the last of them is a negation (未, 不 …)."""

    text: str
    start: int
    negated: bool = False


class Bound(NamedTuple):
    """A comparator read from the text, and where it starts (prefix) or ends (suffix)."""

    op: Comparator
    position: int


class AmountPart(NamedTuple):
    """An amount and the span it was read from."""

    amount: Amount
    start: int
    end: int
    warnings: tuple[str, ...]


class Unit(NamedTuple):
    """A canonical unit text and where it ends."""

    text: str
    end: int


class PerLead(NamedTuple):
    """The divisors written with 每 before the number (`每人每月300元`), in order."""

    divisors: tuple[str, ...]
    start: int


class Trail(NamedTuple):
    """What followed a complete value, as the grammar named it (``trail_note`` …)."""

    kind: str
    text: str
    position: int


class Core(NamedTuple):
    """A value before its notes are attached: its class and fields, its span and note words."""

    cls: type[Value]
    fields: dict[str, Any]
    start: int
    end: int
    notes_before: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    notes_after: tuple[str, ...] = ()
    #: The number is a Chinese numeral (`四场`): a phrase if more words follow it directly.
    chinese: bool = False
    #: The value ends in a day with no 日 (`3月5`): a unit right after it makes it a count.
    bare_end: bool = False

    def build(self, fields: dict[str, Any] | None = None, **extra: Any) -> Value:
        """Instantiate the model; a validator's refusal becomes a SemanticError at the span."""
        try:
            return self.cls(**(self.fields if fields is None else fields), **extra)
        except ValueError as exc:
            raise SemanticError(str(exc), self.start) from exc


class Repeated(NamedTuple):
    """A value followed by more numbers: the parser checks they are the value written again.

    Only the parser has the text, so the transformer hands this up instead of the value. ``kind``
    is ``second_number`` when a number follows the value (a PDF export repeats a cell: ``≥95%
    95%``) and ``numbered_note`` when the note after it holds numbers (``1 场市级大赛 1 场``);
    any other number is a second target.
    """

    value: Value
    trail: str
    position: int
    kind: str = "second_number"
