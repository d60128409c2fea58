"""``perfmetrics parse TEXT|-``: parse values and print what they mean (or their JSON).

``TEXT`` may start with ``-`` (``perfmetrics parse "-5%"`` needs no ``--``); ``-`` reads one
value a line from standard input.
"""

from __future__ import annotations

import argparse
import re
import sys

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.output import describe, json_text, open_output
from perfmetrics.values.api import parse

__all__ = ["add_parser", "run"]

#: An argument starting with ``-`` that is not an option (``-5%``, ``-0.5``, ``-２０%``): argparse
#: asks this pattern whether a ``-`` argument is a value; its own accepts only plain numbers.
_VALUE_WITH_DASH = re.compile(r"^-(?![A-Za-z-])")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` command to the command line's sub-commands."""
    one = commands.add_parser("parse", help="parse values and print what they mean")
    one.add_argument("text", help="the value; - reads one value a line from standard input")
    one.add_argument("--year", type=int, default=None, help="reference year for dates without one")
    one.add_argument(
        "--strict", action="store_true", help="fail unless the text is one structured value"
    )
    one.add_argument("--json", action="store_true", help="print the value as JSON (one a line)")
    one.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    # argparse reads "-5%" as an unknown option; this subparser reads it as the text.
    one._negative_number_matcher = _VALUE_WITH_DASH
    one.set_defaults(run=run)


def _texts(text: str) -> list[str]:
    if text != "-":
        return [text]
    return [line.rstrip("\r\n") for line in sys.stdin if line.strip()]


def run(args: argparse.Namespace) -> int:
    """Parse ``args.text`` (or each line of stdin); print descriptions, or JSON with ``--json``."""
    lines = []
    for text in _texts(args.text):
        value = parse(text, year=args.year, strict=args.strict)
        lines.append(json_text(value.to_dict()) if args.json else describe(text, year=args.year))
    with open_output(args.output) as out:
        out.write("".join(f"{line}\n" for line in lines))
    return EXIT_OK
