"""The national corpus as tables for the review tests: tests/cases/national_raw.tsv, grouped.

Each transcribed table (province, city, year, table) becomes a :class:`perfmetrics.Table` of its
target rows (``role`` = ``target``), with the 二级 category, the 三级 name and the value cell as
published; the year is the table's budget year. The corpus has no budgets, so the cost rules do
not run on it. Some tables were transcribed in part (sources: tests/cases/national_sources.md).
"""

from __future__ import annotations

import functools
from collections import defaultdict

from conftest import read_cases

import perfmetrics as pm
from perfmetrics.documents.rows import make_row

#: A table's key: province, city, year and the table's name, as national_raw.tsv writes them.
Key = tuple[str, str, str, str]


@functools.cache
def national_tables() -> dict[Key, pm.Table]:
    """Return every table of the national corpus by its key, in file order."""
    grouped: dict[Key, list[dict[str, str]]] = defaultdict(list)
    for case in read_cases("national_raw.tsv"):
        if case["role"] == "target":
            grouped[case["province"], case["city"], case["year"], case["table"]].append(case)
    tables = {}
    for key, cases in grouped.items():
        year = int(key[2]) if key[2].isdigit() else None
        rows = tuple(
            make_row(
                {"level2": case["category"], "level3": case["indicator"], "raw": case["text"]},
                line=number,
                year=year,
            )
            for number, case in enumerate(cases, start=1)
        )
        tables[key] = pm.Table(project=key[3], rows=rows)
    return tables


def national_row(province: str, table: str, indicator: str, raw: str) -> tuple[pm.Table, int]:
    """Return the national table holding a row and the row's index (pinned by name and cell)."""
    for key, found in national_tables().items():
        if key[0] != province or key[3] != table:
            continue
        for index, row in enumerate(found.rows):
            if (row.level3, row.raw) == (indicator, raw):
                return found, index
    raise LookupError(f"no row {indicator!r} = {raw!r} in {province} {table}")
