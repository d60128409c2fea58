"""Command line: ``perfmetrics parse TEXT`` and ``perfmetrics demo``.

``main(argv)`` returns the exit code: 0 ok, 2 bad input (a one-line message on stderr, with the
caret display for parse errors).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources

from perfmetrics.api import parse
from perfmetrics.errors import PerfmetricsError
from perfmetrics.model import format_decimal
from perfmetrics.units import convert

__all__ = ["EXIT_BAD_INPUT", "EXIT_OK", "main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2

#: Money units shown converted to 元 as well.
_MONEY_IN_YUAN = frozenset({"千元", "万元", "亿元"})


def sample_values() -> list[str]:
    """Return the sample values bundled with the package (perfmetrics/data/sample_values.txt)."""
    text = resources.files("perfmetrics").joinpath("data", "sample_values.txt").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


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


def _cmd_demo(args: argparse.Namespace) -> int:
    for text in sample_values():
        print(f"{text:<24} → {describe(text, year=args.year)}")
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
    demo = commands.add_parser("demo", help="parse the bundled sample values")
    demo.add_argument("--year", type=int, default=2022)
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
