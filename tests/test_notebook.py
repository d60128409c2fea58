"""Notebook display (issue 13): styled HTML of values, verdicts, rows, tables; Tables.summary()."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS

import perfmetrics as pm

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def seed004() -> pm.Tables:
    return pm.read_tables(SEEDS / "004_e85c4e418f268774.txt", year=2023)


def _headers(page: str) -> list[str]:
    return re.findall(r"<th>(.*?)</th>", page)


def test_a_bare_count_shows_the_op_its_category_implies(seed004: pm.Tables) -> None:
    row = seed004[1].rows[0]  # 数量指标 / 农村劳动力转移人数: 3000人 (seed 004)
    assert (row.raw, row.value.op_explicit) == ("3000人", False)
    page = row._repr_html_()
    assert "<td class='pm-implied'>≥</td>" in page
    assert "<td class='pm-num'>3000</td><td>人</td>" in page


@pytest.mark.parametrize(
    ("target", "actual", "css", "words"),
    [
        ("≥90%", "95%", "pm-met", "met"),
        ("≥90%", "85%", "pm-not-met", "not met"),
        ("保障", "不清楚", "pm-unknown", "unknown"),
        ("≥90%", "基本达到", "pm-partial", "partly met"),
    ],
)
def test_verdicts_are_coloured_by_outcome(target: str, actual: str, css: str, words: str) -> None:
    page = pm.meets(target, actual)._repr_html_()
    assert f"class='pm-badge {css}'" in page and words in page
    assert _headers(page) == ["outcome", "target", "op", "actual", "margin", "reason"]


def test_values_show_op_magnitude_and_unit() -> None:
    page = pm.parse("≤262.96万元")._repr_html_()
    assert _headers(page) == ["kind", "op", "magnitude", "unit", "reading", "warnings"]
    assert "<td>≤</td><td class='pm-num'>262.96</td><td>万元</td>" in page
    assert "<td class='pm-implied'>=</td>" in pm.parse("100%")._repr_html_()


def test_headers_are_in_one_language(seed004: pm.Tables) -> None:
    pages = [seed004._repr_html_(), seed004[1]._repr_html_(), seed004.summary()._repr_html_()]
    headers = [h for page in pages for h in _headers(page)]
    assert headers and not [h for h in headers if HAN.search(h)]
    assert all("<style>" in page for page in pages)


def test_the_summary_counts_rows_by_kind(seed004: pm.Tables) -> None:
    summary = seed004.summary()
    assert len(summary.records) == 17
    first_project = summary.records[1]
    assert first_project["table"] == "1.劳动就业社会保障服务协理员补贴及培训经费绩效目标表"
    assert (first_project["rows"], first_project["budget"]) == (7, "83.65万元")
    kinds = ("quantity", "range", "date", "period", "recurring", "qualitative", "unreadable")
    assert sum(r["rows"] for r in summary.records) == 154
    assert all(sum(r[k] for k in kinds) == r["rows"] for r in summary.records)
    lines = str(summary).splitlines()
    assert lines[0].split()[:3] == ["table", "rows", "quantity"] and len(lines) == 18
