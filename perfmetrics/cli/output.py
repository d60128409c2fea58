"""What the commands print: value descriptions, safe CSV, typed JSON, aligned columns, ``-o``.

- CSV cells that a spreadsheet would run as a formula (OWASP: a cell starting with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return) are written with a leading ``'``; ``raw=True``
  writes them as they are. JSON is never changed.
- JSON is typed the same in every command: booleans as ``true``/``false``, exact numbers as JSON
  numbers written digit for digit (never through a float), absent fields as ``null`` (never
  ``""``).
- Columns are padded by display width (a CJK character takes two cells; :func:`wcwidth`).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from wcwidth import wcswidth, wcwidth

from perfmetrics.judging.meets import effective_op
from perfmetrics.units.registry import convert
from perfmetrics.values.api import parse
from perfmetrics.values.model import format_decimal

__all__ = [
    "FORMULA_STARTS",
    "cell",
    "describe",
    "display_width",
    "json_records",
    "json_text",
    "neutralize",
    "open_output",
    "pad",
    "write_csv",
    "write_records",
]

#: Money units shown converted to 元 as well.
_MONEY_IN_YUAN = frozenset({"千元", "万元", "亿元"})

#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Marks an exact number inside JSON text until :func:`json_text` writes it as a JSON number.
_NUMBER_MARK = "\x00number\x00"


def display_width(text: str) -> int:
    """Return how many terminal cells ``text`` takes (CJK two, combining marks none).

    >>> display_width("不低于95%"), display_width("≥95%")
    (9, 4)
    """
    width = wcswidth(text)
    if width >= 0:
        return int(width)
    return sum(max(int(wcwidth(char)), 0) for char in text)  # control characters count 0


def pad(text: str, width: int, *, cut: bool = True) -> str:
    """Return ``text`` padded with spaces to ``width`` cells; cut to fit unless ``cut=False``.

    >>> pad("农村劳动力转移人数", 10) + "|"
    '农村劳动力|'
    >>> pad("≥90%", 6) + "|", pad("农村劳动力转移人数", 10, cut=False) + "|"
    ('≥90%  |', '农村劳动力转移人数|')
    """
    shown, used = [], 0
    for char in text:
        size = max(int(wcwidth(char)), 0)
        if cut and used + size > width:
            break
        shown.append(char)
        used += size
    return "".join(shown) + " " * max(width - used, 0)


def describe(text: str, *, year: int | None, category: str | None = None) -> str:
    """Return one line saying what ``text`` parsed to.

    With ``category`` (the row's 二级指标), a bare value shows the op it implies (``3000人``
    under 数量指标 is judged as ``>=``).
    """
    value = parse(text, year=year)
    parts = [pad(str(value.kind), 11), pad(str(value), 28, cut=False)]
    op = value.op
    if op is not None and category is not None and not value.op_explicit:
        op = effective_op(value, category)
    if op is not None:
        implied = f" (implied by {category})" if op != value.op else " (bare)"
        parts.append(f"op {op.value:<2}{'' if value.op_explicit else implied}")
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
    return "  ".join(parts).rstrip()


def cell(value: Any) -> Any:
    """Return a CSV/JSON-ready cell: Decimal and dates as text, dicts as JSON, ``""`` as None."""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else None
    if value == "":
        return None
    return value


def neutralize(text: str) -> str:
    """Return a CSV cell that no spreadsheet runs as a formula: ``'`` before a formula start.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-5%"), neutralize("≥5%")
    ("'=HYPERLINK(1)", "'-5%", '≥5%')
    """
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def write_csv(
    records: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO, *, raw: bool
) -> None:
    """Write ``records`` as CSV under a header of ``columns``; formulas neutralized unless raw."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        cells = {key: "" if value is None else value for key, value in record.items()}
        if not raw:
            cells = {k: neutralize(v) if isinstance(v, str) else v for k, v in cells.items()}
        writer.writerow(cells)


def _typed(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{_NUMBER_MARK}{format_decimal(value)}{_NUMBER_MARK}"
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_typed(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value == "" else value


def json_text(data: Any) -> str:
    """Return ``data`` as JSON: Decimals as exact JSON numbers, dates ISO, ``""`` as null.

    >>> json_text({"met": True, "score": Decimal("9.17"), "note": ""})
    '{"met": true, "score": 9.17, "note": null}'
    """
    text = json.dumps(_typed(data), ensure_ascii=False, indent=None)
    mark = json.dumps(_NUMBER_MARK)[1:-1]
    return text.replace(f'"{mark}', "").replace(f'{mark}"', "")


def json_records(records: Iterable[Mapping[str, Any]]) -> str:
    """Return a JSON list of ``records``, one record a line (see :func:`json_text`)."""
    items = [json_text(dict(record)) for record in records]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"


def write_records(
    records: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    form: str,
    out: TextIO,
    *,
    raw: bool = False,
) -> None:
    """Write ``records`` to ``out`` as CSV (a header of ``columns``) or as a JSON list."""
    if form == "json":
        out.write(json_records(records))
        return
    write_csv(records, columns, out, raw=raw)


@contextlib.contextmanager
def open_output(path: str | None, *, binary: bool = False) -> Iterator[Any]:
    """Yield where a command writes: ``path`` (UTF-8; ``-`` or None is stdout).

    Raises:
        OSError: the file cannot be opened (the command line makes it a one-line exit 2).

    """
    if path is None or path == "-":
        if sys.stdout is None:  # started with stdout closed (`perfmetrics … >&-`)
            raise OSError("standard output is closed")
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if binary:
        with Path(path).open("wb") as stream:
            yield stream
    else:
        with Path(path).open("w", encoding="utf-8", newline="") as stream:
            yield stream
