"""Typed frames (issue 13): dtypes, Arrow, polars, pint-pandas, column-wise judging."""

from __future__ import annotations

import ast
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.api.types import is_object_dtype

import perfmetrics as pm
import perfmetrics.accessor  # registers Series.pm and DataFrame.pm
from perfmetrics import column_judging, columns, frames
from perfmetrics.strategies import targets

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module", params=SEED_FILES, ids=[p.stem[:3] for p in SEED_FILES])
def seed_tables(request: pytest.FixtureRequest) -> pm.Tables:
    return pm.read_tables(request.param, year=2023)


def test_to_frame_has_no_object_column_on_any_seed(seed_tables: pm.Tables) -> None:
    frame = pm.to_frame(seed_tables)
    assert len(frame) == len(seed_tables.rows)
    assert [name for name, dtype in frame.dtypes.items() if is_object_dtype(dtype)] == []
    assert frame["raw"].dtype == "string" and frame["op_explicit"].dtype == "boolean"
    assert frame["amount"].dtype == "Float64" and frame["line"].dtype == "Int64"
    assert pa.types.is_decimal(frame["magnitude"].dtype.pyarrow_dtype)
    assert frame["end"].dtype.pyarrow_dtype == pa.date32()


def test_arrow_and_polars_round_trip_a_seed(seed_tables: pm.Tables) -> None:
    polars = pytest.importorskip("polars", reason="polars is the [polars] extra")
    table = pm.to_arrow(seed_tables)
    assert table.num_rows == len(seed_tables.rows)
    frame = polars.from_arrow(table)
    assert isinstance(frame, polars.DataFrame)
    assert frame.to_arrow().cast(table.schema).equals(table)
    assert frame.schema["magnitude"] == polars.Decimal(
        38, table.schema.field("magnitude").type.scale
    )
    exact = [
        row.value.magnitude
        for row in seed_tables.rows
        if row.value is not None and row.value.kind == "quantity"
    ]
    assert [v for v in frame["magnitude"].to_list() if v is not None] == exact


# value, magnitude (exact), amount in the common unit, amount_unit, start, end
# (value forms of seeds 002 and 004)
TYPED = [
    ("≤262.96万元", Decimal("262.96"), 2629600.0, "元", None, None),
    ("≥90%", Decimal(90), 0.9, "fraction", None, None),
    ("3个月内", Decimal(3), 91.3125, "天", None, None),
    ("≥1.7万人", Decimal(17000), 17000.0, "人", None, None),
    ("3个工作日内", Decimal(3), 3.0, "工作日", None, None),
    ("2022年12月底前", None, None, None, dt.date(2022, 12, 31), dt.date(2022, 12, 31)),
]


@pytest.mark.parametrize(("text", "magnitude", "amount", "unit", "start", "end"), TYPED)
def test_normalize_gives_exact_and_common_unit_amounts(
    text: str, magnitude: Decimal | None, amount: float | None, unit: str | None,
    start: dt.date | None, end: dt.date | None,
) -> None:  # fmt: skip
    row = pm.normalize([text]).iloc[0]
    assert (row["magnitude"] if magnitude is not None else None) == magnitude
    assert (None if amount is None else row["amount"]) == amount
    assert (None if unit is None else row["amount_unit"]) == unit
    assert (None if end is None else (row["start"], row["end"])) == (
        None if end is None else (start, end)
    )


def test_ranges_have_common_unit_bounds() -> None:
    row = pm.normalize(["50-80万元"]).iloc[0]
    assert (row["low"], row["high"]) == (Decimal(50), Decimal(80))
    assert (row["amount_low"], row["amount_high"], row["amount_unit"]) == (5e5, 8e5, "元")


def test_an_amount_too_long_for_arrow_is_null_with_an_error() -> None:
    long_fraction = Decimal("1." + "1" * 40)
    array, lost = columns.decimal_array([long_fraction, Decimal("9" * 80), None])
    assert lost == [1] and array.type == pa.decimal256(76, 40)
    assert array.to_pylist() == [long_fraction, None, None]
    frame = pm.normalize(["≥" + "9" * 80 + "人"])
    if frame.loc[0, "kind"] == "quantity":  # the parser may refuse such a number itself
        assert frame.loc[0, "magnitude"] is pd.NA and "digits" in frame.loc[0, "error"]


def test_a_column_is_judged_in_one_call_by_distinct_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.DataFrame(
        {
            "target": ["≥90%", "≥90%", "≤262.96万元", "≥5人", "保障", None, "≥90%"],
            "actual": ["95%", "95%", "2700000元", "6人次", "已保障", "1", "80%"],
            "category": ["质量指标"] * 7,
            "weight": [10, 10, 10, 10, 10, 10, "x"],
        },
        index=list("abcdefg"),
    )
    calls = []
    real = column_judging.meets
    monkeypatch.setattr(column_judging, "meets", lambda *a, **k: calls.append(a) or real(*a, **k))
    judged = frame.pm.judge(target="target", actual="actual", category="category", weight="weight")
    assert len(calls) == 5  # the two identical rows are judged once; an empty target never
    assert list(judged.index) == list("abcdefg")
    assert [None if pd.isna(m) else m for m in judged["met"]] == [
        True, True, False, None, True, None, False
    ]  # fmt: skip
    assert judged["met"].dtype == "boolean" and judged["reason"].dtype == "string"
    assert judged.loc["a", "margin"] == Decimal(5) and judged.loc["a", "margin_unit"] == "%"
    assert judged.loc["a", "score"] == Decimal(10)
    assert judged.loc["c", "margin"] == Decimal("7.04") and judged.loc["c", "margin_unit"] == "万元"
    assert "人次" in judged.loc["d", "reason"]
    assert judged.loc["f", "reason"] == "the target is empty"
    assert "no score" in judged.loc["g", "reason"] and judged.loc["g", "score"] is pd.NA
    assert [
        judged[c].dtype for c in column_judging.JUDGE_COLUMNS if judged[c].dtype == object
    ] == []


def test_judging_a_frame_from_to_frame_uses_its_columns() -> None:
    tables = pm.read_tables(SEEDS / "002_9447ddad8dc33496.txt")
    frame = pm.to_frame(tables)
    frame["actual"] = frame["raw"]  # every target met by itself (or undecidable)
    judged = frame.pm.judge(target="raw", actual="actual", category="category", indicator="level3")
    assert judged["met"].isna().sum() + judged["met"].sum() == len(frame)
    assert not (judged["met"] == False).any()  # noqa: E712


def test_pint_pandas_columns_use_the_shared_registry() -> None:
    pytest.importorskip("pint_pandas", reason="pint-pandas is the [pint] extra")
    frame = pm.normalize(["≤262.96万元", "≥90%", "50元"])
    money = frame.pm.quantities("万元")
    assert str(money.dtype).startswith("pint[万元]")
    assert money.iloc[0].magnitude == Decimal("262.96")
    assert money.iloc[1].magnitude.is_nan() and money.iloc[2].magnitude == Decimal("0.005")
    assert money.pint.to("元").iloc[0].magnitude == Decimal(2629600)
    with pytest.raises(pm.UnitMismatchError):
        frame.pm.quantities("not-a-unit")


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [("pyarrow", "to_arrow", "arrow"), ("pyarrow", "normalize", "pandas"),
     ("pint_pandas", "quantities", "pint")],
)  # fmt: skip
def test_a_missing_extra_says_which_to_install(
    module: str, call: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = pm.normalize(["1元"])
    monkeypatch.setitem(sys.modules, module, None)
    args = {"to_arrow": ([],), "normalize": (["≥90%"],), "quantities": (frame, "元")}
    target = columns if call == "to_arrow" else frames
    with pytest.raises(ImportError, match=rf'pip install "perfmetrics\[{extra}\]"'):
        getattr(target, call)(*args[call])


@pytest.mark.parametrize("module", [columns, column_judging], ids=["columns", "column_judging"])
def test_the_arrow_modules_never_import_pandas(module: object) -> None:
    # pm.to_arrow needs the [arrow] extra only; pyarrow imports pandas on its own when present,
    # so this is checked on the source: no import of pandas anywhere in the module.
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert "pyarrow" in imported and "pandas" not in imported


@settings(deadline=None, max_examples=40)  # each example builds a frame: keep the suite fast
@given(st.lists(st.one_of(targets().map(str), st.text(max_size=12), st.none()), max_size=8))
def test_any_column_normalizes_to_typed_columns(texts: list[str | None]) -> None:
    frame = pm.normalize(texts)
    assert len(frame) == len(texts)
    assert not any(is_object_dtype(dtype) for dtype in frame.dtypes)
    for text, kind, error in zip(texts, frame["kind"], frame["error"], strict=True):
        assert (kind is pd.NA) == (error is not pd.NA), text  # a kind, or why there is none
