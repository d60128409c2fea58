"""Many values at once: ``parse_many`` (no pandas), ``normalize`` and ``to_frame`` (pandas).

Real columns repeat heavily (a few hundred distinct 指标值 in a million rows), so every function
here parses each distinct text once: ``normalize`` factorizes the column and builds its result
columns from the distinct values, then takes them back out by code. pandas is imported inside
the functions that need it (``pip install perfmetrics[pandas]``), so ``import perfmetrics``
stays light. ``import perfmetrics.accessor`` registers the ``Series.pm`` accessor; it is also
registered at import of perfmetrics when pandas is already loaded, and by the first ``normalize``
or ``to_frame``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from perfmetrics.documents.model import EMPTY_CELL, IndicatorRow, Table
from perfmetrics.errors import InputTypeError, PerfmetricsError
from perfmetrics.values.api import parse
from perfmetrics.values.model import RangeValue, Value

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ROW_COLUMNS",
    "VALUE_COLUMNS",
    "normalize",
    "parse_many",
    "register_accessor",
    "row_records",
    "to_frame",
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


def parse_many(texts: Iterable[str], *, year: int | None = None) -> list[Value | PerfmetricsError]:
    """Parse every text; each distinct text is parsed once, and a bad one never stops the rest.

    Returns one item per text, in order: the parsed value, or the ``PerfmetricsError`` that
    ``parse`` raised for it (empty cells, dangling comparators, non-str items …).

    >>> [str(v) for v in parse_many(["≥90%", "≥90%", "≤262.96万元"])]
    ['≥90%', '≥90%', '≤262.96万元']
    >>> type(parse_many([""])[0]).__name__
    'ParseError'
    """
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


def _error_record(message: str) -> tuple[Any, ...]:
    return (None,) * (len(VALUE_COLUMNS) - 1) + (message,)


def value_record(value: Value | PerfmetricsError | None) -> tuple[Any, ...]:
    """Return the ``VALUE_COLUMNS`` of one parsed value (or of an error) as a tuple."""
    if value is None:
        return _error_record(EMPTY_CELL)
    if isinstance(value, PerfmetricsError):
        return _error_record(str(value).splitlines()[0])
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


def normalize(texts: Iterable[str] | pd.Series[Any], *, year: int | None = None) -> pd.DataFrame:
    """Normalize a column of raw 指标值 into a DataFrame on the same index.

    Columns: ``VALUE_COLUMNS`` (kind, op, op_explicit, magnitude, unit, low, high, start, end,
    note, warnings, error). Amounts stay ``Decimal`` (object columns); ``error`` says why a row
    could not be read, and one bad row never stops the batch. Missing values (None/NaN) come out
    with the error ``the value cell is empty``.
    """
    import pandas as pd

    register_accessor()
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    codes, parsed = _parse_distinct(series, year)
    records = [value_record(value) for value in parsed]
    records.append(value_record(None))  # code -1: missing
    table = pd.DataFrame.from_records(records, columns=list(VALUE_COLUMNS), coerce_float=False)
    table = table.astype(object).where(table.notna(), None)  # None, never NaN, for "absent"
    frame = table.take(codes)  # -1 takes the last record: the missing one
    frame.index = series.index
    return frame


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
    """One tuple per indicator row: ``ROW_COLUMNS`` then ``VALUE_COLUMNS`` (no pandas needed)."""
    chosen: Sequence[Table] = [tables] if isinstance(tables, Table) else list(tables)
    return [
        _row_record(table, row)
        + (value_record(row.value) if row.value is not None else _error_record(row.error or ""))
        for table in chosen
        for row in table.rows
    ]


def to_frame(tables: Table | Iterable[Table]) -> pd.DataFrame:
    """One row per indicator of ``tables`` (what ``read_tables`` returns), values normalized.

    Columns: ``ROW_COLUMNS`` (table, project, budget_unit, level1, level2, level3, description,
    raw, category, basis, tiers, line) then ``VALUE_COLUMNS``.
    """
    import pandas as pd

    register_accessor()
    frame = pd.DataFrame.from_records(
        row_records(tables), columns=[*ROW_COLUMNS, *VALUE_COLUMNS], coerce_float=False
    )
    return frame.astype(object).where(frame.notna(), None)


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


def _parse_distinct(
    series: pd.Series[Any], year: int | None
) -> tuple[Any, list[Value | PerfmetricsError]]:
    """Factorize ``series`` and parse each distinct text once: (codes, one result per code)."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, parse_many(list(uniques), year=year)


def register_accessor() -> None:
    """Register ``Series.pm`` (normalize, parse); ``import perfmetrics.accessor`` calls it."""
    import pandas as pd

    if "pm" in getattr(pd.Series, "_accessors", ()):
        return

    @pd.api.extensions.register_series_accessor("pm")
    class PerfmetricsAccessor:
        """``series.pm.normalize(year=…)``: the ``normalize`` of a column of raw 指标值."""

        def __init__(self, series: pd.Series[Any]) -> None:
            self._series = series

        def normalize(self, *, year: int | None = None) -> pd.DataFrame:
            """Normalize this column (see :func:`perfmetrics.records.normalize`)."""
            return normalize(self._series, year=year)

        def parse(self, *, year: int | None = None) -> pd.Series[Any]:
            """Return the parsed values (or errors) on the same index, one object per row."""
            codes, parsed = _parse_distinct(self._series, year)
            values = [None if code < 0 else parsed[code] for code in codes]
            return pd.Series(values, index=self._series.index, dtype=object)


if "pandas" in sys.modules:  # pandas is already loaded: registering costs nothing
    register_accessor()
