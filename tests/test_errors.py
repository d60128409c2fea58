"""Strict mode: typed errors that say what and where, with a caret under the character."""

from __future__ import annotations

import pickle

import pytest

import perfmetrics as pm
from perfmetrics.errors import caret_line, display_width

STRICT_ERRORS = [
    # text, error class, position, caret line
    ("≥95%abc", pm.ParseError, 4, "    ^"),
    ("≥", pm.DanglingComparatorError, 1, " ^"),
    ("不超过", pm.DanglingComparatorError, 3, "      ^"),
    ("≥%", pm.MissingNumberError, 1, " ^"),
    ("保障", pm.ParseError, 2, "    ^"),
    ("预计400人", pm.ParseError, 0, "^"),
    ("≥≥5%", pm.MissingNumberError, 1, " ^"),
    ("2022年13月", pm.ParseError, 5, "      ^"),
    ("6-3本", pm.ParseError, 0, "^"),
    ("≥30龘", pm.ParseError, 3, "   ^"),
    ("分别大于200M、300M", pm.AmbiguousValueError, 8, "            ^"),
]


@pytest.mark.parametrize(
    ("text", "cls", "position", "caret"), STRICT_ERRORS, ids=[e[0] for e in STRICT_ERRORS]
)
def test_strict_errors(text: str, cls: type[pm.ParseError], position: int, caret: str) -> None:
    with pytest.raises(cls) as info:
        pm.parse(text, strict=True)
    error = info.value
    assert isinstance(error, ValueError) and isinstance(error, pm.PerfmetricsError)
    assert (error.text, error.position) == (text, position)
    lines = str(error).splitlines()
    assert lines[-2] == text
    assert lines[-1] == caret
    # Lark's own exception is never the cause: it holds the parser's state (see below).
    assert not any(type(e).__module__.startswith("lark") for e in _causes(error))


def _causes(error: BaseException) -> list[BaseException]:
    found = []
    cause = error.__cause__ or error.__context__
    while cause is not None:
        found.append(cause)
        cause = cause.__cause__ or cause.__context__
    return found


def test_strict_accepts_structured_values() -> None:
    assert pm.parse("≥8500 台次/年", strict=True).kind == "quantity"
    assert pm.parse("2022年12月底前", strict=True).kind == "date"


def test_errors_pickle_round_trip() -> None:
    with pytest.raises(pm.ParseError) as info:
        pm.parse("≥95%abc", strict=True)
    again = pickle.loads(pickle.dumps(info.value))
    assert (type(again), again.text, again.position, str(again)) == (
        type(info.value),
        info.value.text,
        info.value.position,
        str(info.value),
    )
    mismatch = pm.UnitMismatchError("人", "人次")
    assert str(pickle.loads(pickle.dumps(mismatch))) == str(mismatch)


@pytest.mark.parametrize("text", ["≥95%abc", "八成", "1" * 60 + "元", "2022年13月"])
def test_errors_pickle_with_their_causes(text: str) -> None:
    # Regression: with dask installed, importing pint imported dask, whose tblib hooks pickle an
    # exception with its causes; a cause from Lark held unpicklable parser callbacks.
    with pytest.raises(pm.ParseError) as info:
        pm.parse(text, strict=True)
    error = info.value
    for exc in [error, *_causes(error)]:
        pickle.dumps(exc)  # every link of the chain pickles on its own
    again = pickle.loads(pickle.dumps(error))
    assert (again.text, again.position) == (error.text, error.position)


def test_caret_counts_display_width() -> None:
    assert display_width("不低于") == 6
    assert caret_line("不低于x", 3) == "不低于x\n      ^"
    assert caret_line("a\nbc", 3) == "bc\n ^"


def test_no_lark_error_escapes_strict_mode() -> None:
    for text in ["((((", "≥--5", "\x00\x01", "🙂", "1e309", "≥≥≥", "万万元"]:
        with pytest.raises(pm.ParseError):
            pm.parse(text, strict=True)
