"""Command line: ``perfmetrics parse | extract | check | review | audit | demo``.

``main(argv)`` returns the exit code: 0 ok, 1 a target not met (``check``), 2 bad input or an
I/O error (a one-line message on stderr, with the caret display for parse errors). Each command
is a module (``cmd_parse``, ``cmd_extract`` …) with ``add_parser`` and ``run``; a new command is
a new module listed in ``_COMMANDS``.

The parser is the standard library's argparse; with the ``[cli]`` extra its help is coloured by
rich-argparse and reading several files shows rich's progress bar.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from perfmetrics.cli import cmd_audit, cmd_check, cmd_demo, cmd_extract, cmd_parse, cmd_review
from perfmetrics.cli.exit_codes import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.output import describe as describe
from perfmetrics.cli.progress import progress as progress
from perfmetrics.errors import PerfmetricsError
from perfmetrics.version import __version__

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_MET", "EXIT_OK", "main"]

#: The commands, in the order ``--help`` lists them.
_COMMANDS = (cmd_parse, cmd_extract, cmd_check, cmd_review, cmd_audit, cmd_demo)


def _formatter() -> type[argparse.HelpFormatter]:
    try:
        from rich_argparse import RichHelpFormatter
    except ImportError:  # the [cli] extra is not installed: plain help
        return argparse.HelpFormatter
    formatter: type[argparse.HelpFormatter] = RichHelpFormatter
    return formatter


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfmetrics",
        description="Read, judge and review the target values (指标值) of 绩效目标表.",
    )
    parser.add_argument("--version", action="version", version=f"perfmetrics {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in _COMMANDS:
        command.add_parser(commands)
    # Colour only the help that is shown: argparse formats help while it builds sub-commands,
    # and rich's console would write to stdout then (a full disk would fail before any work).
    formatter = _formatter()
    for each in (parser, *commands.choices.values()):
        each.formatter_class = formatter
    return parser


def _quiet_stdout() -> None:
    """Point stdout at devnull, so that flushing it at exit does not fail a second time."""
    if sys.stdout is not None:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            sys.stdout = None


def _run(args: argparse.Namespace) -> int:
    code: int = args.run(args)
    if sys.stdout is not None:
        sys.stdout.flush()  # a full disk fails here, inside main, not at interpreter exit
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    # --help and --version exit 0, a usage error (an unknown --rule) exits 2: argparse raises
    # SystemExit with that code.
    try:
        return _run(_build_parser().parse_args(argv))
    except PerfmetricsError as exc:
        print(f"perfmetrics: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader stopped early (`perfmetrics demo | head`): not an error.
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:  # a full disk (>/dev/full), a closed stdout, an unwritable -o FILE
        _quiet_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"perfmetrics: I/O error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
