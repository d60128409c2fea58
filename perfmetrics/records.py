"""Many values at once as flat records: ``parse_many``, value and row records (no pandas).

Real columns repeat heavily (a few hundred distinct 指标值 in a million rows), so ``parse_many``
parses each distinct text once. A record is a plain tuple in the order of ``VALUE_COLUMNS``
(one parsed value) or ``ROW_COLUMNS`` + ``VALUE_COLUMNS`` (one indicator row of a document):
the command line writes them as CSV or JSON, and :mod:`perfmetrics.frames` builds pandas
frames from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_instance, require_iterable, require_year
from perfmetrics.documents.model import EMPTY_CELL, IndicatorRow, Table
from perfmetrics.errors import InputTypeError, PerfmetricsError
from perfmetrics.values.api import parse
from perfmetrics.values.model import RangeValue, Value

__all__ = [
    "ROW_COLUMNS",
    "VALUE_COLUMNS",
    "error_record",
    "parse_many",
    "row_records",
    "value_record",
]

#: The columns ``normalize`` gives for each value, in order.
VALUE_COLUMNS = (
    "kind",
    "op",
    "op_explicit",
    "magnitude",
    "unit",
    "low",
    "high",
    "start",
    "end",
    "note",
    "warnings",
    "error",
)


@exact
def parse_many(texts: Iterable[str], *, year: int | None = None) -> list[Value | PerfmetricsError]:
    """Parse every text; each distinct text is parsed once, and a bad one never stops the rest.

    Returns one item per text, in order: the parsed value, or the ``PerfmetricsError`` that
    ``parse`` raised for it (empty cells, dangling comparators, non-str items …).

    Raises:
        InputTypeError: ``texts`` is not an iterable (a bare str is not); ``year`` of the wrong
            type. A text that fails is returned as its error, never raised.

    >>> [str(v) for v in parse_many(["≥90%", "≥90%", "≤262.96万元"])]
    ['≥90%', '≥90%', '≤262.96万元']
    >>> type(parse_many([""])[0]).__name__
    'ParseError'
    """
    require_iterable(texts, "parse_many()")
    require_year(year)
    seen: dict[object, Value | PerfmetricsError] = {}
    out: list[Value | PerfmetricsError] = []
    for text in texts:
        try:
            result = seen[text]
        except KeyError:
            result = seen[text] = _parse_or_error(text, year)
        except TypeError:  # unhashable item
            result = _parse_or_error(text, year)
        out.append(result)
    return out


def _parse_or_error(text: object, year: int | None) -> Value | PerfmetricsError:
    if not isinstance(text, str):
        return InputTypeError(f"a value must be a str, not {type(text).__name__}")
    try:
        return parse(text, year=year)
    except PerfmetricsError as exc:
        return exc


def error_record(message: str) -> tuple[Any, ...]:
    """Return the ``VALUE_COLUMNS`` of a value that could not be read: all None but ``error``."""
    return (None,) * (len(VALUE_COLUMNS) - 1) + (message,)


def value_record(value: Value | PerfmetricsError | None) -> tuple[Any, ...]:
    """Return the ``VALUE_COLUMNS`` of one parsed value (or of an error) as a tuple."""
    if value is None:
        return error_record(EMPTY_CELL)
    if isinstance(value, PerfmetricsError):
        return error_record(str(value).splitlines()[0])
    amount = getattr(value, "amount", None)
    low = high = None
    if isinstance(value, RangeValue):
        low, high = value.lower.magnitude, value.upper.magnitude
    op = value.op
    return (
        str(value.kind),
        None if op is None else op.value,
        value.op_explicit if op is not None else None,
        None if amount is None else amount.magnitude,
        getattr(value, "unit", None) or None,
        low,
        high,
        value.start,
        value.end,
        value.note or None,
        "; ".join(value.warnings) or None,
        None,
    )


#: The columns ``to_frame`` adds before ``VALUE_COLUMNS``.
ROW_COLUMNS = (
    "table",
    "project",
    "budget_unit",
    "level1",
    "level2",
    "level3",
    "description",
    "raw",
    "category",
    "basis",
    "tiers",
    "line",
)


def row_records(tables: Table | Iterable[Table]) -> list[tuple[Any, ...]]:
    """One tuple per indicator row: ``ROW_COLUMNS`` then ``VALUE_COLUMNS`` (no pandas needed).

    Raises:
        InputTypeError: ``tables`` is not a table or an iterable of tables.

    """
    if isinstance(tables, Table):
        chosen: Sequence[Table] = [tables]
    else:
        chosen = list(require_iterable(tables, "to_frame()"))
    for table in chosen:
        require_instance(table, Table, "to_frame()")
    return [
        _row_record(table, row)
        + (value_record(row.value) if row.value is not None else error_record(row.error or ""))
        for table in chosen
        for row in table.rows
    ]


def _row_record(table: Table, row: IndicatorRow) -> tuple[Any, ...]:
    category = row.category
    return (
        table.name,
        table.project,
        table.unit,
        row.level1,
        row.level2,
        row.level3,
        row.description,
        row.raw,
        None if category is None else category.value,
        row.basis,
        dict(row.tiers) or None,
        row.line,
    )
