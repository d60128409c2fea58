"""``perfmetrics demo``: read the bundled sample document, show its rows, check its actuals."""

from __future__ import annotations

import argparse

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.inputs import read_text
from perfmetrics.cli.output import describe, open_output, pad
from perfmetrics.datasets import sample_actuals, sample_document
from perfmetrics.documents.check import check, read_actuals
from perfmetrics.documents.reader import read_tables

__all__ = ["add_parser", "run"]

_VERDICT = {True: "yes", False: "no", None: "unknown"}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command to the command line's sub-commands."""
    demo = commands.add_parser("demo", help="read the bundled sample document and check actuals")
    demo.add_argument("--year", type=int, default=2025)
    demo.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    demo.set_defaults(run=run)


def _lines(year: int) -> list[str]:
    tables = read_tables(sample_document(), year=year)
    lines = [f"sample document: {len(tables)} tables, {len(tables.rows)} indicator rows"]
    for table in tables:
        lines.append(f"\n{table.name}  (预算数 {table.budget.to_dict()['total'] or '?'})")
        for row in table.rows:
            category = None if row.category is None else row.category.value
            reading = describe(row.raw, year=year, category=category)
            lines.append(f"  {pad(row.level3, 36)} {pad(row.raw, 24)} → {reading}".rstrip())
    lines.append(f"\nchecking the sample actuals ({sample_actuals().name}):")
    actuals = read_actuals(read_text(str(sample_actuals())))
    for result in check(tables, actuals, year=year):
        reason = result.error or ("" if result.verdict is None else result.verdict.reason)
        lines.append(f"  {pad(_VERDICT[result.met], 7)} {pad(result.row.level3, 36)} {reason}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Read the bundled sample document, show its rows, and check the bundled actuals."""
    lines = _lines(args.year)
    with open_output(args.output) as out:
        out.write("\n".join(lines) + "\n")
    return EXIT_OK
