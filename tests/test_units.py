"""The registry: Chinese units, exact conversions, refusals, and agreement with the grammar."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex

import perfmetrics as pm
from perfmetrics.units.registry import SPELLINGS, convert, is_known_unit
from perfmetrics.values.parser import _tree_parser

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


def _alternatives(terminal: str) -> list[str]:
    pattern = _tree_parser().get_terminal(terminal).pattern.value
    return [alt.replace("\\", "") for alt in regex.sub(r"^\(\?:|\)$", "", pattern).split("|")]


@pytest.mark.parametrize(
    "terminal",
    [
        "MONEY_UNIT",
        "PERCENT",
        "PERCENT_POINT",
        "COUNT_UNIT",
        "TIME_UNIT",
        "AREA_UNIT",
        "LENGTH_UNIT",
        "MASS_UNIT",
        "TEMPERATURE_UNIT",
        "SCORE_UNIT",
        "DATA_UNIT",
        "YEAR_WORD",
        "MONTH_WORD",
        "DAY_WORD",
    ],
)
def test_every_grammar_unit_is_in_the_registry(terminal: str) -> None:
    for spelling in _alternatives(terminal):
        canonical = SPELLINGS.get(spelling, spelling)
        assert is_known_unit(canonical), f"{terminal}: {spelling} → {canonical}"


def test_counting_words_are_each_their_own_dimension() -> None:
    counts = [SPELLINGS.get(s, s) for s in _alternatives("COUNT_UNIT")]
    dimensions = {str(pm.ureg.Unit(c).dimensionality) for c in counts}
    assert len(dimensions) == len(set(counts))


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
