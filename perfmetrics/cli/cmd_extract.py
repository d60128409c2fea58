"""``perfmetrics extract FILE_OR_DIR...``: every indicator row of documents: CSV, JSON or xlsx.

The JSON value fields are those of ``perfmetrics parse --json`` (``warnings`` a list, numbers as
exact strings, absent fields null); CSV joins the warnings with ``; ``; xlsx writes typed cells
(a sheet of rows, a sheet of tables). ``--jobs N`` reads in N processes, output in input order.
"""

from __future__ import annotations

import argparse
from typing import Any

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.output import cell, open_output, write_records
from perfmetrics.cli.progress import note, progress
from perfmetrics.documents.batch import expand_paths, read_many
from perfmetrics.documents.model import IndicatorRow, Table
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
    extract.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    extract.add_argument("--year", type=int, default=None, help="reference year for dates")
    extract.add_argument(
        "--raw", action="store_true", help="CSV: write cells starting with = + - @ as they are"
    )
    extract.set_defaults(run=run)


def _documents(args: argparse.Namespace) -> list[tuple[str, list[Table]]]:
    """Read every document (in ``args.jobs`` processes), its warnings on stderr, in input order.

    Raises:
        DocumentError: a document cannot be read.

    """
    paths = expand_paths(args.files)
    bar = progress(paths, "reading")

    def step(done: int) -> None:
        next(bar, None)

    results = read_many(paths, jobs=max(1, args.jobs), year=args.year, done=step)
    for _ in bar:  # draw the bar to its end
        pass
    documents = []
    for path, result in zip(paths, results, strict=True):
        if isinstance(result, DocumentError):
            raise result
        for warning in [*result.warnings, *(w for t in result for w in t.warnings)]:
            named = warning.startswith((f"{path}:", f"{path},"))
            note(f"perfmetrics: {warning if named else f'{path}: {warning}'}")
        documents.append((str(path), list(result)))
    return documents


def _json_value(row: IndicatorRow) -> dict[str, Any]:
    """Return the value fields exactly as ``parse --json`` gives them (warnings a list)."""
    if row.value is None:
        return {}
    fields = row.value.to_dict()
    return {name: fields[name] for name in VALUE_COLUMNS if name in fields}


def run(args: argparse.Namespace) -> int:
    """Write one record per indicator row of ``args.files``: source, row and value columns."""
    documents = _documents(args)
    if args.format == "xlsx":
        with open_output(args.output, binary=True) as out:
            out.write(xlsx_workbook(documents))
        return EXIT_OK
    columns = ["source", *ROW_COLUMNS, *VALUE_COLUMNS]
    records = []
    for path, tables in documents:
        rows = [row for table in tables for row in table.rows]
        for row, flat in zip(rows, row_records(tables), strict=True):
            record = dict(zip(columns, (path, *map(cell, flat)), strict=True))
            if args.format == "json":
                record.update(_json_value(row))
            records.append(record)
    with open_output(args.output) as out:
        write_records(records, columns, args.format, out, raw=args.raw)
    return EXIT_OK
