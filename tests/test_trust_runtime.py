"""Issue 10, the runtime findings: threads (7), the decimal context (8), bounded unit caches (10),
pickling into process pools (15), and errors that pickle with their causes.
"""

from __future__ import annotations

import decimal
import json
import operator
import os
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest

import perfmetrics as pm
from perfmetrics.units import registry

ROOT = Path(__file__).resolve().parents[1]


def _fresh_python(code: str) -> Any:
    """Run ``code`` in a new interpreter (this checkout first on the path); return its JSON."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


COLD_START = r"""
import decimal, json, threading
decimal.getcontext().prec = 6
decimal.getcontext().traps[decimal.Inexact] = True   # finding 8: pint's registry build raised
import perfmetrics as pm
from perfmetrics.units import registry
from perfmetrics.values import lark_build
builds = []
real_build = registry.build_registry
registry.build_registry = lambda *a, **k: builds.append(1) or real_build(*a, **k)
texts = ["≥5艘", "≥4猫", "≤262.96万元", "5台次/年", "≥3鹅", "≥95%", "12个月", "≥7镑"]
barrier = threading.Barrier(len(texts))
out = {}
def first_parse(i):
    barrier.wait()
    try:
        value = pm.parse(texts[i])
        quantity = value.quantity
        verdict = pm.meets(texts[i], str(value.amount))
        out[i] = [str(quantity.units), verdict.met, id(registry.get_registry()),
                  id(lark_build.value_parser())]
    except Exception as exc:
        out[i] = [type(exc).__name__, str(exc)]
threads = [threading.Thread(target=first_parse, args=(i,)) for i in range(len(texts))]
for t in threads: t.start()
for t in threads: t.join()
after = [str(pm.parse(t).quantity.units) for t in texts]
print(json.dumps({"out": out, "builds": len(builds), "after": after,
                  "prec": decimal.getcontext().prec}))
"""


def test_threads_doing_their_first_parse_share_one_registry_and_parser() -> None:
    # Finding 7: 8 threads' first parse built 8 registries; pint then raised in most threads.
    found = _fresh_python(COLD_START)
    rows = [found["out"][key] for key in sorted(found["out"], key=int)]
    assert len(rows) == 8
    assert all(len(row) == 4 and row[1] is True for row in rows), rows
    assert len({row[2] for row in rows}) == 1  # one registry
    assert len({row[3] for row in rows}) == 1  # one parser
    assert found["builds"] == 1
    assert [row[0] for row in rows] == found["after"]
    assert found["prec"] == 6  # the caller's context is left as it was


DECIMAL_CASES: list[tuple[str, Any]] = [
    ("meets", ("≤262.96万元", "2629604元")),
    ("meets", ("≤262.96万元", "2629600元")),
    ("meets", ("≥7.5小时", "450分钟")),
    ("meets", ("≥95%", "94.9999%")),
    ("meets", ("≤1234567.891234万元", "12345678912.34元")),
    ("score", ("≥95%", "76.123456789%", 10)),
    ("score", ("≤100万元", "125.5万元", 10)),
    ("score", ("≥90%", "98.7654321%", 10, "attainment")),
    ("parse", ("≥1.23456789万人",)),
]


def _run_case(kind: str, args: tuple[Any, ...]) -> object:
    if kind == "meets":
        verdict = pm.meets(*args)
        return (verdict.met, verdict.margin_amount, verdict.reason)
    if kind == "score":
        rule = args[3] if len(args) > 3 else "proportional"
        return pm.score(args[0], args[1], args[2], rule=rule)
    return pm.parse(args[0])


@pytest.mark.parametrize(("kind", "args"), DECIMAL_CASES)
def test_the_callers_decimal_context_changes_nothing(kind: str, args: tuple[Any, ...]) -> None:
    # Finding 8: with prec=6, `meets("≤262.96万元", "2629604元")` was met.
    pm.values.api.clear_cache()
    expected = _run_case(kind, args)
    pm.values.api.clear_cache()
    with decimal.localcontext() as caller:
        caller.clear_flags()
        caller.prec = 6
        caller.traps[decimal.Inexact] = True
        caller.traps[decimal.Rounded] = True
        assert _run_case(kind, args) == expected
        assert caller.prec == 6 and not caller.flags[decimal.Inexact]
    if args == ("≤262.96万元", "2629604元"):
        assert expected[0] is False


def test_unit_caches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Finding 10: the unit caches grew without bound (100k compound units: 878 MB).
    assert registry.pint_unit.cache_info().maxsize == registry.UNIT_CACHE_SIZE
    assert registry._exact_factor.cache_info().maxsize == registry.UNIT_CACHE_SIZE
    assert pm.parse("≥5犇").quantity.magnitude == 5  # an unknown word: a counting unit
    defined = registry.adhoc_unit_count()
    assert defined >= 1
    monkeypatch.setattr(registry, "MAX_ADHOC_UNITS", defined + 2)
    for word in "猋骉":  # two more fit
        assert str(pm.parse(f"≥5{word}").quantity.units) == word
    with pytest.raises(pm.UnitMismatchError, match="unknown units in one process"):
        pm.parse("≥5麤").quantity  # noqa: B018
    assert registry.adhoc_unit_count() == defined + 2


def test_pints_own_caches_are_trimmed(monkeypatch: pytest.MonkeyPatch) -> None:
    # pint keeps the base units of every compound unit it met (60,000 distinct compound units:
    # 314 MB before, 166 MB with the trim).
    monkeypatch.setattr(registry, "UNIT_CACHE_SIZE", 2)
    for word in "人天月年次户项台":
        pm.meets(f"≤5元/{word}/所/场", f"4万元/{word}/所/场")
    assert len(pm.ureg._cache.root_units) <= 4 * 2 + 4


@pytest.mark.parametrize(
    "text", ["≤262.96万元", "≥8500 台次/年", "≥95%", "12个月", "≥5艘", "1200元/人·月", "≤15.5/亩"]
)
def test_quantities_pickle_into_the_shared_registry(text: str) -> None:
    # Finding 15: `pickle.loads(pickle.dumps(pm.parse("≤262.96万元").quantity))` raised.
    quantity = pm.parse(text).quantity
    again = pickle.loads(pickle.dumps(quantity))
    assert again == quantity
    assert again._REGISTRY is pm.ureg
    assert pickle.loads(pickle.dumps(quantity.units)) == quantity.units
    import pint

    assert pint.get_application_registry().get() is pm.ureg


def test_quantities_cross_a_process_pool() -> None:
    texts = ["≤262.96万元", "≥5艘", "≥3鹅", "5台次/年"]
    values = [pm.parse(text) for text in texts]
    quantities = [value.quantity for value in values]
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        doubled = list(pool.map(operator.mul, quantities, [2] * len(quantities)))
        made = list(pool.map(operator.attrgetter("quantity"), values))
    assert doubled == [quantity * 2 for quantity in quantities]
    assert made == quantities


def test_errors_pickle_with_their_causes() -> None:
    # Pickling that follows __cause__ (tblib: Dask, pytest-xdist) met Lark's parser state (the
    # transformer's callbacks): every link of the chain must pickle on its own.
    for text in ["≥95%abc", "八成", "≥", "৪95%", "12,000月底前"]:
        with pytest.raises(pm.ParseError) as info:
            pm.parse(text, strict=True)
        again = pickle.loads(pickle.dumps(info.value))
        assert (type(again), str(again)) == (type(info.value), str(info.value))
        link: BaseException | None = info.value
        while link is not None:
            pickle.dumps(link)
            link = link.__cause__ or link.__context__
