"""The fast path and the qualitative shortcut answer exactly as the Lark parser does.

:mod:`perfmetrics.values.fastpath` reads the common shapes with one regular expression derived
from the grammar; :func:`~perfmetrics.values.fastpath.surely_qualitative` skips Lark for text that
holds nothing a value is made of. Both are only allowed where Lark would give the same answer:
checked here on every real value of the seed and national corpora and on generated values built
from the vocabulary's own words.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfmetrics.errors import ParseError
from perfmetrics.units.names import units_of_family
from perfmetrics.values import fastpath
from perfmetrics.values.normalize import clean
from perfmetrics.values.parser import parse_value

CASES = Path(__file__).parent / "cases"


def _texts() -> list[str]:
    texts: dict[str, None] = {}
    for name in ("seed_values.tsv", "national_values.tsv"):
        with (CASES / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                texts[row["text"]] = None
    return list(texts)


TEXTS = _texts()


def _same_as_lark(text: str) -> None:
    cleaned = clean(text)
    fast = fastpath.fast_value(text, cleaned)
    if fast is not None:
        slow = parse_value(text)
        object.__setattr__(slow, "text", text)
        assert fast == slow
        assert fast.to_dict() == slow.to_dict()
    if fastpath.surely_qualitative(cleaned.text):
        with pytest.raises(ParseError):
            parse_value(text)


def test_the_grammar_has_a_fast_path() -> None:
    assert fastpath.enabled()


def test_the_fast_path_answers_for_most_real_values() -> None:
    answered = sum(fastpath.fast_value(text, clean(text)) is not None for text in TEXTS)
    assert answered >= len(TEXTS) // 3


@pytest.mark.parametrize("text", TEXTS)
def test_real_values_read_as_lark_reads_them(text: str) -> None:
    _same_as_lark(text)


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
    _same_as_lark(f"{comparator}{number}{multiplier}{unit}{per}{tail}")


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("保障提升及时是否达到标准良好有效明显改善")), max_size=12)
)
def test_free_text_shortcut_agrees_with_lark(text: str) -> None:
    if text.strip():
        _same_as_lark(text)
