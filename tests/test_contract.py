"""The written error contract (docs/errors.md) checked against the code (issue 10).

- every public function is in the per-function table, and its docstring's ``Raises:`` names the
  same exceptions;
- every exception named is a PerfmetricsError subclass in perfmetrics.errors (or ImportError,
  for the pandas functions);
- calls with wrong types raise InputTypeError (a table of calls);
- fuzzed text raises nothing but what the table lists.
"""

from __future__ import annotations

import decimal
import inspect
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import read_cases
from mutations import mutate

import perfmetrics as pm
from perfmetrics import errors

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"
#: A row of the per-function table: the function, then the exceptions (``—``: it never raises).
_ROW = re.compile(r"^\| `(\w+)` \| ((?:`\w+`(?:, )?)+|—) \|", re.M)


def contract() -> dict[str, set[str]]:
    """The per-function table of docs/errors.md: function → the exceptions it may raise."""
    text = DOC.read_text(encoding="utf-8")
    table = text.split("## Per function", 1)[1].split("\n## ", 1)[0]
    return {name: set(re.findall(r"`(\w+)`", raised)) for name, raised in _ROW.findall(table)}


def _public_functions() -> dict[str, Callable[..., Any]]:
    return {
        name: getattr(pm, name)
        for name in pm.__all__
        if inspect.isfunction(getattr(pm, name, None))
    }


def _docstring_raises(function: Callable[..., Any]) -> set[str]:
    doc = inspect.getdoc(function) or ""
    found = re.search(r"Raises:\n((?:    .*\n?|\n)*)", doc)
    return set(re.findall(r"^    (\w+):", found.group(1), re.M)) if found else set()


def test_every_public_function_is_in_the_contract() -> None:
    assert set(_public_functions()) <= set(contract())


@pytest.mark.parametrize("name", sorted(contract()))
def test_the_contract_matches_the_docstring(name: str) -> None:
    listed = contract()[name]
    for exception in listed:
        cls = getattr(errors, exception, None)
        assert exception == "ImportError" or (
            isinstance(cls, type) and issubclass(cls, pm.PerfmetricsError)
        ), exception
    function = getattr(pm, name, None)
    if function is not None:  # a function another branch adds is checked there
        assert _docstring_raises(function) == listed


class _Odd:
    """An object of no type perfmetrics takes."""


WRONG_TYPES: list[tuple[str, Callable[[], object]]] = [
    ("parse", lambda: pm.parse(95)),  # type: ignore[arg-type]
    ("parse", lambda: pm.parse(b"95%")),  # type: ignore[arg-type]
    ("parse", lambda: pm.parse("12月", year="2025")),  # type: ignore[arg-type]
    ("parse", lambda: pm.parse("95%", strict="yes")),  # type: ignore[arg-type]
    ("parse_tree", lambda: pm.parse_tree(None)),  # type: ignore[arg-type]
    ("parse_many", lambda: pm.parse_many(5)),  # type: ignore[arg-type]
    ("parse_many", lambda: pm.parse_many("≥95%")),
    ("render", lambda: pm.render(5)),  # type: ignore[arg-type]
    ("meets", lambda: pm.meets(95, "96%")),  # type: ignore[arg-type]
    ("meets", lambda: pm.meets("≥95%", None)),  # type: ignore[arg-type]
    ("meets", lambda: pm.meets("≥95%", "96%", year="x")),  # type: ignore[arg-type]
    ("meets", lambda: pm.meets("≥95%", "96%", indicator=5)),  # type: ignore[arg-type]
    ("score", lambda: pm.score("≥95%", "96%", float("nan"))),
    ("score", lambda: pm.score("≥95%", "96%", None)),  # type: ignore[arg-type]
    ("score", lambda: pm.score("≥95%", "96%", 10, rule="foo")),
    ("grade", lambda: pm.grade(5, "96%")),  # type: ignore[arg-type]
    ("read_tables", lambda: pm.read_tables(5)),  # type: ignore[arg-type]
    ("read_tables", lambda: pm.read_tables("a\nb", year="2025")),  # type: ignore[arg-type]
    ("read_selfeval", lambda: pm.read_selfeval(5)),  # type: ignore[arg-type]
    ("audit", lambda: pm.audit(_Odd())),  # type: ignore[arg-type]
    ("review", lambda: pm.review(5)),  # type: ignore[arg-type]
    ("Amount", lambda: pm.Amount("x", "元")),
    ("Amount", lambda: pm.Amount(1.5, "元")),  # type: ignore[arg-type]
    ("Amount", lambda: pm.Amount("NaN", "元")),
]


@pytest.mark.parametrize(("name", "call"), WRONG_TYPES)
def test_wrong_types_raise_input_type_error(name: str, call: Callable[[], object]) -> None:
    with pytest.raises(pm.InputTypeError):
        call()
    assert name == "Amount" or "InputTypeError" in contract()[name]


@pytest.mark.parametrize(("name", "module"), [("normalize", "pandas"), ("to_frame", "pandas")])
def test_wrong_types_in_the_pandas_functions(name: str, module: str) -> None:
    pytest.importorskip(module)
    with pytest.raises(pm.InputTypeError):
        getattr(pm, name)(5)


def _allowed(name: str) -> tuple[type[BaseException], ...]:
    return tuple(getattr(errors, exception) for exception in contract()[name])


def test_fuzzed_text_raises_only_what_the_contract_lists() -> None:
    texts = sorted({row["text"] for row in read_cases("seed_values.tsv") if row["text"].strip()})
    rng = random.Random(10)
    calls: list[tuple[str, Callable[..., object], tuple[str, ...]]] = []
    for _ in range(600):
        target = mutate(rng, rng.choice(texts))[0]
        actual = mutate(rng, rng.choice(texts))[0]
        calls += [
            ("parse", lambda t: pm.parse(t, strict=True), (target,)),
            ("meets", pm.meets, (target, actual)),
            ("score", lambda t, a: pm.score(t, a, 10, rule="attainment"), (target, actual)),
            ("read_tables", pm.read_tables, (f"绩效目标表\n\t单位：万元\n\t{target}\n",)),
        ]
    for name, call, args in calls:
        with decimal.localcontext() as caller:
            caller.prec = 3
            caller.traps[decimal.Inexact] = True
            try:
                call(*args)
            except _allowed(name):
                pass
