"""Whatever a spreadsheet cell holds: a value or a ParseError, never anything else, and never a
silently wrong number.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm

HOSTILE = [
    "\x00",
    "\x07≥5%",
    "≥5\x1b[0m%",
    "\udcff",
    "≥\ud800",
    "🙂",
    "≥95%🙂",
    "👍 100%",
    "(" * 300 + ")" * 300,
    "[[[≥5]]]",
    "（（≥5人））",
    "9" * 400,
    "≥" + "9" * 400 + "人",
    "1e309",
    "1E309",
    "NaN",
    "nan%",
    "∞",
    "≥∞",
    "-∞",
    "--5",
    "≥≥5%",
    "5%%",
    "万万元",
    "≥万",
    "≤≤",
    "%",
    "/",
    "·",
    "至",
    "-",
    "年",
    "月",
    "底前",
    "0.0.0",
    "1..2",
    "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０",
    "≥-5人",
    "≥200000000%",
    "3-",
    "-3",
    "3--6",
    "2022年13月",
    "2022年2月30日",
    "2022.13",
    "\t≥\n5\r%",
    "\u3000\u3000",
    "≥5" + "\u200b" * 50 + "%",
    "≥5" + "人" * 10_000,
    "保障" * 5_000,
    "1 " * 5_000,
    "≥" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t[:20]) for t in HOSTILE])
def test_hostile_inputs(text: str) -> None:
    try:
        value = pm.parse(text)
    except pm.ParseError:
        assert not text.strip()
    else:
        assert value.text == text
        if value.kind == "quantity":
            assert value.magnitude.is_finite()  # type: ignore[union-attr]
            assert len(value.magnitude.as_tuple().digits) <= 40  # type: ignore[union-attr]
    try:
        strict = pm.parse(text, strict=True)
    except pm.ParseError as exc:
        assert 0 <= exc.position <= len(text)
        assert str(exc).splitlines()[-1].endswith("^")
    else:
        assert strict.kind != "qualitative" and not strict.note


SILENTLY_WRONG = [
    ("1e309", "qualitative"),  # not 1
    ("NaN", "qualitative"),
    ("∞", "qualitative"),
    ("9" * 400, "qualitative"),  # more digits than Decimal keeps exact
    ("≥-5人", "qualitative"),  # a negative count
    ("≥2000000%", "qualitative"),  # a percent beyond 10⁶
    ("2022年13月", "qualitative"),
    ("2022年2月30日", "qualitative"),
    ("6-3本", "qualitative"),  # reversed range
]


@pytest.mark.parametrize(("text", "kind"), SILENTLY_WRONG)
def test_values_that_would_be_wrong_are_refused(text: str, kind: str) -> None:
    assert pm.parse(text).kind == kind
    with pytest.raises(pm.ParseError) as info:
        pm.parse(text, strict=True)
    assert info.value.reason
    assert str(info.value).splitlines()[-1].endswith("^")


def test_refusals_say_why() -> None:
    with pytest.raises(pm.ParseError, match="significant digits"):
        pm.parse("9" * 400, strict=True)
    with pytest.raises(pm.ParseError, match="cannot be negative"):
        pm.parse("≥-5人", strict=True)
    with pytest.raises(pm.ParseError, match="not a plausible rate"):
        pm.parse("≥2000000%", strict=True)


any_character = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())


@given(st.text(any_character, max_size=80))
def test_any_string_including_surrogates(text: str) -> None:
    try:
        value = pm.parse(text)
    except pm.ParseError:
        assert not text.strip()
        return
    assert value.text == text
    try:
        pm.parse(text, strict=True)
    except pm.ParseError as exc:
        assert 0 <= exc.position <= len(text)


@given(
    st.lists(
        st.sampled_from(
            ["≥", "5", "万", "人", "%", " ", "年", "月", "-", "至", "保障", "(", "1e9"]
        ),
        max_size=30,
    )
)
def test_any_mix_of_value_pieces(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        pm.parse(text, strict=True)
    except pm.ParseError as exc:
        assert 0 <= exc.position <= len(text)
