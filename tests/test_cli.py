"""The command line: exit codes, formats, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SEEDS

from perfmetrics.cli import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK, main
from perfmetrics.cli.output import progress

SAMPLE = Path(__file__).resolve().parents[1] / "perfmetrics" / "data" / "sample_document.txt"


def test_parse_prints_the_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "≥1.7万人"]) == EXIT_OK
    assert "≥17000人" in capsys.readouterr().out


def test_extract_csv_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS / "001_7636b05d3c472e6f.txt")]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 133
    assert (rows[0]["level3"], rows[0]["op"], rows[0]["magnitude"]) == ("派遣人员数量", ">=", "22")
    assert main(["extract", str(SAMPLE), "--format", "json"]) == EXIT_OK
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 36 and records[3]["raw"] == "≤10万元"


def test_check_exits_1_when_a_target_is_not_met(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("indicator,actual,weight\n公众号读者满意度,93%,10\n", encoding="utf-8")
    assert main(["check", str(SAMPLE), str(actuals)]) == EXIT_OK
    actuals.write_text("indicator,actual,weight\n积分业务服务人数,32100人次,10\n", encoding="utf-8")
    assert main(["check", str(SAMPLE), str(actuals)]) == EXIT_NOT_MET
    out = capsys.readouterr().out.splitlines()
    record = next(csv.DictReader(io.StringIO("\n".join([out[0], out[-1]]))))
    assert (record["met"], record["margin"], record["score"]) == ("no", "-2900人次", "9.17")
    assert record["reason"] == "32100人次 is not ≥ 35000人次"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "/no/such.txt"], "perfmetrics: /no/such.txt: no such file"),
        (["check", str(SAMPLE), "/no/actuals.csv"], "/no/actuals.csv: cannot be read"),
        (["parse", "", "--strict"], "perfmetrics: the value is empty"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_BAD_INPUT
    errors = [line for line in capsys.readouterr().err.splitlines() if "warning" not in line]
    assert any(message in line for line in errors)
    assert "Traceback" not in "\n".join(errors)


def test_check_names_the_unknown_indicator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("indicator,actual\n不存在的指标,1\n", encoding="utf-8")
    assert main(["check", str(SAMPLE), str(actuals)]) == EXIT_BAD_INPUT
    assert "line 2: no indicator '不存在的指标'" in capsys.readouterr().err


def test_demo_reads_the_bundled_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("sample document: 4 tables, 36 indicator rows")
    assert "no   积分业务服务人数" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    quiet, terminal = io.StringIO(), _Terminal()
    assert list(progress([1, 2, 3], "reading", stream=quiet)) == [1, 2, 3]
    assert list(progress([1, 2, 3], "reading", stream=terminal)) == [1, 2, 3]
    assert quiet.getvalue() == ""
    assert terminal.getvalue().endswith("] 3/3\n")


def test_help_lists_the_commands_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    usage = capsys.readouterr().out.splitlines()[0]
    listed = usage[usage.index("{") + 1 : usage.index("}")].split(",")
    assert [name for name in listed if name in {"parse", "extract", "check", "demo"}] == [
        "parse",
        "extract",
        "check",
        "demo",
    ]


def test_check_json_has_one_record_per_actual(capsys: pytest.CaptureFixture[str]) -> None:
    actuals = Path(__file__).resolve().parents[1] / "perfmetrics" / "data" / "sample_actuals.csv"
    assert main(["check", str(SAMPLE), str(actuals), "--format", "json"]) == EXIT_NOT_MET
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(actuals.read_text(encoding="utf-8").splitlines()) - 1
    assert {record["met"] for record in records} == {"yes", "no", "unknown"}
