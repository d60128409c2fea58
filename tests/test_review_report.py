"""Reviewing whole documents: every seed runs, its counts match docs/review.md, and the command
line writes text, CSV, JSON, xlsx and HTML with the documented exit codes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from review_seeds import SEED_NAMES, seed_path, seed_tables

import perfmetrics as pm
from perfmetrics.cli import EXIT_BAD_INPUT, EXIT_OK, main
from perfmetrics.cli.cmd_review import EXIT_REVIEW_ERRORS
from perfmetrics.review import load_rules
from perfmetrics.review.html import html_report
from perfmetrics.review.report import Reviewed, records, text_report

DOCS = Path(__file__).resolve().parents[1] / "docs" / "review.md"


def _documented_counts() -> dict[str, dict[str, dict[str, int]]]:
    """Return set → seed → rule → count, from the two tables of docs/review.md."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Findings on the seed documents", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, dict[str, dict[str, int]]] = {}
    for name, part in zip(
        ("default", "district_example"), section.split("| rule |")[1:], strict=True
    ):
        seeds = [cell.strip() for cell in ("| rule |" + part).splitlines()[0].split("|")[2:-1]]
        counts: dict[str, dict[str, int]] = {seed: {} for seed in seeds}
        for line in part.splitlines()[2:]:
            match = re.match(r"\| `(\w+)` \|(.*)\|$", line)
            if match:
                for seed, cell in zip(seeds, match.group(2).split("|"), strict=True):
                    counts[seed][match.group(1)] = int(cell)
        tables[name] = counts
    return tables


@pytest.mark.parametrize("rules", ["default", "district_example"])
@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_every_seed_is_reviewed_as_documented(seed: str, rules: str) -> None:
    ruleset = load_rules(rules)
    findings = pm.review(seed_tables(seed), rules=ruleset)
    counts = Counter(finding.rule for finding in findings)
    assert {rule.id: counts[rule.id] for rule in ruleset.rules} == _documented_counts()[rules][seed]
    for finding in findings:
        assert finding.message and "{" not in finding.message, finding
        assert finding.table_index is not None
        table = seed_tables(seed)[finding.table_index]
        assert finding.table == table.name
        if finding.row is not None:
            assert table.rows[finding.row].level3 == finding.indicator


def test_text_report_lines_and_counts() -> None:
    path = str(seed_path("001"))
    tables = seed_tables("001")
    text = text_report([Reviewed(path, tables, pm.review(tables))])
    lines = text.splitlines()
    assert lines[0] == (
        f"{path}:315: error [cost_over_budget] 2025年区级城乡居民养老保险 / 归集经费: "
        "成本指标“归集经费”的金额16796.7万元超过本表预算数8427.70万元。请核实金额和单位（万元与元）。"
    )
    assert lines[5:] == [
        "5 findings (4 error, 1 warning)",
        "  cost_over_budget: 2 error",
        "  measurable_value: 2 error",
        "  timeliness: 1 warning",
    ]


def test_records_count_rows_and_tables_from_1() -> None:
    tables = seed_tables("000")
    found = [f for f in pm.review(tables) if f.rule == "required_categories"]
    rows = records([Reviewed("000", tables, found)])
    assert [(r["table_index"], r["row"], r["line"], r["indicator"]) for r in rows] == [
        (7, None, None, None),
        (33, None, None, None),
    ]


def test_cli_review_exit_codes_and_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = str(seed_path("002"))
    flagged = str(seed_path("001"))
    assert main(["review", clean]) == EXIT_OK
    assert capsys.readouterr().out == "0 findings\n"
    assert main(["review", flagged, "--format", "csv"]) == EXIT_REVIEW_ERRORS == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["table_index"], r["row"], r["rule"], r["severity"]) for r in rows][:2] == [
        ("5", "4", "cost_over_budget", "error"),
        ("7", "4", "cost_over_budget", "error"),
    ]
    assert main(["review", flagged, clean, "--format", "json"]) == 1
    records_ = json.loads(capsys.readouterr().out)
    assert len(records_) == 5 and records_[0]["raw"] == "≤16796.7万元"
    # only warnings: exit 0
    rules = tmp_path / "warn.toml"
    rules.write_text(
        '[rules.cost_over_budget]\nseverity = "warning"\n'
        '[rules.measurable_value]\nseverity = "info"\n',
        encoding="utf-8",
    )
    assert main(["review", flagged, "--rules", str(rules)]) == EXIT_OK
    assert "5 findings (3 warning, 2 info)" in capsys.readouterr().out
    out = tmp_path / "review.txt"
    assert main(["review", flagged, "--rules", "district_example", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8").splitlines()[-7:-6] == [
        "167 findings (26 error, 141 warning)"
    ]


def test_cli_review_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[rules.name_length]\nmax_length = '15'\n", encoding="utf-8")
    assert main(["review", str(seed_path("002")), "--rules", str(bad)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.strip() == (
        f"perfmetrics: rule set {bad}, rule 'name_length', key 'max_length': "
        "expected an integer, not '15'"
    )
    assert main(["review", "/no/such.txt"]) == EXIT_BAD_INPUT
    assert main(["review"]) == EXIT_BAD_INPUT
    assert "give at least one FILE" in capsys.readouterr().err


def test_cli_lists_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--list-rules"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "default (perfmetrics/review/default.toml)"
    assert lines[1].split() == ["required_categories", "error", "必备二级指标"]
    assert lines[-1].split() == ["description_missing", "off", "指标解释"]


def test_html_groups_findings_by_table_and_highlights_rows() -> None:
    tables = seed_tables("001")
    page = html_report([Reviewed("seed 001", tables, pm.review(tables))])
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page
    assert page.count('<details open id="t') == 3  # tables 5, 7 and 13 have findings
    assert '<tr class="error" id="t5-r4">' in page
    assert '<tr class="warning" id="t13-r3">' in page
    assert '<tr class="clean" id="t5-r1">' in page
    assert "成本指标“归集经费”的金额16796.7万元超过本表预算数8427.70万元" in page
    assert "无问题的表：1. 1.2025年编外人员工作经费绩效目标表" in page
    table_finding = pm.review(seed_tables("000")[32])
    page = html_report([Reviewed("t", [seed_tables("000")[32]], table_finding)])
    assert '<ul class="findings"><li><span class="badge error">错误</span>缺少满意度指标。' in page


def test_cli_html_and_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flagged = str(seed_path("001"))
    page = tmp_path / "review.html"
    assert main(["review", flagged, "--format", "html", "-o", str(page)]) == 1
    assert "归集经费" in page.read_text(encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "review.xlsx"
    assert main(["review", flagged, "--format", "xlsx", "--output", str(book_path)]) == 1
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["审核结果", "按规则统计"]
    sheet = book["审核结果"]
    assert [cell.value for cell in sheet[1]][:4] == ["source", "table_index", "table", "row"]
    assert sheet.max_row == 6 and sheet["J2"].value == "cost_over_budget"
    assert [[c.value for c in row] for row in book["按规则统计"].iter_rows(min_row=2)] == [
        ["cost_over_budget", 2, 0, 0],
        ["measurable_value", 2, 0, 0],
        ["timeliness", 0, 1, 0],
    ]


def test_xlsx_without_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = tmp_path / "r.xlsx"
    assert main(["review", str(seed_path("002")), "--format", "xlsx", "-o", str(target)]) == 2
    assert 'pip install "perfmetrics[xlsx]"' in capsys.readouterr().err
    assert not target.exists()
