"""``perfmetrics demo``: read the bundled sample document, show its rows, check its actuals."""

from __future__ import annotations

import argparse
from importlib import resources

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.output import describe
from perfmetrics.documents.check import check, read_actuals
from perfmetrics.documents.reader import read_tables

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command to the command line's sub-commands."""
    demo = commands.add_parser("demo", help="read the bundled sample document and check actuals")
    demo.add_argument("--year", type=int, default=2025)
    demo.set_defaults(run=run)


def _data_file(name: str) -> str:
    return resources.files("perfmetrics").joinpath("data", name).read_text("utf-8")


def run(args: argparse.Namespace) -> int:
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
