"""The command line: exit codes, formats, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

import perfmetrics as pm
from perfmetrics.cli import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK, main
from perfmetrics.cli.output import display_width
from perfmetrics.cli.progress import note, progress

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
    assert (record["met"], record["margin"], record["score"]) == ("no", "'-2900人次", "9.17")
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
    assert "no      积分业务服务人数" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    quiet, terminal = io.StringIO(), _Terminal()
    assert list(progress([1, 2, 3], "reading", stream=quiet)) == [1, 2, 3]
    assert quiet.getvalue() == ""
    shown = []
    for item in progress([1, 2, 3], "reading", stream=terminal):
        note(f"warning {item}")  # printed above the bar, never through it
        shown.append(item)
    assert shown == [1, 2, 3]
    assert "reading" in terminal.getvalue() and "3/3" in terminal.getvalue()


def test_help_lists_the_commands_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    usage = capsys.readouterr().out.split("\n\n")[0]
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
    assert {record["met"] for record in records} == {True, False, None}
    assert all(isinstance(r["score"], float | None) for r in records)
    assert all(r["grade"] is None and r["reason"] != "" for r in records)


# --- issue 13: a polished command line; issue 10 finding 9 and 14: safe output, hardening ---

ACTUALS = Path(__file__).resolve().parents[1] / "perfmetrics" / "data" / "sample_actuals.csv"


def _perfmetrics(shell: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess through the shell (redirections)."""
    return subprocess.run(
        ["sh", "-c", f"{shlex.quote(sys.executable)} -m perfmetrics {shell}"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
        timeout=60,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"perfmetrics {pm.__version__}"


@pytest.mark.parametrize("text", ["-5%", "-0.5", "-２０%", "-3-6本/期"])
def test_parse_takes_a_value_starting_with_a_dash(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", text, "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["text"] == text


def test_parse_dash_reads_one_value_a_line_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("≥90%\n\n≤262.96万元\n"))
    assert main(["parse", "-", "--json"]) == EXIT_OK
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(v["op"], v["magnitude"], v["unit"]) for v in lines] == [
        (">=", "90", "%"),
        ("<=", "262.96", "万元"),
    ]


def test_json_types_agree_across_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "≥90%", "--json"]) == EXIT_OK
    parsed = json.loads(capsys.readouterr().out)
    assert main(["extract", str(SAMPLE), "--format", "json"]) == EXIT_OK
    extracted = json.loads(capsys.readouterr().out)[5]
    assert extracted["raw"] == "≥90%"
    for key in ("kind", "op", "op_explicit", "magnitude", "unit", "low", "high", "start", "end",
                "note", "warnings"):  # fmt: skip
        assert parsed[key] == extracted[key], key
    assert parsed["note"] is None and parsed["op_explicit"] is True


def test_output_option_writes_a_utf8_file(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    assert main(["extract", str(SAMPLE), "-o", str(out)]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 36 and rows[3]["raw"] == "≤10万元"


def _actuals(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "actuals.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_csv_cells_that_are_formulas_are_neutralized(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = _actuals(tmp_path, 'indicator,actual\n公众号读者满意度,"=HYPERLINK(""x"")"\n')
    main(["check", str(SAMPLE), actuals])
    record = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert record["actual"] == '\'=HYPERLINK("x")'
    main(["check", str(SAMPLE), actuals, "--raw"])
    assert next(csv.DictReader(io.StringIO(capsys.readouterr().out)))["actual"].startswith("=")
    main(["check", str(SAMPLE), actuals, "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["actual"] == '=HYPERLINK("x")'


@pytest.mark.parametrize(
    "argv",
    [["--rule", "foo"], ["--rounding", "half_up:7"]],
    ids=["rule", "rounding"],
)
def test_check_refuses_unknown_choices_with_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["check", str(SAMPLE), str(ACTUALS), *argv])
    assert info.value.code == EXIT_BAD_INPUT
    assert "invalid choice" in capsys.readouterr().err


def test_a_bad_weight_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    actuals = _actuals(
        tmp_path, "indicator,actual,weight\n公众号读者满意度,93%,10\n积分业务服务人数,32100人次,x\n"
    )
    assert main(["check", str(SAMPLE), actuals]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "line 3: the weight 'x' is not a number of points" in err[0]


def test_fail_on_unknown_makes_an_undecidable_verdict_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = _actuals(tmp_path, "indicator,actual\n公众号读者满意度,不清楚\n")
    assert main(["check", str(SAMPLE), actuals, "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)[0]["met"] is None
    assert main(["check", str(SAMPLE), actuals, "--fail-on-unknown"]) == EXIT_NOT_MET


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_actuals_csv_in_the_encodings_excel_writes(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "indicator,actual,weight\n积分业务服务人数,32100人次,10\n公众号读者满意度,93%,10\n"
    assert main(["check", str(SAMPLE), _actuals(tmp_path, text, encoding)]) == EXIT_NOT_MET
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["indicator"], r["met"]) for r in records] == [
        ("积分业务服务人数", "no"),
        ("公众号读者满意度", "yes"),
    ]


@pytest.mark.parametrize("role", ["actuals", "document"])
def test_inputs_that_are_not_regular_files_are_refused(
    role: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "input.csv"
    os.mkfifo(fifo)  # reading it would block forever
    argv = ["check", str(SAMPLE), str(fifo)] if role == "actuals" else ["extract", str(fifo)]
    assert main(argv) == EXIT_BAD_INPUT
    assert f"{fifo}: not a regular file" in capsys.readouterr().err


def test_a_device_is_refused_before_it_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", os.devnull]) == EXIT_BAD_INPUT  # /dev/zero would never end
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"], ids=["full-disk", "closed-stdout"])
def test_output_errors_are_one_line_and_exit_2(redirect: str) -> None:
    if redirect == ">/dev/full" and not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    result = _perfmetrics(f"extract {shlex.quote(str(SAMPLE))} {redirect}")
    assert result.returncode == EXIT_BAD_INPUT
    lines = [line for line in result.stderr.splitlines() if "I/O error" in line]
    assert len(lines) == 1 and lines[0].startswith("perfmetrics: I/O error"), result.stderr
    assert "Traceback" not in result.stderr


def test_demo_columns_align_by_display_width(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == EXIT_OK
    rows = [line for line in capsys.readouterr().out.splitlines() if " → " in line]
    assert len(rows) == 36
    assert len({display_width(line[: line.index(" → ")]) for line in rows}) == 1


def test_demo_shows_the_op_a_bare_value_implies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == EXIT_OK
    line = next(row for row in capsys.readouterr().out.splitlines() if "运维公众号" in row)
    assert line.endswith("op >= (implied by 数量指标)")  # `1个` under 数量指标 (seed 002)


def test_without_the_cli_extra_help_is_plain_and_there_is_no_bar(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "rich_argparse", None)
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--fail-on-unknown" in capsys.readouterr().out
    terminal = _Terminal()
    assert list(progress([1, 2], "reading", stream=terminal)) == [1, 2]
    assert terminal.getvalue() == ""


def test_parse_never_cuts_a_long_reading(capsys: pytest.CaptureFixture[str]) -> None:
    text = "提高基层劳动保障公共服务效率并持续发挥作用"  # a 效益指标 cell of seed 004, lengthened
    assert main(["parse", text]) == EXIT_OK
    assert text in capsys.readouterr().out
