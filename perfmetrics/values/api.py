"""The public entry points: thin compositions of normalize → parse → transform (→ judge).

Parses are cached, one entry per distinct text whatever ``strict`` is: the entry holds the
non-strict reading and, once a strict parse asked, whether the strict reading accepts the text
(and the error it raised when it does not). The cache is bounded by an approximate byte budget
(:data:`CACHE_BYTES`) as well as by a count (:data:`CACHE_SIZE`); when full it forgets its oldest
entries first. It is safe to use from several threads.
"""

from __future__ import annotations

import sys
import threading
from typing import NamedTuple

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_flag, require_text, require_year
from perfmetrics.errors import AmbiguousValueError, ParseError
from perfmetrics.values.fastpath import fast_value, surely_qualitative
from perfmetrics.values.model import QualitativeValue, Value
from perfmetrics.values.normalize import Cleaned, clean
from perfmetrics.values.notices import WarningCode, warning
from perfmetrics.values.numerals import foreign_digit
from perfmetrics.values.parser import check_strict, parse_value
from perfmetrics.values.parser import parse_tree as _parse_tree
from perfmetrics.values.seams import check_canonical, check_seams

__all__ = ["CACHE_BYTES", "CACHE_SIZE", "cache_usage", "clear_cache", "parse", "parse_tree"]

#: Most distinct texts the parse cache keeps; real columns repeat heavily.
CACHE_SIZE = 1 << 16
#: Approximate memory the cache may hold, in bytes. An entry counts its text twice (the text, and
#: what the value derives from it: note, content) plus :data:`ENTRY_BYTES` for the value.
CACHE_BYTES = 32 << 20
#: The share of the budget one entry may take; a longer text is parsed but not kept.
_LARGEST = CACHE_BYTES // 64
#: What a value costs besides its text (attrs instance, Amount, Decimal, tuples), measured with
#: tracemalloc on the seed values.
ENTRY_BYTES = 600


class _Entry(NamedTuple):
    """What the cache keeps of one text."""

    value: Value
    #: True: the strict reading accepts the text (and is ``value``); False: it raises ``error``;
    #: None: not known yet (decided on the first strict parse).
    strict: bool | None
    error: ParseError | None
    size: int


_lock = threading.Lock()
_entries: dict[str, _Entry] = {}
_used = [0]  # bytes held, guarded by _lock


def parse(text: str, *, year: int | None = None, strict: bool = False) -> Value:
    """Parse one 指标值 into a typed value; never returns ``None``.

    Args:
        text: the cell as written (``≥8500 台次/年``, ``不低于95%``, ``2022年12月底前``, ``保障``).
        year: reference year for dates that omit it (``12月底前完成``); usually the budget year.
        strict: raise :class:`ParseError` unless the whole text is one structured value (no
            free-text note, no unknown unit, not qualitative).

    Returns:
        A ``QuantityValue``, ``RangeValue``, ``DateValue``, ``PeriodValue`` or, for text with no
        structured target (non-strict only), a ``QualitativeValue`` keeping the text.

    Raises:
        InputTypeError: ``text`` is not a ``str`` (also a ``TypeError``).
        ParseError: ``text`` is empty or blank; or, with ``strict=True``, not a structured value.

    """
    # The checks are inline (not perfmetrics.boundaries' helpers): a cached parse is this function
    # and a dict look-up, and three calls would double its cost.
    if not isinstance(text, str):
        require_text(text, "parse()")
    if year is not None:
        require_year(year)
    if strict is not False and strict is not True:
        require_flag(strict, "strict")
    entry = _entries.get(text)
    if entry is None:
        if not text.strip():
            raise ParseError(text, 0, "the value is empty")
        entry = _keep(text, _read(text), None)
    if strict and not entry.strict:
        if entry.strict is None:
            entry = _keep(text, _decide_strict(text, entry), entry)
        if entry.error is not None:
            raise _again(entry.error)
    value = entry.value
    return value.resolve(year) if year is not None else value


@exact
def _read(text: str, *, verify: bool = True) -> _Entry:
    """Read ``text`` (not strict): the fast path, the qualitative shortcut, else Lark.

    ``verify``: check that a value whose note holds numbers reads back from its canonical text.
    """
    cleaned = clean(text)
    digit = foreign_digit(text)
    if digit is not None:  # `৪95%` must not read as 95%: the whole cell is refused
        refused = ParseError(text, text.index(digit), f"{digit!r} is a digit of another script")
        return _Entry(_qualitative(text, cleaned), False, refused, 0)
    value: Value | None = fast_value(text, cleaned)
    fast = value is not None
    if value is None and surely_qualitative(cleaned.text):
        return _Entry(_qualitative(text, cleaned), None, None, 0)
    try:
        if value is None:
            value = parse_value(text)
        check_seams(text, cleaned, value)
        if verify:
            check_canonical(text, value, lambda again: _read(again, verify=False).value)
    except ParseError as exc:
        ambiguous = isinstance(exc, AmbiguousValueError)
        warnings = (warning(WarningCode.AMBIGUOUS, exc.reason),) if ambiguous else ()
        return _Entry(_qualitative(text, cleaned, warnings), False, _bare(exc), 0)
    if fast:
        return _Entry(value, True, None, 0)  # the fast path's shapes are strict values
    # The value was built by this very call and is not shared yet: setting its text in place
    # spares a second construction on the hot path (attrs.evolve would rebuild and revalidate).
    object.__setattr__(value, "text", text)
    return _Entry(value, None, None, 0)


def _qualitative(text: str, cleaned: Cleaned, warnings: tuple[str, ...] = ()) -> Value:
    digit = foreign_digit(text)
    if digit is not None:
        message = f"{digit!r} (U+{ord(digit):04X}) is a digit of another script: not read"
        warnings = (*warnings, warning(WarningCode.FOREIGN_DIGITS, message))
    return QualitativeValue(
        content="".join(cleaned.text.split()), text=text, span=(0, len(text)), warnings=warnings
    )


@exact
def _decide_strict(text: str, entry: _Entry) -> _Entry:
    """Return ``entry`` with the strict reading decided (Lark's ``strict`` start symbol)."""
    try:
        if entry.value.is_structured:
            check_strict(text, entry.value)
        else:  # the shortcut's qualitative value: Lark says why the text is no value
            parse_value(text)
    except ParseError as exc:
        return entry._replace(strict=False, error=_bare(exc))
    return entry._replace(strict=True)


#: What a Lark error holds of the parser that raised it (the parse table and its callbacks).
_PARSER_STATE = ("state", "interactive_parser", "puppet")


def _bare(exc: ParseError) -> ParseError:
    """Drop what an error and its causes hold of the run before it is kept.

    Tracebacks hold frames; a Lark error holds the parser's state, whose callbacks are local
    functions: where exceptions are pickled with their causes (tblib, installed by Dask), such
    an error would not pickle.
    """
    exc.__traceback__ = None
    cause = exc.__cause__
    while cause is not None:
        cause.__traceback__ = None
        for name in _PARSER_STATE:
            if getattr(cause, name, None) is not None:
                setattr(cause, name, None)
        cause = cause.__cause__ or cause.__context__
    return exc


def _again(kept: ParseError) -> ParseError:
    """Return a fresh copy of a kept error, with its cause (raising the kept one grows it)."""
    fresh = type(kept)(kept.text, kept.position, kept.reason, kept.expected)
    fresh.__cause__ = kept.__cause__
    return fresh


def _keep(text: str, entry: _Entry, old: _Entry | None) -> _Entry:
    """Store ``entry`` (replacing ``old``) and forget the oldest entries beyond the budget."""
    # A new tuple, not entry._replace(): _replace costs as much as the rest of this function.
    entry = _Entry(entry.value, entry.strict, entry.error, 2 * sys.getsizeof(text) + ENTRY_BYTES)
    if entry.size > _LARGEST:
        return entry
    with _lock:
        if old is not None and _entries.get(text) is old:
            _used[0] -= old.size
        elif text in _entries:  # another thread got there first: keep its entry
            return _entries[text] if old is None else entry
        _entries[text] = entry
        _used[0] += entry.size
        while _used[0] > CACHE_BYTES or len(_entries) > CACHE_SIZE:
            oldest = next(iter(_entries))
            _used[0] -= _entries.pop(oldest).size
    return entry


def parse_tree(text: str) -> object:
    """Return Lark's parse tree of ``text``: for looking at how the grammar reads a value.

    Raises:
        InputTypeError: ``text`` is not a ``str``.
        ParseError: the text does not fit the grammar.

    """
    return _parse_tree(require_text(text, "parse_tree()"))


def cache_usage() -> tuple[int, int]:
    """Return how many texts the parse cache holds and their approximate size in bytes."""
    with _lock:
        return len(_entries), _used[0]


def clear_cache() -> None:
    """Forget every cached parse (for benchmarks that must measure cold parsing)."""
    with _lock:
        _entries.clear()
        _used[0] = 0
