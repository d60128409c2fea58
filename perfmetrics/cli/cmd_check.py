"""``perfmetrics check TARGETS... ACTUALS.csv``: verdicts and scores; exit 1 if one is not met.

The actuals CSV may be UTF-8 (with or without BOM), UTF-16 or GB18030. A weight that is not a
number of points names its CSV line (exit 2) before anything is judged. With
``--fail-on-unknown`` an actual whose verdict cannot be decided fails the check like one not met.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from perfmetrics.cli.exit_codes import EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.inputs import read_documents, read_text
from perfmetrics.cli.output import open_output, write_records
from perfmetrics.documents.check import Actual, CheckResult, check, read_actuals
from perfmetrics.errors import DocumentError, PerfmetricsError
from perfmetrics.judging.scoring import ROUNDINGS, RULES
from perfmetrics.judging.scoring import _weight as read_weight

__all__ = ["COLUMNS", "add_parser", "record", "run"]

#: The columns of a check record, in order.
COLUMNS = ("table", "indicator", "target", "actual", "met", "margin", "score", "grade", "reason")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command to the command line's sub-commands."""
    judge = commands.add_parser(
        "check", help="judge a CSV of actuals (indicator,actual[,table][,weight]) against targets"
    )
    judge.add_argument("targets", nargs="+", metavar="TARGETS", help="text exports of 绩效目标表")
    judge.add_argument("actuals", metavar="ACTUALS", help="CSV of actuals keyed by indicator")
    judge.add_argument("--format", choices=("csv", "json"), default="csv")
    judge.add_argument("--year", type=int, default=None, help="reference year for dates")
    judge.add_argument("--rule", choices=RULES, default="proportional", help="scoring rule")
    judge.add_argument(
        "--rounding", choices=tuple(ROUNDINGS), default="half_up:0.01", help="score rounding"
    )
    judge.add_argument(
        "--fail-on-unknown",
        action="store_true",
        help="exit 1 when a verdict cannot be decided, as when a target is not met",
    )
    judge.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    judge.add_argument(
        "--raw", action="store_true", help="CSV: write cells starting with = + - @ as they are"
    )
    judge.set_defaults(run=run)


def _check_weights(actuals: list[Actual], name: str) -> None:
    for actual in actuals:
        if not actual.weight:
            continue
        try:
            read_weight(actual.weight)
        except PerfmetricsError as exc:
            raise DocumentError(
                f"{name}, line {actual.line}: the weight {actual.weight!r} is not a number of "
                f"points ({str(exc).splitlines()[0]})"
            ) from exc


def record(result: CheckResult) -> dict[str, Any]:
    """Return the typed record of one result: ``met`` a bool or None, ``score`` a Decimal."""
    verdict = result.verdict
    margin = None if verdict is None else verdict.margin_amount
    reason = result.error or (None if verdict is None else verdict.reason)
    return {
        "table": result.table,
        "indicator": result.row.level3,
        "target": result.row.raw,
        "actual": result.actual.actual,
        "met": result.met,
        "margin": None if margin is None else str(margin),
        "score": result.score,
        "grade": result.grade,
        "reason": reason,
    }


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "unknown"}[value]
    return str(value) if isinstance(value, Decimal) else value


def run(args: argparse.Namespace) -> int:
    """Judge the actuals CSV against the targets' rows; write one record per actual."""
    actuals = read_actuals(read_text(args.actuals), name=args.actuals)
    _check_weights(actuals, args.actuals)
    tables = [table for _, found in read_documents(args.targets, args.year) for table in found]
    results = check(
        tables, actuals, rule=args.rule, rounding=args.rounding, year=args.year, name=args.actuals
    )
    records = [record(result) for result in results]
    if args.format == "csv":
        records = [{**r, "met": _csv_cell(r["met"])} for r in records]
    with open_output(args.output) as out:
        write_records(records, COLUMNS, args.format, out, raw=args.raw)
    failed = any(r.met is False or (args.fail_on_unknown and r.met is None) for r in results)
    return EXIT_NOT_MET if failed else EXIT_OK
