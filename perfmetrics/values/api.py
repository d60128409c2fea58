"""The public entry points: thin compositions of normalize → parse → transform (→ judge)."""

from __future__ import annotations

import functools

from perfmetrics.errors import AmbiguousValueError, InputTypeError, ParseError
from perfmetrics.values.model import QualitativeValue, Value
from perfmetrics.values.normalize import normalize
from perfmetrics.values.notices import WarningCode, warning
from perfmetrics.values.parser import check_strict, parse_value
from perfmetrics.values.parser import parse_tree as _parse_tree

__all__ = ["parse", "parse_tree"]

#: How many distinct texts the parse cache keeps; real columns repeat heavily.
CACHE_SIZE = 1 << 16


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
    if not isinstance(text, str):
        raise InputTypeError(f"parse() takes a str, not {type(text).__name__}")
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999
    ):
        raise InputTypeError(f"year must be an int from 1 to 9999, not {year!r}")
    value = _parse_cached(text, strict)
    return value.resolve(year) if year is not None else value


@functools.lru_cache(maxsize=CACHE_SIZE)
def _parse_cached(text: str, strict: bool) -> Value:
    if not text.strip():
        raise ParseError(text, 0, "the value is empty")
    try:
        value = parse_value(text)
    except ParseError as exc:
        if strict:
            raise
        ambiguous = isinstance(exc, AmbiguousValueError)
        warnings = (warning(WarningCode.AMBIGUOUS, exc.reason),) if ambiguous else ()
        return QualitativeValue(
            content="".join(normalize(text).split()),
            text=text,
            span=(0, len(text)),
            warnings=warnings,
        )
    if strict:
        _check_strict(text, value)
    # The value was built by this very call and is not shared yet: setting its text in place
    # spares a second construction on the hot path (attrs.evolve would rebuild and revalidate).
    object.__setattr__(value, "text", text)
    return value


def _check_strict(text: str, value: Value) -> None:
    """Raise ParseError unless the ``strict`` start symbol reads the whole text as one value."""
    check_strict(text, value)


def parse_tree(text: str) -> object:
    """Return Lark's parse tree of ``text``: for looking at how the grammar reads a value."""
    return _parse_tree(text)


def clear_cache() -> None:
    """Forget every cached parse (for benchmarks that must measure cold parsing)."""
    _parse_cached.cache_clear()
