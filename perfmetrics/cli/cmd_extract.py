"""``perfmetrics extract FILE_OR_DIR...``: every indicator row of documents: CSV, JSON or xlsx."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.output import cell, progress, write_records
from perfmetrics.documents.batch import expand_paths, read_many
from perfmetrics.documents.model import Table
from perfmetrics.errors import DocumentError
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records
from perfmetrics.records_xlsx import xlsx_workbook

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` command to the command line's sub-commands."""
    extract = commands.add_parser("extract", help="write every indicator row of documents")
    extract.add_argument(
        "files",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="绩效目标表 documents (.docx .xlsx .xls .html .pdf .doc or text exports) or folders",
    )
    extract.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    extract.add_argument("--year", type=int, default=None, help="reference year for dates")
    extract.set_defaults(run=run)


def _documents(args: argparse.Namespace) -> list[tuple[str, list[Table]]]:
    paths = expand_paths(args.files)
    bar = progress(paths, "reading")

    def step(done: int) -> None:
        next(bar)

    results = read_many(paths, jobs=max(1, args.jobs), year=args.year, done=step)
    for _ in bar:  # draw the bar to its end
        pass
    documents = []
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, DocumentError):
            raise result
        for warning in [*result.warnings, *(w for t in result for w in t.warnings)]:
            named = warning.startswith(f"{path}:") or warning.startswith(f"{path},")
            print(f"perfmetrics: {warning if named else f'{path}: {warning}'}", file=sys.stderr)
        documents.append((str(path), list(result)))
    return documents


def run(args: argparse.Namespace) -> int:
    """Write one record per indicator row of ``args.files``: source, row and value columns."""
    documents = _documents(args)
    if args.format == "xlsx":
        data = xlsx_workbook(documents)
        if args.output:
            Path(args.output).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return EXIT_OK
    columns = ["source", *ROW_COLUMNS, *VALUE_COLUMNS]
    records = [
        dict(zip(columns, (path, *map(cell, record)), strict=True))
        for path, tables in documents
        for record in row_records(tables)
    ]
    with contextlib.ExitStack() as stack:
        if args.output:
            out = stack.enter_context(Path(args.output).open("w", encoding="utf-8", newline=""))
            stack.enter_context(contextlib.redirect_stdout(out))
        write_records(records, columns, args.format)
    return EXIT_OK
