"""The fast path and the qualitative shortcut answer exactly as the Lark path does.

``perfmetrics.parse`` reads most values with one regular expression
(:mod:`perfmetrics.values.fastpath`) and skips Lark for text that holds nothing a value is made
of. Both are only allowed where they are certain; these tests hold them to it, value by value,
against the Lark parser run directly: every seed value, every value of the national corpus, the
hypothesis strategies' values and noisy variants of all of them.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.errors import ParseError
from perfmetrics.strategies import indicator_values
from perfmetrics.units.names import units_of_family
from perfmetrics.values import fastpath
from perfmetrics.values.api import clear_cache
from perfmetrics.values.model import Value
from perfmetrics.values.normalize import clean
from perfmetrics.values.numerals import MAX_DIGITS
from perfmetrics.values.parser import check_strict, parse_value

CASES = Path(__file__).parent / "cases"


def _texts(name: str) -> list[str]:
    with (CASES / name).open(encoding="utf-8", newline="") as handle:
        return sorted({row["text"] for row in csv.DictReader(handle, delimiter="\t")})


SEED_TEXTS = _texts("seed_values.tsv")
NATIONAL_TEXTS = _texts("national_values.tsv")


def _lark(text: str) -> Value | None:
    """The Lark path's reading of ``text`` with its text filled in (None: Lark refuses it)."""
    try:
        value = parse_value(text)
    except ParseError:
        return None
    object.__setattr__(value, "text", text)
    return value


def _agrees(text: str) -> str | None:
    """Return None when the shortcuts agree with Lark on ``text``, else what differs."""
    cleaned = clean(text)
    fast = fastpath.fast_value(text, cleaned)
    if fast is not None:
        lark = _lark(text)
        if fast != lark:
            return f"fast path {fast!r} != Lark {lark!r}"
        try:
            check_strict(text, lark)
        except ParseError as exc:
            return f"fast path reads a value the strict start symbol refuses: {exc}"
        return None
    if fastpath.surely_qualitative(cleaned.text) and _lark(text) is not None:
        return "the shortcut calls qualitative a text Lark reads"
    return None


@pytest.fixture(autouse=True)
def _compiled_fast_path() -> None:
    """Compile the fast path now (a process compiles it after WARM_UP values)."""
    assert fastpath.enabled()


def test_the_grammar_has_a_fast_path() -> None:
    assert fastpath.enabled()


def test_a_fresh_process_reads_its_first_values_with_lark() -> None:
    # Compiling the fast path costs more than Lark reading a few values: a short run skips it.
    code = (
        "import perfmetrics as pm; from perfmetrics.values import fastpath as f; "
        "v = pm.parse('≥8500 台次'); print(bool(f._state), v.amount.magnitude)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "8500"]


@pytest.mark.parametrize("corpus", ["seed", "national"])
def test_fast_path_equals_lark_on_real_values(corpus: str) -> None:
    texts = SEED_TEXTS if corpus == "seed" else NATIONAL_TEXTS
    differences = {text: found for text in texts if (found := _agrees(text)) is not None}
    assert differences == {}


def test_fast_path_takes_most_real_values() -> None:
    # Not a speed test: the share of real values that skip Lark (the point of the fast path).
    taken = [text for text in SEED_TEXTS if fastpath.fast_value(text, clean(text)) is not None]
    assert len(taken) / len(SEED_TEXTS) > 0.75


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("≥8500 台次", True),  # seed 000
        ("≤262.96万元", True),  # seed 001
        ("3个工作日内", True),  # seed 000
        ("100%", True),
        ("≤30 万", False),  # a multiplier with no unit: Lark warns
        ("≥5人以上", False),  # comparators on both sides: Lark decides
        ("2022 年 12 月 20 日前", False),  # a date
        ("1" * 25 + "元", False),  # too long to keep exact
    ],
)
def test_fast_path_takes_only_the_common_shape(text: str, taken: bool) -> None:
    assert (fastpath.fast_value(text, clean(text)) is not None) is taken
    assert _agrees(text) is None


def test_numbers_the_fast_path_reads_are_kept_exact() -> None:
    # _build checks the digits only after a multiplier: a number of at most _MAX_NUMBER characters
    # has fewer significant digits than Decimal keeps exact.
    assert fastpath._MAX_NUMBER < MAX_DIGITS
    longest = "9" * fastpath._MAX_NUMBER
    assert pm.parse(longest + "元").magnitude == Decimal(longest)  # type: ignore[union-attr]
    for scaled in ("9" * 20 + "亿人", "0." + "9" * 18 + "万人", "9" * 21 + "万人"):
        assert _agrees(scaled) is None


@settings(max_examples=300, deadline=None)
@given(indicator_values())
def test_fast_path_equals_lark_on_strategy_values(sample: object) -> None:
    assert _agrees(sample.text) is None  # type: ignore[attr-defined]


_NOISE = st.sampled_from(
    ["", " ", "\u200b", "\u3000", "以上", "以内", "元", "万", "/人", "％", "多"]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SEED_TEXTS + NATIONAL_TEXTS), _NOISE, _NOISE, st.integers(0, 40))
def test_fast_path_equals_lark_on_noisy_values(text: str, before: str, after: str, at: int) -> None:
    at = min(at, len(text))
    assert _agrees(before + text[:at] + after + text[at:]) is None


def test_parse_uses_the_same_reading_strict_or_not() -> None:
    clear_cache()
    text = "≥8500 台次/年"
    assert pm.parse(text, strict=True) == pm.parse(text) == _lark(text)


_COMPARATORS = ["", "≥", "≤", ">", "<", "＞=", "不低于", "不超过", "不少于", "约", "="]
_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.decimals(min_value=0, max_value=10**5, places=2).map(str),
)
_UNITS = sorted(
    {
        word
        for family in ("money", "count", "time", "percent", "physical")
        for word in units_of_family(family)
    }
)
_TAILS = ["", "以上", "以下", "以内", "内", "左右", "完成"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_COMPARATORS),
    _NUMBERS,
    st.sampled_from(["", "万", "亿", "千"]),
    st.sampled_from(["", *_UNITS]),
    st.sampled_from(["", *(f"/{unit}" for unit in _UNITS)]),
    st.sampled_from(_TAILS),
)
def test_generated_common_shapes_read_as_lark_reads_them(
    comparator: str, number: str, multiplier: str, unit: str, per: str, tail: str
) -> None:
    assert _agrees(f"{comparator}{number}{multiplier}{unit}{per}{tail}") is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("保障提升及时是否达到标准良好有效明显改善")), max_size=12)
)
def test_free_text_shortcut_agrees_with_lark(text: str) -> None:
    if text.strip():
        assert _agrees(text) is None
