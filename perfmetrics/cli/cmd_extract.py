"""``perfmetrics extract FILE...``: every indicator row of documents, normalized, as CSV or JSON.

The JSON value fields are those of ``perfmetrics parse --json`` (``warnings`` a list, numbers as
exact strings, absent fields null); CSV joins the warnings with ``; ``.
"""

from __future__ import annotations

import argparse
from typing import Any

from perfmetrics.cli.exit_codes import EXIT_OK
from perfmetrics.cli.inputs import read_documents
from perfmetrics.cli.output import cell, open_output, write_records
from perfmetrics.documents.model import IndicatorRow
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` command to the command line's sub-commands."""
    extract = commands.add_parser("extract", help="write every indicator row of documents")
    extract.add_argument("files", nargs="+", metavar="FILE", help="text exports of 绩效目标表")
    extract.add_argument("--format", choices=("csv", "json"), default="csv")
    extract.add_argument("--year", type=int, default=None, help="reference year for dates")
    extract.add_argument("--output", "-o", default=None, help="write to this file, not stdout")
    extract.add_argument(
        "--raw", action="store_true", help="CSV: write cells starting with = + - @ as they are"
    )
    extract.set_defaults(run=run)


def _json_value(row: IndicatorRow) -> dict[str, Any]:
    """Return the value fields exactly as ``parse --json`` gives them (warnings a list)."""
    if row.value is None:
        return {}
    fields = row.value.to_dict()
    return {name: fields[name] for name in VALUE_COLUMNS if name in fields}


def run(args: argparse.Namespace) -> int:
    """Write one record per indicator row of ``args.files``: source, row and value columns."""
    columns = ["source", *ROW_COLUMNS, *VALUE_COLUMNS]
    records = []
    for path, tables in read_documents(args.files, args.year):
        rows = [row for table in tables for row in table.rows]
        for row, flat in zip(rows, row_records(tables), strict=True):
            record = dict(zip(columns, (path, *map(cell, flat)), strict=True))
            if args.format == "json":
                record.update(_json_value(row))
            records.append(record)
    with open_output(args.output) as out:
        write_records(records, columns, args.format, out, raw=args.raw)
    return EXIT_OK
