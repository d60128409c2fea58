"""Command line: ``perfmetrics parse | extract | check | demo``.

``main(argv)`` returns the exit code: 0 ok, 1 a target not met (``check``), 2 bad input (a
one-line message on stderr, with the caret display for parse errors). Each command is a module
(``cmd_parse``, ``cmd_extract``, ``cmd_check``, ``cmd_demo``) with ``add_parser`` and ``run``;
a new command is a new module listed in ``_COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from perfmetrics.cli import cmd_audit, cmd_check, cmd_demo, cmd_extract, cmd_parse, cmd_review
from perfmetrics.cli.exit_codes import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.output import describe as describe
from perfmetrics.cli.output import progress as progress
from perfmetrics.errors import PerfmetricsError

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_MET", "EXIT_OK", "main"]

#: The commands, in the order ``--help`` lists them.
_COMMANDS = (cmd_parse, cmd_extract, cmd_check, cmd_review, cmd_audit, cmd_demo)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfmetrics", description="Read 绩效目标表 target values."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add_parser(commands)
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
