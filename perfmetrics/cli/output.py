"""What the commands print: value descriptions, CSV/JSON records, and a progress bar."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TextIO, TypeVar

from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import format_decimal

__all__ = ["cell", "describe", "progress", "write_records"]

_T = TypeVar("_T")

#: Money units shown converted to 元 as well.
_MONEY_IN_YUAN = frozenset({"千元", "万元", "亿元"})


def progress(items: Sequence[_T], label: str, *, stream: TextIO | None = None) -> Iterator[_T]:
    """Yield ``items``, drawing a progress bar on ``stream`` (stderr) when it is a terminal."""
    out = sys.stderr if stream is None else stream
    show = len(items) > 1 and out.isatty()
    for done, item in enumerate(items):
        if show:
            filled = 30 * done // len(items)
            out.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{len(items)}")
            out.flush()
        yield item
    if show:
        out.write(f"\r{label} [{'#' * 30}] {len(items)}/{len(items)}\n")


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


def cell(value: Any) -> Any:
    """Return a JSON/CSV-ready cell: Decimal and dates as text, dicts as JSON."""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    return value


def write_records(records: Iterable[dict[str, Any]], columns: Sequence[str], form: str) -> None:
    """Write ``records`` to stdout as CSV (a header of ``columns``) or as JSON (``form``)."""
    if form == "json":
        json.dump(list(records), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
