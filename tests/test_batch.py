"""parse_many and records (no pandas); normalize (and the Series.pm accessor), to_frame."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pandas as pd
import pytest
from conftest import SEEDS

import perfmetrics as pm
import perfmetrics.accessor  # registers Series.pm
from perfmetrics import frames
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records, value_record


def test_parse_many_keeps_order_and_returns_errors_in_place() -> None:
    results = pm.parse_many(["≥1.7万人", "", "≥1.7万人", 5])  # type: ignore[list-item]
    assert str(results[0]) == "≥17000人" and results[2] is results[0]
    assert isinstance(results[1], pm.ParseError)
    assert isinstance(results[3], pm.InputTypeError)


def test_normalize_a_column_on_its_index() -> None:
    column = pd.Series(
        ["≥90%", "≤262.96万元", None, "3-6本/期", "2022年12月底前", "保障"], index=list("abcdef")
    )
    frame = column.pm.normalize()
    assert list(frame.index) == list("abcdef")
    assert frame["kind"].tolist() == [
        "quantity", "quantity", pd.NA, "range", "date", "qualitative"
    ]  # fmt: skip
    assert frame.loc["b", "magnitude"] == Decimal("262.96") and frame.loc["b", "unit"] == "万元"
    assert (frame.loc["d", "low"], frame.loc["d", "high"]) == (Decimal(3), Decimal(6))
    assert frame.loc["e", "end"] == dt.date(2022, 12, 31)
    assert frame.loc["c", "error"] == "the value cell is empty"
    assert frame.equals(pm.normalize(list(column)).set_axis(column.index))


def test_to_frame_one_row_per_indicator() -> None:
    tables = pm.read_tables(SEEDS / "004_e85c4e418f268774.txt", year=2023)
    frame = pm.to_frame(tables)
    assert len(frame) == len(tables.rows) == 154
    first_project_row = frame.iloc[51]
    assert first_project_row["table"] == "1.劳动就业社会保障服务协理员补贴及培训经费绩效目标表"
    assert first_project_row["category"] == "数量指标"
    assert (first_project_row["op"], first_project_row["magnitude"]) == ("==", Decimal(3000))
    assert json.loads(frame.iloc[0]["tiers"]) == {
        "优": "100%",
        "良": "≥90%",
        "中": "≥80%",
        "差": "<80%",
    }
    assert frame["error"].isna().all()


def test_the_accessor_parse_gives_values() -> None:
    values = pd.Series(["≥95%", "≥95%"]).pm.parse()
    assert [str(v) for v in values] == ["≥95%", "≥95%"]


def test_records_need_no_pandas() -> None:
    tables = pm.read_tables(SEEDS / "002_9447ddad8dc33496.txt")
    records = row_records(tables)
    assert len(records) == 36
    assert all(len(record) == len(ROW_COLUMNS) + len(VALUE_COLUMNS) for record in records)
    assert value_record(pm.parse("≤10万元"))[:5] == ("quantity", "<=", True, Decimal(10), "万元")
    code = (
        "import sys, perfmetrics, perfmetrics.records, perfmetrics.cli;"
        "print('pandas' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("call", ["normalize", "to_frame", "register_accessor", "judge"])
def test_a_missing_pandas_says_what_to_install(call: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    args = {"normalize": (["≥90%"],), "to_frame": ([],), "register_accessor": (), "judge": (None,)}[
        call
    ]
    with pytest.raises(ImportError, match=r'pip install "perfmetrics\[pandas\]"') as info:
        getattr(frames, call)(*args)
    assert info.value.name == "pandas"
    assert not isinstance(info.value, pm.PerfmetricsError)
