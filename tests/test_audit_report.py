"""The audit's outputs: records, text, the HTML page, the workbook, and ``perfmetrics audit``."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import perfmetrics as pm
from perfmetrics.audit import Rule, audit_tables
from perfmetrics.audit.html import html_report, score_chart
from perfmetrics.audit.report import COLUMNS, Audited, records, text_report, totals
from perfmetrics.audit.xlsx import xlsx_report
from perfmetrics.cli import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK, main

FIXTURES = Path(__file__).parent / "fixtures" / "selfeval"
GRIDS = sorted(FIXTURES.glob("*.grid.tsv"))
CLEAN = FIXTURES / "anhui_xiaoxian-hexi-farming-subsidy.grid.tsv"  # no finding
CHONGQING = FIXTURES / "chongqing_science-city-media-center-dept.grid.tsv"


def _audited(*paths: Path, rule: Rule | None = None) -> list[Audited]:
    out = []
    for path in paths:
        tables = pm.read_selfeval(path)
        out.append(Audited(str(path), list(tables), audit_tables(tables), rule))
    return out


def test_records_are_flat_and_count_from_one() -> None:
    (first, *_) = records(_audited(CHONGQING))
    assert list(first) == list(COLUMNS)
    assert (first["table_index"], first["row"], first["code"], first["severity"]) == (
        1,
        2,
        "unjudgeable",
        "error",
    )
    assert (first["indicator"], first["target"], first["actual"], first["verdict"]) == (
        "“三公经费变动率",
        "",
        "",
        "unknown",
    )


def test_text_report_lines_point_at_the_source() -> None:
    text = text_report(_audited(CHONGQING))
    first = text.splitlines()[0]
    assert re.match(r".*chongqing.*\.tsv:29: error \[unjudgeable\] 部门整体绩效自评表 / ", first)
    assert "5 findings (5 error)" in text
    assert "  missed_but_full: 2" in text


def test_totals_published_and_recomputed() -> None:
    shanghai = pm.read_selfeval(FIXTURES / "shanghai_putuo-sports-settlement.grid.tsv")[0]
    found = totals(shanghai)
    assert (found.published, found.printed) == (Decimal("98.62"), True)
    assert found.recomputed == 90 + Decimal(10) * Decimal("215457.6") / Decimal("250000.00")
    chizhou = pm.read_selfeval(FIXTURES / "anhui_chizhou-tangxi-village-subsidy.grid.tsv")[0]
    found = totals(chizhou)
    assert (found.published, found.recomputed, found.printed) == (70, 80, False)
    suixi = pm.read_selfeval(FIXTURES / "anhui_suixi-temporary-relief.grid.tsv")[0]
    assert totals(suixi).recomputed < totals(suixi).published  # two misses scored full


def test_html_report_is_a_readable_page() -> None:
    page = html_report(_audited(*GRIDS))
    assert page.startswith("<!DOCTYPE html><html lang='zh-CN'>") and page.endswith("</html>\n")
    assert page.count("<section>") == 13 and page.count("<svg") == 1
    assert "<script" not in page
    assert "class='not_met' style='background:#fce8e6'" in page
    assert "class='met' style='background:#e6f4ea'" in page
    assert "missed_but_full" in page and "未发现问题。" in page  # 萧县 has no finding
    assert "计分规则：比例计分" in page


def test_score_chart_has_two_bars_a_table() -> None:
    rows = [totals(table) for table in pm.read_selfeval(CHONGQING)]
    svg = score_chart(rows)
    assert svg.count("<rect") == 2 + 2  # two bars and the legend's two swatches
    assert "公布 97.6" in svg and "重算" in svg


def test_xlsx_report_opens() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(xlsx_report(_audited(CHONGQING))))
    assert book.sheetnames == ["审核发现", "总分"]
    sheet = book["审核发现"]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet.max_row == 1 + 5
    assert book["总分"]["C2"].value == pytest.approx(97.6)


# ---------------------------------------------------------------------------- command line
def test_audit_command_exits_1_on_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(CLEAN)]) == EXIT_OK
    assert capsys.readouterr().out == "0 findings\n"
    assert main(["audit", str(CHONGQING)]) == EXIT_NOT_MET
    assert "missed_but_full" in capsys.readouterr().out


@pytest.mark.parametrize("form", ["csv", "json", "html"])
def test_audit_command_formats(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(CHONGQING), "--format", form]) == EXIT_NOT_MET
    out = capsys.readouterr().out
    if form == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == 5
    elif form == "json":
        assert [r["code"] for r in json.loads(out)].count("missed_but_full") == 2
    else:
        assert "<svg" in out


def test_audit_command_writes_files_and_takes_a_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "audit.xlsx"
    assert main(["audit", str(CHONGQING), "--format", "xlsx", "-o", str(target)]) == EXIT_NOT_MET
    assert target.read_bytes()[:2] == b"PK"
    langfang = FIXTURES / "hebei_langfang-food-school-hvac.grid.tsv"
    assert main(["audit", str(langfang), "--rule", "proportional", "--format", "csv"]) == 1
    codes = [r["code"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))]
    assert codes == ["score_differs", "budget_line_mismatch"]
    args = ["audit", str(langfang), "--rule", "proportional", "--rounding", "half_up:1"]
    assert main(args) == EXIT_OK


def test_audit_command_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "no/such/自评表.txt"]) == EXIT_BAD_INPUT
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["audit", str(CLEAN), "--rule", "generous"])
