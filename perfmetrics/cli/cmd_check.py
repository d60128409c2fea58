"""``perfmetrics check TARGETS... ACTUALS.csv``: verdicts and scores; exit 1 if one is not met."""

from __future__ import annotations

import argparse

from perfmetrics.cli.exit_codes import EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.inputs import read_documents, read_text
from perfmetrics.cli.output import write_records
from perfmetrics.documents.check import check, read_actuals

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command to the command line's sub-commands."""
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
    judge.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Judge the actuals CSV against the targets' rows; write one record per actual."""
    tables = [table for _, found in read_documents(args.targets, args.year) for table in found]
    actuals = read_actuals(read_text(args.actuals), name=args.actuals)
    results = check(
        tables, actuals, rule=args.rule, rounding=args.rounding, year=args.year, name=args.actuals
    )
    records = [result.to_dict() for result in results]
    write_records(records, list(records[0]) if records else ["table"], args.format)
    return EXIT_NOT_MET if any(result.met is False for result in results) else EXIT_OK
