"""Noise never changes a value: it is read through, or the value is refused (issue 10, 15).

Text extracted from PDFs and web pages carries invisible characters, Kangxi radicals, wraps inside
words and other scripts' digits. Each finding of the issue is a case here; the property at the end
inserts noise into every seed value.
"""

from __future__ import annotations

import contextlib
import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.judging.categories import category_of
from perfmetrics.values.normalize import clean

CASES = Path(__file__).parent / "cases"

READ_THROUGH = [
    # text, canonical reading — issue 10, findings 2, 4 and 5
    ("≥8\u200f500 台次/年", "≥8500台次/年"),  # a bidi mark inside a number
    ("≥9\u00ad5%", "≥95%"),  # a soft hyphen
    ("≥9\u20635%", "≥95%"),  # an invisible separator
    ("≥9\u180e5%", "≥95%"),  # the Mongolian vowel separator
    ("≥95\u0301%", "≥95%"),  # a combining mark
    ("\u202e≥95%\u202c", "≥95%"),  # bidi override around the value
    ("≥5" + "\u200b" * 50 + "%", "≥5%"),
    ("100 百\n分比", "100%"),  # a wrap inside 百分比
    ("50-80 万 元", "50-80万元"),  # a wrap inside 万元
    ("大于 等于 5 场", "≥5场"),
    ("≤60 分 钟", "≤60分钟"),
    ("不 低 于 95%", "≥95%"),
    ("2022年12⽉底前", "2022年12月底前"),  # Kangxi radical ⽉ for 月
    ("≥5⼈", "≥5人"),  # ⼈ (U+2F08) for 人
    ("28.8萬元", "28.8万元"),  # traditional script (issue 15)
    ("≥1.7萬人", "≥17000人"),
    ("≥5噸", "≥5吨"),
    ("60萬(wàn)度", "600000度"),  # a mirror's pinyin reading after 萬 (issue 15, 海南)
    ("≥1次(cì)/季(jì)度", "≥1次/季度"),
    ("≥90（分）", "≥90分"),  # brackets around the unit (issue 15)
    ("50( 万元 )", "50万元"),
    ("(≥90%)", "≥90%"),  # a bracket or quote pair around the whole cell
    ("“≥90%”", "≥90%"),
    (" 【2023年12月底前】", "2023年12月底前"),
]


@pytest.mark.parametrize(("text", "canonical"), READ_THROUGH, ids=[c[0] for c in READ_THROUGH])
def test_noise_is_read_through(text: str, canonical: str) -> None:
    value = pm.parse(text)
    assert str(value) == canonical
    assert value == pm.parse(canonical)
    assert value.text == text


REFUSED = [
    # issue 10 finding 13: other scripts' digits are never read
    "≥৪0%",
    "≥٤٠%",
    "5৪人",
    # finding 1: grouped digits where a month or day stands
    "1,000月",
    "1，000月",
    "12,000月底前",
    "2023.07-2,024.01",
    # finding 3: Python's 4,300-digit limit
    "9" * 4301 + "月",
]


@pytest.mark.parametrize("text", REFUSED, ids=[c[:20] for c in REFUSED])
def test_noise_that_cannot_be_read_through_is_refused(text: str) -> None:
    assert pm.parse(text).kind == "qualitative"
    with pytest.raises(pm.ParseError):
        pm.parse(text, strict=True)


def test_kangxi_radical_unit_compares() -> None:
    # issue 10 finding 2: pint's AssertionError escaped for ⼈.
    assert pm.meets("≥5⼈", "6人").met is True
    assert pm.meets("≥9\u00ad5%", "96%").met is True


def test_traditional_category_names_are_accepted() -> None:
    assert category_of("數量指標") is pm.Category.QUANTITY
    assert pm.meets("100%", "98%", category="質量指標").met is False


def test_error_offsets_point_into_the_callers_text() -> None:
    text = "不 低 于 ≥"
    with pytest.raises(pm.ParseError) as info:
        pm.parse(text, strict=True)
    assert 0 <= info.value.position <= len(text)
    assert str(info.value).splitlines()[-2] == text


def test_span_and_note_keep_the_callers_offsets_and_spaces() -> None:
    value = pm.parse("不 低 于 95% 按时 完成")
    assert value.span == (0, 9)
    assert value.note == "按时 完成"


def _seed_texts() -> list[str]:
    with (CASES / "seed_values.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row["text"] for row in rows if row["kind"] != "qualitative"]


SEEDS = _seed_texts()
NOISE = ["\u200b", "\u200f", "\u00ad", "\u2063", "\u180e", "\u0301", "\ufeff", "\u202e"]


@given(st.sampled_from(SEEDS), st.sampled_from(NOISE), st.integers(0, 200))
def test_invisible_characters_never_change_a_value(text: str, noise: str, where: int) -> None:
    at = where % (len(text) + 1)
    noisy = text[:at] + noise + text[at:]
    assert pm.parse(noisy) == pm.parse(text)


def _reading(value: pm.Value) -> dict[str, object]:
    """The structured reading: everything but the note (a wrap in a note is still a note)."""
    found = value.to_dict()
    return {key: found[key] for key in ("kind", "op", "magnitude", "unit", "low", "high", "start")}


@given(st.sampled_from(SEEDS), st.integers(0, 200), st.sampled_from([" ", "\n", "\u3000"]))
def test_a_wrap_never_gives_a_different_number(text: str, where: int, gap: str) -> None:
    at = where % (len(text) + 1)
    wrapped = _reading(pm.parse(text[:at] + gap + text[at:]))
    original = _reading(pm.parse(text))
    if wrapped["kind"] != "qualitative" and wrapped != original:
        # A space between two digits splits a number: that must be refused, never read as
        # another number. Any other difference is a wrong reading.
        pytest.fail(f"{text!r} wrapped at {at} read as {wrapped!s}, not {original!s}")


def test_clean_keeps_a_map_to_the_original() -> None:
    found = clean("≥8\u200f500")
    assert found.text == "≥8500"
    assert [found.original(i) for i in range(len(found.text) + 1)] == [0, 1, 3, 4, 5, 6]
    assert Decimal(found.text[1:]) == 8500


def test_every_prefix_of_a_seed_value_gives_a_value_or_a_parse_error() -> None:
    # regression: lark 1.3's match_examples raised TypeError (a ParserState formatted with %d)
    # on prefixes the PDF reader tries while it looks for cell boundaries.
    for text in SEEDS:
        for end in range(1, len(text) + 1):
            with contextlib.suppress(pm.ParseError):
                pm.parse(text[:end], strict=True)
