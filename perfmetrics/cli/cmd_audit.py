"""``perfmetrics audit FILE... [--rule R] [--rounding R]``: audit 绩效自评表 scores.

Reads the self-evaluation tables of each file (a word-processor text export or a cell grid),
checks their published scores (:func:`perfmetrics.audit`) and writes the findings as text
(default), CSV, JSON, an xlsx workbook or an HTML page; exits 1 when there is any finding,
0 when there is none, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys

from perfmetrics.audit.checks import audit_tables
from perfmetrics.audit.html import html_report
from perfmetrics.audit.report import COLUMNS, Audited, records, text_report
from perfmetrics.audit.rules import Rule
from perfmetrics.audit.xlsx import xlsx_report
from perfmetrics.cli.exit_codes import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.progress import note, progress
from perfmetrics.cli.reports import ReportWriters, emit, render_report
from perfmetrics.documents.selfeval.reader import read_selfeval
from perfmetrics.judging.bands import BANDS
from perfmetrics.judging.scoring import ROUNDINGS, RULES

__all__ = ["EXIT_FINDINGS", "add_parser", "run"]

#: ``audit``: at least one finding.
EXIT_FINDINGS = EXIT_NOT_MET
_FORMATS = ("text", "csv", "json", "xlsx", "html")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` command to the command line's sub-commands."""
    command = commands.add_parser(
        "audit", help="audit the scores of 绩效自评表 (self-evaluation tables); exit 1 on a finding"
    )
    command.add_argument(
        "files", nargs="+", metavar="FILE", help="绩效自评表 text exports or grids"
    )
    command.add_argument("--format", choices=_FORMATS, default="text")
    command.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    command.add_argument(
        "--raw", action="store_true", help="CSV: write cells starting with = + - @ as they are"
    )
    command.add_argument(
        "--rule", choices=RULES, default=None, help="the scoring rule the tables should follow"
    )
    command.add_argument("--rounding", choices=tuple(ROUNDINGS), default=None)
    command.add_argument("--year", type=int, default=None, help="year of tables that state none")
    command.set_defaults(run=run)


_WRITERS = ReportWriters(records, COLUMNS, text_report, html_report, xlsx_report)


def run(args: argparse.Namespace) -> int:
    """Audit every file; write the findings; exit 1 when there is any."""
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        print("perfmetrics audit: xlsx goes to a file: add --output FILE", file=sys.stderr)
        return EXIT_BAD_INPUT
    given = args.rule is not None or args.rounding is not None
    rule = Rule(args.rule or "proportional", args.rounding, BANDS) if given else None
    documents = []
    for path in progress(args.files, "auditing"):
        found = read_selfeval(path, year=args.year)
        for warning in [*found.warnings, *(w for table in found for w in table.warnings)]:
            note(f"perfmetrics: {path}: {warning}")
        findings = audit_tables(found, rule=args.rule, rounding=args.rounding)
        documents.append(Audited(path, list(found), findings, rule))
    try:
        emit(render_report(documents, args.format, _WRITERS, raw=args.raw), args.output)
    except ImportError as exc:  # xlsx without openpyxl
        print(f"perfmetrics: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    found_any = any(document.findings for document in documents)
    return EXIT_FINDINGS if found_any else EXIT_OK
