"""Properties over perfmetrics.strategies: drawn texts parse to their promised values, round-trip
through canonical text, survive width folding and spaces, and actuals get their promised verdict.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import perfmetrics as pm
from perfmetrics.strategies import (
    Labeled,
    actuals_for,
    full_width,
    indicator_values,
    quantities,
    targets,
)
from perfmetrics.values.model import RecurringValue


@given(indicator_values())
def test_drawn_text_parses_to_its_value(sample: Labeled) -> None:
    assert pm.parse(sample.text) == sample.value


@given(indicator_values().map(lambda sample: sample.pair))
def test_pair_form(pair: tuple[str, pm.Value]) -> None:
    text, expected = pair
    assert pm.parse(text) == expected


@given(indicator_values())
def test_canonical_text_round_trips(sample: Labeled) -> None:
    value = pm.parse(sample.text)
    assert pm.parse(str(value)) == value


@given(indicator_values())
def test_spaces_between_tokens_and_full_width_change_nothing(sample: Labeled) -> None:
    assert pm.parse(" ".join(sample.tokens)) == sample.value
    assert pm.parse(full_width(sample.text)) == sample.value


@given(st.data(), targets(kind="quantity"), st.booleans())
def test_actuals_for_quantities_get_the_promised_verdict(
    data: st.DataObject, target: pm.Value, met: bool
) -> None:
    try:
        actual = data.draw(actuals_for(target, met=met))
    except InvalidArgument:
        assert target.magnitude == 0  # type: ignore[union-attr]  # nothing is below 0
        return
    assert pm.meets(target, actual).met is met


@given(st.data(), targets(kind=["range", "date", "period"]), st.booleans())
def test_actuals_for_ranges_and_dates_get_the_promised_verdict(
    data: st.DataObject, target: pm.Value, met: bool
) -> None:
    try:
        actual = data.draw(actuals_for(target, met=met))
    except InvalidArgument:
        return
    assert pm.meets(target, actual).met is met


@given(quantities(unit="万元"))
def test_quantities_are_exact_amounts_in_the_unit(amount: pm.Amount) -> None:
    assert amount.unit == "万元" and amount.magnitude >= 0
    assert pm.parse(str(amount)).amount == amount  # type: ignore[union-attr]


def test_bad_arguments_are_invalid_argument() -> None:
    with pytest.raises(InvalidArgument):
        indicator_values(kinds="numbers").example()
    with pytest.raises(InvalidArgument):
        quantities(min_value=5, max_value=1).example()
    with pytest.raises(InvalidArgument):
        actuals_for("保障", met=False)
    with pytest.raises(InvalidArgument):
        actuals_for(pm.parse("12月底前"))


def test_strategies_are_not_imported_by_the_package() -> None:
    import subprocess
    import sys

    code = "import sys, perfmetrics; print('hypothesis' in sys.modules, 'pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- issue 13: st.from_type for every value class (the hypothesis entry point) ---

FROM_TYPE = [
    (pm.QuantityValue, "quantity"),
    (pm.RangeValue, "range"),
    (pm.DateValue, "date"),
    (pm.PeriodValue, "period"),
    (RecurringValue, "recurring"),
    (pm.QualitativeValue, "qualitative"),
]


@pytest.mark.parametrize(("cls", "kind"), FROM_TYPE, ids=[kind for _, kind in FROM_TYPE])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_from_type_draws_every_value_class(cls: type, kind: str, data: st.DataObject) -> None:
    value = data.draw(st.from_type(cls))
    assert isinstance(value, cls) and value.kind == kind
    assert pm.parse(str(value)) == value


@settings(max_examples=20, deadline=None)
@given(st.from_type(pm.Amount))
def test_from_type_draws_amounts(amount: pm.Amount) -> None:
    assert isinstance(amount.magnitude, Decimal) and amount.magnitude.is_finite()
    assert pm.parse(str(amount)).amount == amount


def test_the_hypothesis_entry_point_is_declared() -> None:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    hook = project["project"]["entry-points"]["hypothesis"]["_"]
    module, _, name = hook.partition(":")
    assert callable(getattr(importlib.import_module(module), name))


def test_importing_the_strategies_warms_the_parser() -> None:
    code = (
        "import time, perfmetrics.strategies, perfmetrics as pm; t = time.perf_counter();"
        "pm.parse('≥95%').quantity; print(time.perf_counter() - t)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert float(result.stdout) < 0.2  # hypothesis' default deadline


def test_a_missing_hypothesis_says_which_extra_to_install() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import perfmetrics.strategies\n"
        "except ImportError as exc:\n    print(exc.name, '|', exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == (
        "hypothesis | perfmetrics.strategies needs hypothesis, an optional extra: "
        'pip install "perfmetrics[fuzz]"'
    )


def test_a_note_never_follows_a_one_character_han_comparator() -> None:
    """Regression (CI on cfd9aad): the strategies drew `超总次数0㎡` as ">0 ㎡, note 总次数",
    but a one-character Han comparator before a Han word starts that word (`超期3天`), which
    the parser refuses; the note-taking form now draws only the longer comparators."""
    from perfmetrics.strategies.values import _NOTE_TAKING_PREFIXES

    assert {"超", "达", "逾"}.isdisjoint(_NOTE_TAKING_PREFIXES)
    assert "不低于" in _NOTE_TAKING_PREFIXES
    assert isinstance(pm.parse("超总次数0㎡"), pm.QualitativeValue)
    assert pm.parse("不低于全年5%") == pm.parse("不低于5%全年")
