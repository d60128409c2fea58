"""``perfmetrics parse TEXT``: parse one value and print what it means (or its JSON)."""

from __future__ import annotations

import argparse
import json

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.output import describe
from perfmetrics.values.api import parse

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` command to the command line's sub-commands."""
    one = commands.add_parser("parse", help="parse one value and print what it means")
    one.add_argument("text")
    one.add_argument("--year", type=int, default=None, help="reference year for dates without one")
    one.add_argument(
        "--strict", action="store_true", help="fail unless the text is one structured value"
    )
    one.add_argument("--json", action="store_true", help="print the value as JSON")
    one.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Parse ``args.text``; print its description, or its JSON with ``--json``."""
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
