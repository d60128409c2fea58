"""pandas frames of many values: ``normalize`` (a column), ``to_frame`` (documents), ``Series.pm``.

pandas is an optional extra (``pip install "perfmetrics[pandas]"``): it is imported inside the
functions that need it, so ``import perfmetrics`` stays light, and a missing pandas raises an
ImportError saying what to install. The frames are built from the flat records of
:mod:`perfmetrics.records`; each distinct text is parsed once (``normalize`` factorizes the
column, builds its result columns from the distinct values, then takes them back out by code).

``import perfmetrics.accessor`` registers the ``Series.pm`` accessor (:func:`register_accessor`);
it is also registered at import of perfmetrics when pandas is already loaded, and by the first
``normalize`` or ``to_frame``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from perfmetrics.boundaries import require_iterable
from perfmetrics.documents.model import Table
from perfmetrics.errors import PerfmetricsError
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, parse_many, row_records, value_record
from perfmetrics.values.model import Value

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PANDAS_MISSING", "normalize", "register_accessor", "to_frame"]

#: The message of the ImportError raised when pandas is not installed.
PANDAS_MISSING = 'this needs pandas, an optional extra: pip install "perfmetrics[pandas]"'


def _missing_pandas() -> ImportError:
    return ImportError(PANDAS_MISSING, name="pandas")


def normalize(texts: Iterable[str] | pd.Series[Any], *, year: int | None = None) -> pd.DataFrame:
    """Normalize a column of raw 指标值 into a DataFrame on the same index.

    Columns: ``VALUE_COLUMNS`` (kind, op, op_explicit, magnitude, unit, low, high, start, end,
    note, warnings, error). Amounts stay ``Decimal`` (object columns); ``error`` says why a row
    could not be read, and one bad row never stops the batch. Missing values (None/NaN) come out
    with the error ``the value cell is empty``.

    Raises:
        ImportError: pandas is not installed.
        InputTypeError: ``texts`` is not an iterable of texts (a bare str is not).

    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise _missing_pandas() from exc

    register_accessor()
    require_iterable(texts, "normalize()")
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    codes, parsed = _parse_distinct(series, year)
    records = [value_record(value) for value in parsed]
    records.append(value_record(None))  # code -1: missing
    table = pd.DataFrame.from_records(records, columns=list(VALUE_COLUMNS), coerce_float=False)
    table = table.astype(object).where(table.notna(), None)  # None, never NaN, for "absent"
    frame = table.take(codes)  # -1 takes the last record: the missing one
    frame.index = series.index
    return frame


def to_frame(tables: Table | Iterable[Table]) -> pd.DataFrame:
    """One row per indicator of ``tables`` (what ``read_tables`` returns), values normalized.

    Columns: ``ROW_COLUMNS`` (table, project, budget_unit, level1, level2, level3, description,
    raw, category, basis, tiers, line) then ``VALUE_COLUMNS``.

    Raises:
        ImportError: pandas is not installed.
        InputTypeError: ``tables`` is not a table or an iterable of tables.

    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise _missing_pandas() from exc

    register_accessor()
    frame = pd.DataFrame.from_records(
        row_records(tables), columns=[*ROW_COLUMNS, *VALUE_COLUMNS], coerce_float=False
    )
    return frame.astype(object).where(frame.notna(), None)


def _parse_distinct(
    series: pd.Series[Any], year: int | None
) -> tuple[Any, list[Value | PerfmetricsError]]:
    """Factorize ``series`` and parse each distinct text once: (codes, one result per code)."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, parse_many(list(uniques), year=year)


def register_accessor() -> None:
    """Register ``Series.pm`` (normalize, parse); ``import perfmetrics.accessor`` calls it.

    Raises:
        ImportError: pandas is not installed.

    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise _missing_pandas() from exc

    if "pm" in getattr(pd.Series, "_accessors", ()):
        return

    @pd.api.extensions.register_series_accessor("pm")
    class PerfmetricsAccessor:
        """``series.pm.normalize(year=…)``: the ``normalize`` of a column of raw 指标值."""

        def __init__(self, series: pd.Series[Any]) -> None:
            self._series = series

        def normalize(self, *, year: int | None = None) -> pd.DataFrame:
            """Normalize this column (see :func:`perfmetrics.frames.normalize`)."""
            return normalize(self._series, year=year)

        def parse(self, *, year: int | None = None) -> pd.Series[Any]:
            """Return the parsed values (or errors) on the same index, one object per row."""
            codes, parsed = _parse_distinct(self._series, year)
            values = [None if code < 0 else parsed[code] for code in codes]
            return pd.Series(values, index=self._series.index, dtype=object)


if "pandas" in sys.modules:  # pandas is already loaded: registering costs nothing
    register_accessor()
