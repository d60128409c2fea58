"""Every distinct value harvested from the four seed documents parses to the reviewed reading.

The table (tests/cases/seed_values.tsv) was built by tests/tools/build_seed_cases.py and read
row by row; a changed reading shows up here as a failing row with its text as the id.
"""

from __future__ import annotations

import pytest
from conftest import read_cases

import perfmetrics as pm
from perfmetrics.values.model import format_decimal

YEARS = {"000": 2022, "001": 2025, "002": 2025, "004": 2023}
ROWS = read_cases("seed_values.tsv")


def test_table_covers_all_four_documents_with_enough_values() -> None:
    sources = {row["source"] for row in ROWS}
    assert sources == {"000", "001", "002", "004"}
    assert len({row["text"] for row in ROWS}) >= 300
    # the PDF export's spaced values are in
    assert any(" " in row["text"] and row["source"] == "000" for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['text']}" for r in ROWS])
def test_seed_value(row: dict[str, str]) -> None:
    value = pm.parse(row["text"], year=YEARS[row["source"]])
    assert value.kind == row["kind"]
    assert (value.op or "") == row["op"]
    assert str(value.op_explicit) == row["op_explicit"]
    assert value.note == row["note"]
    if isinstance(value, pm.QuantityValue):
        assert format_decimal(value.magnitude) == row["magnitude"]
        assert value.unit == row["unit"]
    elif isinstance(value, pm.RangeValue):
        assert (format_decimal(value.lower.magnitude), format_decimal(value.upper.magnitude)) == (
            row["low"],
            row["high"],
        )
        assert value.unit == row["unit"]
    assert (value.start.isoformat() if value.start else "") == row["start"]
    assert (value.end.isoformat() if value.end else "") == row["end"]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['text']}" for r in ROWS])
def test_seed_value_round_trips_through_canonical_text(row: dict[str, str]) -> None:
    value = pm.parse(row["text"], year=YEARS[row["source"]])
    if value.kind == "qualitative":
        assert str(value) == row["text"].strip()
    else:
        assert pm.parse(str(value), year=YEARS[row["source"]]) == value
