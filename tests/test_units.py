"""The registry: Chinese units, exact conversions, refusals, and agreement with the grammar."""

from __future__ import annotations

from decimal import Decimal

import pytest

import perfmetrics as pm
from perfmetrics.units.names import canonical_spelling, units_of_family
from perfmetrics.units.registry import convert, is_known_unit
from perfmetrics.vocabulary import UnitEntry, unit_entries
from perfmetrics.vocabulary.grammar import unit_words

D = Decimal

CONVERSIONS = [
    ("262.96", "万元", "元", "2629600"),
    ("1.5", "亿元", "万元", "15000"),
    ("60", "月", "年", "5"),
    ("48", "小时", "天", "2"),
    ("1.5", "小时", "分钟", "90"),
    ("95", "%", "", "0.95"),
    ("2", "季度", "月", "6"),
    ("1", "公顷", "平方米", "10000"),
    ("2000", "元/人/月", "元/人/年", "24000"),
]


@pytest.mark.parametrize(("magnitude", "source", "target", "expected"), CONVERSIONS)
def test_exact_conversions(magnitude: str, source: str, target: str, expected: str) -> None:
    assert convert(D(magnitude), source, target) == D(expected)


@pytest.mark.parametrize(
    ("first", "second"),
    [("人", "人次"), ("次", "次/月"), ("万元", "天"), ("%", "人"), ("工作日", "天")],
)
def test_refusals(first: str, second: str) -> None:
    with pytest.raises(pm.UnitMismatchError) as info:
        convert(D(1), first, second)
    assert first in str(info.value) and second in str(info.value)


@pytest.mark.parametrize("entry", unit_entries(), ids=lambda entry: entry.word)
def test_every_vocabulary_unit_is_in_the_registry(entry: UnitEntry) -> None:
    for spelling in entry.spellings:
        canonical = canonical_spelling(spelling)
        assert canonical == entry.word
        assert is_known_unit(canonical), f"{spelling} → {canonical}"


def test_counting_words_are_each_their_own_dimension() -> None:
    counts = sorted(units_of_family("count"))
    dimensions = {str(pm.ureg.Unit(c).dimensionality) for c in counts}
    assert len(dimensions) == len(counts)


def test_every_unit_spelling_lexes_as_one_unit() -> None:
    for spelling in unit_words():
        value = pm.parse(f"5{spelling}")
        assert value.kind == "quantity", spelling
        assert value.unit == canonical_spelling(spelling), spelling  # type: ignore[union-attr]


OVERLAPS = [  # longest literal wins: each overlap of the grammar, read the long way
    ("5万元", "万元", "5"),
    ("5元", "元", "5"),
    ("5分钟", "分钟", "5"),
    ("5分", "分", "5"),
    ("5个月", "月", "5"),
    ("5个", "个", "5"),
    ("5天", "天", "5"),
    ("5个工作日", "工作日", "5"),
    ("5人次", "人次", "5"),
    ("5人", "人", "5"),
    ("5台次", "台次", "5"),
    ("5台套", "台套", "5"),
    ("5百分比", "%", "5"),
    ("5百人", "人", "500"),
]


@pytest.mark.parametrize(("text", "unit", "magnitude"), OVERLAPS)
def test_overlapping_literals(text: str, unit: str, magnitude: str) -> None:
    value = pm.parse(text)
    assert (value.unit, value.magnitude) == (unit, D(magnitude))
