"""The fast path: the common shapes of a value, read by one regular expression instead of Lark.

Most real values are ``[comparator] number [multiplier] [unit] [以上|以下|以内|内]``
(``≥8500 台次``, ``≤262.96万元``, ``100%``, ``3个工作日内``). For those :func:`fast_value` builds
the very value the Lark parser would, from an expression that
:mod:`perfmetrics.values.fastpath_spec` derives from the parser itself (its terminals and its
tables; every word comes from the grammar, so a word added to the vocabulary is read here too).
It answers only where it is certain and returns ``None`` otherwise (also for the first
:data:`WARM_UP` values of a process, before its expression is compiled) (multiplier without a unit,
comparators on both sides, a number too long to keep exact, an unusual rate, text that the
cleaning step changes): the caller then asks Lark. The expression is stored in the wheel with the
serialized parser, and derived again when the grammar changes
(:mod:`perfmetrics.values.lark_build`).

:func:`surely_qualitative` is the shortcut for free text: a text in which not one of the terminals
that every value contains (a number, a year, 今年 …) matches anywhere cannot be read as a value,
so Lark's answer is known without asking it (it fails, and the text is kept as qualitative). This
rests on one more fact: the callbacks of the rules such a text can complete (a leading note, a
comparator) raise nothing; tests/test_fastpath.py compares the shortcut with Lark.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from perfmetrics.errors import SemanticError
from perfmetrics.units.names import canonical_spelling, units_of_family
from perfmetrics.values import lark_build
from perfmetrics.values.model import COMPARATOR_OF_TERMINAL, Amount, Comparator, QuantityValue
from perfmetrics.values.normalize import Cleaned
from perfmetrics.values.numerals import scaled
from perfmetrics.values.quantity_rules import MAX_PERCENT

__all__ = ["enabled", "fast_value", "surely_qualitative"]

#: Numbers longer than this go to Lark, which refuses those it cannot keep exact. Shorter ones
#: have fewer significant digits than :data:`~perfmetrics.values.numerals.MAX_DIGITS` (a test
#: says so), so only a multiplier can make a number of the fast path too long.
_MAX_NUMBER = 20


class _Compiled(NamedTuple):
    """The fast path of this process: the expression and how to read its groups.

    Groups are held by their index in ``match.groups()`` (one call gives every group; asking
    the match for each named group is most of the cost of a value).
    """

    match: Callable[[str], re.Match[str] | None]
    prefixes: tuple[tuple[int, Comparator], ...]
    number: int
    mult: int
    units: tuple[tuple[int, ...], ...]
    suffixes: tuple[tuple[int, Comparator], ...]
    checks: tuple[tuple[int, str], ...]  # group, terminal that must not match at its start
    terminals: dict[str, str]  # the patterns of those terminals, compiled when first needed


#: Patterns compiled on first use: most processes never need some of them, and each costs
#: milliseconds at start-up.
_patterns: dict[str, re.Pattern[str]] = {}


def _pattern(source: str) -> re.Pattern[str]:
    found = _patterns.get(source)
    if found is None:
        found = _patterns[source] = re.compile(source)
    return found


def _compile(spec: dict[str, Any]) -> _Compiled:
    groups: dict[str, list[str]] = spec["groups"]
    expression = re.compile(spec["pattern"])

    def index(group: str) -> int:
        return expression.groupindex[group] - 1

    def of(slot: str) -> list[tuple[int, str]]:
        return [(index(group), name) for group, (found, name, _) in groups.items() if found == slot]

    def ends(slot: str) -> tuple[int, ...]:
        # A unit of two words (个 + 工作日) is read from its last one: deeper groups come first.
        return tuple(
            index(group)
            for group, (found, _, end) in reversed(groups.items())
            if found == slot and end
        )

    return _Compiled(
        match=expression.match,
        prefixes=tuple((group, COMPARATOR_OF_TERMINAL[name]) for group, name in of("prefix")),
        number=of("number")[0][0],
        mult=of("mult")[0][0],
        units=(ends("unit"), ends("per")),
        suffixes=tuple((group, COMPARATOR_OF_TERMINAL[name]) for group, name in of("suffix")),
        checks=tuple((index(group), name) for group, name in spec["checks"]),
        terminals=spec["terminals"],
    )


_lock = threading.Lock()
_state: list[_Compiled | None] = []
#: Values Lark reads before the fast path is compiled. Compiling its expression costs about as
#: much as Lark reading two thousand values costs more than the fast path would; a process that
#: reads a few values (a notebook, a command) never pays for it, a batch pays once.
WARM_UP = 2000
_asked = [0]


def _compiled(*, now: bool = False) -> _Compiled | None:
    if _state:
        return _state[0]
    if not now:
        _asked[0] += 1  # not under the lock: an approximate count is enough
        if _asked[0] <= WARM_UP:
            return None
    with _lock:
        if not _state:
            spec = lark_build.fastpath_spec()
            _state.append(_compile(spec) if spec is not None else None)
    return _state[0]


def enabled() -> bool:
    """Say whether this grammar has a fast path, compiling it now if it is not compiled yet."""
    return _compiled(now=True) is not None


def fast_value(text: str, cleaned: Cleaned) -> QuantityValue | None:
    """Return the value of a common shape exactly as Lark reads it, or None when not certain.

    Args:
        text: the caller's text (kept in the value).
        cleaned: ``normalize.clean(text)``, what Lark would read.

    """
    compiled = _compiled()
    if compiled is None or cleaned.offsets is not None:
        return None
    clean = cleaned.text
    found = compiled.match(clean)
    if found is None:
        return None
    groups = found.groups()
    for group, terminal in compiled.checks:
        if groups[group] is not None and _pattern(compiled.terminals[terminal]).match(
            clean, found.start(group + 1)
        ):
            return None  # Lark reads another word here
    return _build(text, found, groups, compiled)


def _build(
    text: str, found: re.Match[str], groups: tuple[str | None, ...], compiled: _Compiled
) -> QuantityValue | None:
    """Do what the transformer's rules (arabic, unit_word …, quantity, start) do."""
    digits = groups[compiled.number]
    if digits is None or len(digits) > _MAX_NUMBER:
        return None
    start, stop = found.span(compiled.number + 1)
    magnitude = Decimal(digits.replace(",", ""))
    multiplier = groups[compiled.mult]
    if multiplier is not None:
        try:
            magnitude = scaled(magnitude, multiplier, found.start(compiled.mult + 1))
        except SemanticError:
            return None
        stop = found.end(compiled.mult + 1)
    parts = []
    for slot in compiled.units:  # the unit, then each divisor (元/人/月)
        for group in slot:
            written = groups[group]
            if written is not None:
                parts.append(canonical_spelling(written))
                stop = found.end(group + 1)
                break
    unit = "/".join(parts)
    if multiplier is not None and not unit:
        return None  # Lark warns that the unit is unknown
    if unit and unit in units_of_family("percent") and abs(magnitude) > MAX_PERCENT:
        return None
    op: Comparator | None = None
    for group, comparator in compiled.prefixes:
        if groups[group] is not None:
            op, start = comparator, found.start(group + 1)
            break
    for group, comparator in compiled.suffixes:
        if groups[group] is not None:
            if op is not None:
                return None  # a comparator on both sides: Lark decides
            op, stop = comparator, found.end(group + 1)
            break
    try:
        return QuantityValue(
            op=op or Comparator.EQ,
            amount=Amount(magnitude, unit),
            op_explicit=op is not None,
            text=text,
            span=(start, stop),
        )
    except ValueError:
        return None


def surely_qualitative(clean: str) -> bool:
    """Say whether a cleaned text holds nothing any value is made of (so Lark cannot read it).

    Unlike :func:`fast_value` this needs no warm-up: its expression is small.
    """
    spec = lark_build.fastpath_spec()
    return spec is not None and not _pattern(spec["required"]).search(clean)
