"""The national corpus: real 指标值 of published tables from 22 provinces, read as reviewed.

tests/cases/national_values.tsv holds every distinct value of whole tables (sources in
tests/cases/national_sources.md) with its reading per ../shared/VALUE_SEMANTICS.md. Rows whose
``gap`` column starts with ``known gap:`` are what the parser does not read yet: expected failures
with their reason. Issue 15 asks for 99% of the corpus.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import perfmetrics as pm
from perfmetrics.values.model import format_decimal

TABLE = Path(__file__).parent / "cases" / "national_values.tsv"
KNOWN_GAP = "known gap:"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = _rows()


def _reading(value: pm.Value) -> dict[str, str]:
    """The value in the table's columns (a qualitative value is its kind alone)."""
    found = value.to_dict()
    if value.kind == "qualitative":
        return {"kind": "qualitative"}
    reading = {
        "kind": found["kind"],
        "op": found["op"] or "",
        "op_explicit": str(found["op_explicit"]),
        "magnitude": found["magnitude"] or "",
        "unit": found["unit"] or "",
        "low": found["low"] or "",
        "high": found["high"] or "",
        "start": found["start"] or "",
        "end": found["end"] or "",
        "note": found["note"] or "",
    }
    if value.kind == "range":
        reading["low"] = format_decimal(value.lower.magnitude)  # type: ignore[union-attr]
    return reading


def _expected(row: dict[str, str]) -> dict[str, str]:
    if row["kind"] == "qualitative":
        return {"kind": "qualitative"}
    columns = ("kind", "op", "op_explicit", "magnitude", "unit", "low", "high", "start", "end")
    return {**{key: row[key] for key in columns}, "note": row["note"]}


def _case(row: dict[str, str]) -> object:
    marks = []
    if row["gap"].startswith(KNOWN_GAP):
        marks.append(pytest.mark.xfail(reason=row["gap"], strict=True))
    return pytest.param(row, id=f"{row['province']}:{row['text'][:24]}", marks=marks)


@pytest.mark.parametrize("row", [_case(row) for row in ROWS])
def test_national_value(row: dict[str, str]) -> None:
    value = pm.parse(row["text"], year=int(row["year"]))
    assert _reading(value) == _expected(row)


def test_corpus_is_whole_tables_from_many_provinces() -> None:
    assert len({row["text"] for row in ROWS}) == len(ROWS) >= 380
    assert len({row["province"] for row in ROWS}) >= 20
    assert all(row["source"].startswith("http") for row in ROWS)


def test_at_least_99_percent_read_as_reviewed() -> None:
    gaps = [row for row in ROWS if row["gap"].startswith(KNOWN_GAP)]
    assert len(gaps) <= len(ROWS) // 100


def test_no_clear_target_is_left_qualitative() -> None:
    # Issue 15: a structured reading in the corpus never comes out qualitative.
    structured = [
        r for r in ROWS if r["kind"] != "qualitative" and not r["gap"].startswith(KNOWN_GAP)
    ]
    left = [
        r["text"]
        for r in structured
        if pm.parse(r["text"], year=int(r["year"])).kind == "qualitative"
    ]
    assert left == []
