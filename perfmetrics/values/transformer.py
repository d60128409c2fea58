"""Lark Transformer: the parse of grammar/perfmetrics.lark → model objects.

One method per rule or alias, named like it; the quantity, calendar and recurring-deadline rules
live in the mixins :class:`~perfmetrics.values.quantity_rules.QuantityRules`,
:class:`~perfmetrics.values.calendar_rules.CalendarRules` and
:class:`~perfmetrics.values.recurring_rules.RecurringRules`. The transformer keeps no per-parse
state, so one instance is shared (it is handed to the LALR parser, which then builds no tree at
all).

What follows a value reaches this module already named by the grammar (``TRAIL_CONTINUATION``,
``TRAIL_NUMBER``, ``TRAIL_UNKNOWN_UNIT`` …): nothing here lexes text again. Problems (month 13, a
reversed range, several targets in one cell) raise :class:`~perfmetrics.errors.SemanticError` with
the offending offset; the parser turns it into a :class:`perfmetrics.ParseError`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex
from lark import Token, Transformer

from perfmetrics.errors import SemanticError
from perfmetrics.units.names import units_of_family
from perfmetrics.values.calendar_rules import CalendarRules
from perfmetrics.values.model import Amount, QuantityValue, Value
from perfmetrics.values.notices import WarningCode, warning
from perfmetrics.values.pieces import Core, Note, Repeated, Trail, pos
from perfmetrics.values.quantity_rules import QuantityRules
from perfmetrics.values.recurring_rules import RecurringRules
from perfmetrics.values.render import render
from perfmetrics.vocabulary import words
from perfmetrics.vocabulary.grammar import unit_words, word_pattern

__all__ = ["ValueTransformer"]

#: A repeated cell is at most this long; longer digit-led tails are refused unread.
_MAX_REPEAT = 40
#: Public attributes of the transformer that are not grammar rules (Lark's own API).
_NOT_RULES = frozenset({"transform", "visit_tokens"})
#: Trails that are words (a note, or a word kept as a unit).
_WORDS_TRAILS = frozenset({"trail_note", "unknown_unit", "point_in_time"})
#: Trails that show the cell is not one target, and why.
_REFUSED_TRAILS = {
    "continuation": "{text!r} continues the value: several targets or a calculation",
    "several_targets": "several targets in one cell ({value} and {rest!r}): not read as the first",
    "exponent": "{text!r} continues the value: several targets or a calculation",
}


def _spread(method: Callable[..., Any]) -> Callable[[list[Any]], Any]:
    """Call ``method`` with the children as positional arguments, as ``v_args(inline=True)`` does.

    One lambda frame instead of Lark's two-frame visit wrapper: parse speed is a requirement, and
    the wrapper cost about a tenth of it (benchmarks/bench_parse.py).
    """
    return lambda children: method(*children)


class ValueTransformer(
    QuantityRules, CalendarRules, RecurringRules, Transformer[Token, Value | Repeated]
):
    """Build a :class:`perfmetrics.values.model.Value` from a parse; holds no per-parse state.

    Methods are written with the rule's children as positional parameters; ``__init__`` binds each
    to a spreading callable, which Lark calls with the children list.
    """

    def __init__(self) -> None:
        super().__init__()
        for name in dir(type(self)):
            if not name.startswith("_") and name not in _NOT_RULES:
                setattr(self, name, _spread(getattr(self, name)))

    # ------------------------------------------------------------------ top level
    def start(self, *children: Any) -> Value | Repeated:
        return self._assemble(children)

    def strict(self, core: Core) -> Value | Repeated:
        return self._assemble((core,))

    def _assemble(self, children: tuple[Any, ...]) -> Value | Repeated:
        """Build the value from its core, the note before it and what trails it."""
        lead: Note | None = None
        trail: Trail | None = None
        core: Core | None = None
        for child in children:
            if isinstance(child, Core):
                core = child
            elif isinstance(child, Trail):
                trail = child
            else:
                lead = child
        assert core is not None
        # Notes before the number are one run of characters (the lexer drops the spaces between
        # them, so they are joined without any); notes after the value are joined by spaces.
        before = list(core.notes_before)
        after = list(core.notes_after)
        warnings = list(core.warnings)
        fields = core.fields
        if lead is not None:
            if lead.negated:
                raise SemanticError(
                    f"a negation ({lead.text}) before the value turns its meaning around",
                    lead.start,
                    ambiguous=True,
                )
            if "yearless" in fields and any(word in lead.text for word in _NEXT_YEAR):
                raise SemanticError(
                    f"{lead.text} puts the date in the year after the document's: write its year",
                    lead.start,
                    ambiguous=True,
                )
            before.insert(0, lead.text)
        if trail is not None:
            self._refuse(core, trail)
            amount = fields.get("amount")
            if trail.kind == "second_number":
                pass  # the parser checks that it repeats the value (see Repeated)
            elif (
                trail.kind == "unknown_unit"
                and isinstance(amount, Amount)
                and not amount.unit
                and not before
                and not after
            ):
                # An unknown counting word (`≥30艘`): keep it as a unit of its own, and say so.
                word = trail.text.strip()
                fields = {**fields, "amount": Amount(amount.magnitude, word)}
                message = f"not a known unit: {word!r}: kept as a counting unit of its own"
                warnings.append(warning(WarningCode.UNKNOWN_UNIT, message))
            else:
                after.append(trail.text.strip())
        value = core.build(
            fields,
            note=" ".join(part for part in ("".join(before), " ".join(after)) if part),
            warnings=tuple(warnings),
            span=(core.start, core.end),
            note_split=len("".join(before)),
        )
        if trail is not None and trail.kind in ("second_number", "numbered_note"):
            return Repeated(value, trail.text, trail.position, trail.kind)
        return value

    @staticmethod
    def _refuse(core: Core, trail: Trail) -> None:
        """Refuse a trailing text that shows the cell is not one target."""
        message = _REFUSED_TRAILS.get(trail.kind)
        if message is not None:
            rest = trail.text.lstrip("、,;").strip()
            shown = message.format(text=trail.text, value=render(core.build()), rest=rest)
            raise SemanticError(shown, trail.position, ambiguous=True)
        if core.chinese and trail.kind in _WORDS_TRAILS and trail.position == core.end:
            # 一次性补助, 一站式服务, 两个确保: a numeral inside a phrase, not a count.
            raise SemanticError(
                f"a Chinese numeral followed by {trail.text[:10]!r} reads as a phrase, not a count",
                trail.position,
                ambiguous=True,
            )
        if core.bare_end and trail.position == core.end and _UNIT_AT_START.match(trail.text):
            raise SemanticError(
                f"a number followed by {trail.text[:10]!r} after a month is a count, not a day",
                trail.position,
                ambiguous=True,
            )
        amount = core.fields.get("amount")
        if (
            trail.kind == "point_in_time"
            and core.cls is QuantityValue
            and isinstance(amount, Amount)
            and amount.unit in units_of_family("time")
        ):
            raise SemanticError(
                f"{amount}{trail.text[0]} names a point in time, not a duration",
                trail.position,
                ambiguous=True,
            )
        if trail.kind == "second_number" and len(trail.text.rstrip()) > _MAX_REPEAT:
            raise SemanticError(
                f"a second number ({trail.text.strip()[:_MAX_REPEAT]!r}) follows the value",
                trail.position,
                ambiguous=True,
            )

    # ------------------------------------------------------------------ notes
    def hedge_lead(self, word: Token) -> Note:
        return Note(str(word), pos(word))

    def date_lead(self, words: Token) -> Note:
        return Note(str(words).strip().rstrip(":").strip(), pos(words))

    def lead_note(self, *chars: Token) -> Note:
        words = [c for c in chars if c.type != "LEAD_COLON"]  # `补助标准：` is the label 补助标准
        negated = words[-1].type == "NEGATION"
        return Note("".join(str(c) for c in words), pos(words[0]), negated)

    def _trail(self, token: Token) -> Trail:
        return Trail(self._trail_kind(token), str(token), pos(token))

    @staticmethod
    def _trail_kind(token: Token) -> str:
        return _TRAIL_KINDS[token.type]

    continuation = several_targets = exponent = second_number = numbered_note = _trail
    point_in_time = unknown_unit = trail_note = _trail


#: A unit word at the start of a trail (`次` of `3月5次`).
_UNIT_AT_START = regex.compile(word_pattern(unit_words()))

#: Words of a lead that put a yearless date in the next year (`次年3月底前`).
_NEXT_YEAR = words("next_year")

#: Grammar terminal → the trail alias the transformer reasons with.
_TRAIL_KINDS = {
    "TRAIL_CONTINUATION": "continuation",
    "TRAIL_LIST": "several_targets",
    "TRAIL_EXPONENT": "exponent",
    "TRAIL_NUMBER": "second_number",
    "TRAIL_POINT_IN_TIME": "point_in_time",
    "TRAIL_UNKNOWN_UNIT": "unknown_unit",
    "TRAIL_RECURRING": "trail_note",
    "TRAIL_NUMBERED_NOTE": "numbered_note",
    "TRAIL_NOTE": "trail_note",
}
