"""``perfmetrics review FILE... [--rules FILE]``: review 绩效目标表 against a rule set.

Writes the findings as text (default), CSV, JSON, an xlsx workbook or an HTML page; exits 1
when a finding is an error, 0 otherwise, 2 on bad input (an unreadable document or rule set).
A document that cannot be read is named on stderr and the others are still reviewed.
"""

from __future__ import annotations

import argparse
import sys

from perfmetrics.cli.exit_codes import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from perfmetrics.cli.inputs import read_documents
from perfmetrics.cli.reports import ReportWriters, emit, render_report
from perfmetrics.errors import DocumentError
from perfmetrics.review import has_errors, load_rules, packaged_rule_sets, review
from perfmetrics.review.html import html_report
from perfmetrics.review.model import RuleSet
from perfmetrics.review.report import COLUMNS, Reviewed, records, text_report
from perfmetrics.review.xlsx import xlsx_report

__all__ = ["EXIT_REVIEW_ERRORS", "add_parser", "run"]

#: ``review``: at least one finding is an error.
EXIT_REVIEW_ERRORS = EXIT_NOT_MET
_FORMATS = ("text", "csv", "json", "xlsx", "html")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``review`` command to the command line's sub-commands."""
    command = commands.add_parser(
        "review",
        help="review 绩效目标表 against a rule set (绩效目标审核); exit 1 on an error finding",
    )
    command.add_argument("files", nargs="*", metavar="FILE", help="text exports of 绩效目标表")
    command.add_argument(
        "--rules",
        default=None,
        help="a rule set (.toml, .yaml) or a packaged one: " + ", ".join(packaged_rule_sets()),
    )
    command.add_argument("--format", choices=_FORMATS, default="text")
    command.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    command.add_argument(
        "--raw", action="store_true", help="CSV: write cells starting with = + - @ as they are"
    )
    command.add_argument("--year", type=int, default=None, help="reference year for dates")
    command.add_argument(
        "--list-rules", action="store_true", help="list the rule set's rules and stop"
    )
    command.set_defaults(run=run)


def _rule_lines(ruleset: RuleSet) -> str:
    lines = [f"{ruleset.name} ({ruleset.source})"]
    for rule in ruleset.rules:
        state = rule.severity.value if rule.enabled else "off"
        lines.append(f"  {rule.id:<28} {state:<8} {rule.title}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Review every document; write the findings; exit 1 when one of them is an error."""
    ruleset = load_rules(args.rules)
    if args.list_rules:
        emit(_rule_lines(ruleset), args.output)
        return EXIT_OK
    if not args.files:
        print("perfmetrics review: give at least one FILE (or --list-rules)", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        print("perfmetrics review: xlsx goes to a file: add --output FILE", file=sys.stderr)
        return EXIT_BAD_INPUT
    documents, unreadable = _review_each(args.files, args.year, ruleset)
    try:
        emit(render_report(documents, args.format, _WRITERS, raw=args.raw), args.output)
    except ImportError as exc:  # xlsx without openpyxl
        print(f"perfmetrics: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if unreadable:
        return EXIT_BAD_INPUT
    found = [finding for document in documents for finding in document.findings]
    return EXIT_REVIEW_ERRORS if has_errors(found) else EXIT_OK


def _review_each(
    paths: list[str], year: int | None, ruleset: RuleSet
) -> tuple[list[Reviewed], int]:
    """Review every document that can be read; say on stderr which cannot, and count them.

    One unreadable file (a binary, a PDF, not UTF-8) does not stop the review of the others.
    """
    documents: list[Reviewed] = []
    unreadable = 0
    for path in paths:
        try:
            read = read_documents([path], year)
        except DocumentError as exc:
            print(f"perfmetrics: {exc}", file=sys.stderr)
            unreadable += 1
            continue
        documents.extend(
            Reviewed(name, tables, review(tables, rules=ruleset)) for name, tables in read
        )
    return documents, unreadable


_WRITERS = ReportWriters(records, COLUMNS, text_report, html_report, xlsx_report)
