"""Command line: ``perfmetrics parse | extract | check | demo``.

``main(argv)`` returns the exit code: 0 ok, 1 a target not met (``check``), 2 bad input (a
one-line message on stderr, with the caret display for parse errors).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TextIO, TypeVar

from perfmetrics.documents.check import check, read_actuals
from perfmetrics.documents.model import Table
from perfmetrics.documents.reader import read_tables
from perfmetrics.errors import DocumentError, PerfmetricsError
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records
from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import format_decimal

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_MET", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_NOT_MET = 1
EXIT_BAD_INPUT = 2

_T = TypeVar("_T")

#: Money units shown converted to 元 as well.
_MONEY_IN_YUAN = frozenset({"千元", "万元", "亿元"})


def _data_file(name: str) -> str:
    return resources.files("perfmetrics").joinpath("data", name).read_text("utf-8")


def progress(items: Sequence[_T], label: str, *, stream: TextIO | None = None) -> Iterator[_T]:
    """Yield ``items``, drawing a progress bar on ``stream`` (stderr) when it is a terminal."""
    out = sys.stderr if stream is None else stream
    show = len(items) > 1 and out.isatty()
    for done, item in enumerate(items):
        if show:
            filled = 30 * done // len(items)
            out.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{len(items)}")
            out.flush()
        yield item
    if show:
        out.write(f"\r{label} [{'#' * 30}] {len(items)}/{len(items)}\n")


def describe(text: str, *, year: int | None) -> str:
    """Return one line saying what ``text`` parsed to."""
    value = parse(text, year=year)
    parts = [f"{value.kind:<11}", f"{value!s:<28}"]
    if value.op is not None:
        parts.append(f"op {value.op.value:<2}{'' if value.op_explicit else ' (bare)'}")
    amount = getattr(value, "amount", None)
    if amount is not None and amount.unit in _MONEY_IN_YUAN:
        yuan = convert(amount.magnitude, amount.unit, "元")
        parts.append(f"= {format_decimal(yuan)} 元")
    if value.start or value.end:
        parts.append(f"{value.start} .. {value.end}")
    if value.note:
        parts.append(f"note: {value.note}")
    if value.warnings:
        parts.append(f"[{'; '.join(value.warnings)}]")
    return "  ".join(parts)


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.json:
        print(
            json.dumps(
                parse(args.text, year=args.year, strict=args.strict).to_dict(), ensure_ascii=False
            )
        )
    else:
        parse(args.text, year=args.year, strict=args.strict)
        print(describe(args.text, year=args.year))
    return EXIT_OK


def _cell(value: Any) -> Any:
    """Return a JSON/CSV-ready cell: Decimal and dates as text, dicts as JSON."""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    return value


def _read_all(paths: Sequence[str], year: int | None) -> list[tuple[str, list[Table]]]:
    documents = []
    for path in progress(paths, "reading"):
        tables = read_tables(Path(path), year=year)
        for warning in [*tables.warnings, *(w for t in tables for w in t.warnings)]:
            print(f"perfmetrics: {path}: {warning}", file=sys.stderr)
        documents.append((path, list(tables)))
    return documents


def _cmd_extract(args: argparse.Namespace) -> int:
    columns = ["source", *ROW_COLUMNS, *VALUE_COLUMNS]
    records = [
        dict(zip(columns, (path, *map(_cell, record)), strict=True))
        for path, tables in _read_all(args.files, args.year)
        for record in row_records(tables)
    ]
    _write(records, columns, args.format)
    return EXIT_OK


def _write(records: Iterable[dict[str, Any]], columns: Sequence[str], form: str) -> None:
    if form == "json":
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _cmd_check(args: argparse.Namespace) -> int:
    tables = [table for _, found in _read_all(args.targets, args.year) for table in found]
    try:
        text = Path(args.actuals).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{args.actuals}: cannot be read ({exc})") from exc
    actuals = read_actuals(text, name=args.actuals)
    results = check(
        tables, actuals, rule=args.rule, rounding=args.rounding, year=args.year, name=args.actuals
    )
    records = [result.to_dict() for result in results]
    _write(records, list(records[0]) if records else ["table"], args.format)
    return EXIT_NOT_MET if any(result.met is False for result in results) else EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    """Read the bundled sample document, show its rows, and check the bundled actuals."""
    source = resources.files("perfmetrics").joinpath("data", "sample_document.txt")
    tables = read_tables(source.read_bytes(), year=args.year)
    print(f"sample document: {len(tables)} tables, {len(tables.rows)} indicator rows")
    for table in tables:
        print(f"\n{table.name}  (预算数 {table.budget.to_dict()['total'] or '?'})")
        for row in table.rows:
            print(f"  {row.level3[:18]:<18} {row.raw:<24} → {describe(row.raw, year=args.year)}")
    print("\nchecking the sample actuals (perfmetrics/data/sample_actuals.csv):")
    for result in check(tables, read_actuals(_data_file("sample_actuals.csv"))):
        record = result.to_dict()
        print(f"  {record['met']:<4} {record['indicator'][:18]:<18} {record['reason']}")
    return EXIT_OK


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfmetrics", description="Read 绩效目标表 target values."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("parse", help="parse one value and print what it means")
    one.add_argument("text")
    one.add_argument("--year", type=int, default=None, help="reference year for dates without one")
    one.add_argument(
        "--strict", action="store_true", help="fail unless the text is one structured value"
    )
    one.add_argument("--json", action="store_true", help="print the value as JSON")
    one.set_defaults(run=_cmd_parse)
    extract = commands.add_parser("extract", help="write every indicator row of documents")
    extract.add_argument("files", nargs="+", metavar="FILE", help="text exports of 绩效目标表")
    extract.add_argument("--format", choices=("csv", "json"), default="csv")
    extract.add_argument("--year", type=int, default=None, help="reference year for dates")
    extract.set_defaults(run=_cmd_extract)
    judge = commands.add_parser(
        "check", help="judge a CSV of actuals (indicator,actual[,table][,weight]) against targets"
    )
    judge.add_argument("targets", nargs="+", metavar="TARGETS", help="text exports of 绩效目标表")
    judge.add_argument("actuals", metavar="ACTUALS", help="CSV of actuals keyed by indicator")
    judge.add_argument("--format", choices=("csv", "json"), default="csv")
    judge.add_argument("--year", type=int, default=None, help="reference year for dates")
    judge.add_argument("--rule", default="proportional", help="scoring rule (with weights)")
    judge.add_argument(
        "--rounding", default="half_up:0.01", help="score rounding (default half_up:0.01)"
    )
    judge.set_defaults(run=_cmd_check)
    demo = commands.add_parser("demo", help="read the bundled sample document and check actuals")
    demo.add_argument("--year", type=int, default=2025)
    demo.set_defaults(run=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except PerfmetricsError as exc:
        print(f"perfmetrics: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader stopped early (`perfmetrics demo | head`): not an error. Point stdout at
        # devnull so that flushing it at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return code
