"""Warnings are typed: each carries a code, and code tests the code, never a message prefix."""

from __future__ import annotations

import pickle

import pytest

import perfmetrics as pm
from perfmetrics.values.notices import ValueWarning, WarningCode, find_warning, has_warning

CASES = [
    # text, year, the code its one warning has
    ("≥30龘", None, WarningCode.UNKNOWN_UNIT),  # 龘 is in no vocabulary: an unknown counting word
    ("12月底前完成", None, WarningCode.YEARLESS),
    ("≤122万", None, WarningCode.MULTIPLIER_WITHOUT_UNIT),  # seed 000: cost row without 元
    ("分别大于200M、300M", None, WarningCode.AMBIGUOUS),  # VALUE_SEMANTICS: several targets
    ("未超过5%", None, WarningCode.AMBIGUOUS),  # a negation before the comparator
]


@pytest.mark.parametrize(("text", "year", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_warning_has_its_code(text: str, year: int | None, code: WarningCode) -> None:
    value = pm.parse(text, year=year)
    assert [w.code for w in value.warnings if isinstance(w, ValueWarning)] == [code]
    assert has_warning(value.warnings, code)


def test_resolving_the_year_drops_the_yearless_warning_by_code() -> None:
    value = pm.parse("12月底前完成")
    assert find_warning(value.warnings, WarningCode.YEARLESS) is not None
    assert value.resolve(2022).warnings == ()


def test_warnings_are_strings_and_pickle_with_their_code() -> None:
    (item,) = pm.parse("≥30龘").warnings
    assert item == "not a known unit: '龘': kept as a counting unit of its own"
    again = pickle.loads(pickle.dumps(item))
    assert (again, again.code) == (item, WarningCode.UNKNOWN_UNIT)
