"""pandas frames of many values: ``normalize`` (a column), ``to_frame`` (documents), accessors.

pandas is an optional extra (``pip install "perfmetrics[pandas]"``, which brings pyarrow too): it
is imported inside the functions that need it, so ``import perfmetrics`` stays light, and a
missing pandas raises an ImportError saying what to install. The frames are the typed Arrow
tables of :mod:`perfmetrics.columns` turned into pandas, so no column is ``object``: text is
``string``, flags ``boolean``, counts ``Int64``, floats ``Float64``, exact amounts Arrow
decimals and dates Arrow ``date32`` (``pd.ArrowDtype``). Each distinct text is parsed once.

``import perfmetrics.accessor`` registers ``Series.pm`` (normalize, parse) and ``DataFrame.pm``
(judge, quantities); importing perfmetrics when pandas is already loaded, and the first
``normalize`` or ``to_frame``, register them too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfmetrics.boundaries import require_iterable
from perfmetrics.column_judging import judge_columns
from perfmetrics.columns import import_pyarrow, to_arrow, value_columns
from perfmetrics.documents.model import Table
from perfmetrics.errors import PerfmetricsError, UnitMismatchError
from perfmetrics.records import parse_many, value_record
from perfmetrics.units.registry import convert, get_registry, pint_unit
from perfmetrics.values.model import Value

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "PANDAS_MISSING",
    "PINT_PANDAS_MISSING",
    "PYARROW_FOR_PANDAS_MISSING",
    "judge",
    "normalize",
    "pandas_dtype",
    "quantities",
    "register_accessor",
    "to_frame",
]

#: The message of the ImportError raised when pandas is not installed.
PANDAS_MISSING = 'this needs pandas, an optional extra: pip install "perfmetrics[pandas]"'
#: The message of the ImportError raised when pandas is there but pyarrow is not.
PYARROW_FOR_PANDAS_MISSING = (
    'typed frames need pyarrow, which the pandas extra brings: pip install "perfmetrics[pandas]"'
)
#: The message of the ImportError raised when pint-pandas is not installed.
PINT_PANDAS_MISSING = 'this needs pint-pandas, an optional extra: pip install "perfmetrics[pint]"'


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING, name="pandas") from exc
    try:
        import_pyarrow()
    except ImportError as exc:
        raise ImportError(PYARROW_FOR_PANDAS_MISSING, name="pyarrow") from exc
    register_accessor()
    return pandas


def pandas_dtype(arrow_type: pa.DataType) -> Any:
    """Return the pandas dtype a typed Arrow column becomes (never ``object``).

    ``string`` → ``string``, ``bool`` → ``boolean``, ``int64`` → ``Int64``, ``float64`` →
    ``Float64``; decimals and dates stay Arrow types (``pd.ArrowDtype``), exact.
    """
    import pandas as pd
    import pyarrow as pa

    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype()
    if pa.types.is_boolean(arrow_type):
        return pd.BooleanDtype()
    if pa.types.is_int64(arrow_type):
        return pd.Int64Dtype()
    if pa.types.is_float64(arrow_type):
        return pd.Float64Dtype()
    return pd.ArrowDtype(arrow_type)


def _frame(table: pa.Table, index: Any = None) -> pd.DataFrame:
    frame: pd.DataFrame = table.to_pandas(types_mapper=pandas_dtype)
    if index is not None:
        frame.index = index
    return frame


def normalize(texts: Iterable[str] | pd.Series[Any], *, year: int | None = None) -> pd.DataFrame:
    """Normalize a column of raw 指标值 into a typed DataFrame on the same index.

    Columns: kind, op (string), op_explicit (boolean), magnitude, low, high (exact Arrow
    decimals), amount, amount_low, amount_high (Float64 in ``amount_unit``: 元, fraction or
    天 where the unit converts, else the unit itself), unit, start, end (Arrow dates), note,
    warnings, error (string). ``error`` says why a row could not be read; one bad row never
    stops the batch. Missing values (None/NaN) get the error ``the value cell is empty``.

    Raises:
        ImportError: pandas or pyarrow is not installed.
        InputTypeError: ``texts`` is not an iterable of texts (a bare str is not).

    """
    require_iterable(texts, "normalize()")
    pd = _pandas()
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    parsed: list[Value | PerfmetricsError] = parse_many(list(uniques), year=year)
    records = [value_record(value) for value in parsed]
    records.append(value_record(None))  # code -1: missing
    table = value_columns(records)
    pa = import_pyarrow()
    taken = table.take(pa.array([len(parsed) if c < 0 else c for c in codes], type=pa.int64()))
    return _frame(taken, series.index)


def to_frame(tables: Table | Iterable[Table]) -> pd.DataFrame:
    """One typed row per indicator of ``tables`` (what ``read_tables`` returns).

    Columns: ``ROW_COLUMNS`` (table, project, budget_unit, level1, level2, level3, description,
    raw, category, basis, tiers as JSON text: string; line: Int64), then the columns of
    :func:`normalize`. :func:`perfmetrics.to_arrow` gives the same columns as an Arrow table.

    Raises:
        ImportError: pandas or pyarrow is not installed.
        InputTypeError: ``tables`` is not a table or an iterable of tables.

    """
    _pandas()
    return _frame(to_arrow(tables))


def _column(frame: pd.DataFrame, name: str | None) -> list[Any]:
    """Return a column as Python objects with None for missing (all None when not named)."""
    if name is None:
        return [None] * len(frame)
    column = frame[name].astype(object)
    return column.where(column.notna(), None).tolist()


def judge(
    frame: pd.DataFrame,
    *,
    target: str = "raw",
    actual: str = "actual",
    category: str | None = None,
    indicator: str | None = None,
    weight: str | None = None,
    rule: str = "proportional",
    rounding: str | None = None,
    year: int | None = None,
) -> pd.DataFrame:
    """Return ``frame`` with ``met``, ``margin``, ``margin_unit``, ``score`` and ``reason`` added.

    ``target``, ``actual``, ``category``, ``indicator`` and ``weight`` name columns; each
    distinct combination is judged once (:func:`perfmetrics.column_judging.judge_columns`).
    ``met`` is boolean (null when it cannot be said), ``margin`` (actual minus target, in
    ``margin_unit``, the target's unit) and ``score`` (with ``weight``) exact decimals.

    Raises:
        ImportError: pandas or pyarrow is not installed.
        KeyError: a named column is not in ``frame``.

    """
    _pandas()
    table, _ = judge_columns(
        _column(frame, target),
        _column(frame, actual),
        categories=_column(frame, category),
        indicators=_column(frame, indicator),
        weights=_column(frame, weight),
        rule=rule,
        rounding=rounding,
        year=year,
        clean=True,
    )
    judged = _frame(table, frame.index)
    out = frame.copy()
    for name in judged.columns:
        out[name] = judged[name]
    return out


def quantities(frame: pd.DataFrame, unit: str) -> pd.Series[Any]:
    """Return the rows' amounts as an exact pint-pandas column in ``unit`` (``pint[万元]``).

    The magnitudes are Decimals (pint-pandas' ``object`` sub-type) of the shared registry, so
    ``.pint.to("元")`` converts exactly. Rows whose unit does not convert to ``unit`` (or that
    have no amount) are ``NaN``.

    Raises:
        ImportError: pandas, pyarrow or pint-pandas is not installed.
        UnitMismatchError: ``unit`` is not a unit of the registry.

    """
    _pandas()
    import pandas as pd

    try:
        import pint_pandas
    except ImportError as exc:
        raise ImportError(PINT_PANDAS_MISSING, name="pint_pandas") from exc
    pint_pandas.PintType.ureg = get_registry()
    try:  # an unknown unit raises here, not row by row
        pint_unit(unit)
    except PerfmetricsError:
        raise
    except Exception as exc:  # pint's parser fails on text that is no unit expression
        raise UnitMismatchError(unit, unit, f"{unit!r} is not a unit") from exc
    values: list[Decimal] = []
    for magnitude, own in zip(frame["magnitude"].tolist(), frame["unit"].tolist(), strict=True):
        try:
            ok = isinstance(magnitude, Decimal) and isinstance(own, str)
            values.append(convert(magnitude, own, unit) if ok else Decimal("NaN"))
        except UnitMismatchError:
            values.append(Decimal("NaN"))
    import numpy as np

    exact = get_registry().Quantity(np.array(values, dtype=object), pint_unit(unit))
    array = pint_pandas.PintArray.from_1darray_quantity(exact)  # type: ignore[no-untyped-call]
    column: pd.Series[Any] = pd.Series(array, index=frame.index)
    return column


def register_accessor() -> None:
    """Register ``Series.pm`` and ``DataFrame.pm``; ``import perfmetrics.accessor`` calls it.

    Raises:
        ImportError: pandas is not installed.

    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING, name="pandas") from exc

    if "pm" in getattr(pd.Series, "_accessors", ()):
        return

    @pd.api.extensions.register_series_accessor("pm")
    class SeriesAccessor:
        """``series.pm.normalize(year=…)``: the ``normalize`` of a column of raw 指标值."""

        def __init__(self, series: pd.Series[Any]) -> None:
            self._series = series

        def normalize(self, *, year: int | None = None) -> pd.DataFrame:
            """Normalize this column (see :func:`perfmetrics.frames.normalize`)."""
            return normalize(self._series, year=year)

        def parse(self, *, year: int | None = None) -> pd.Series[Any]:
            """Return the parsed values (or errors) on the same index, one object per row."""
            codes, uniques = pd.factorize(self._series, use_na_sentinel=True)
            parsed = parse_many(list(uniques), year=year)
            values = [None if code < 0 else parsed[code] for code in codes]
            return pd.Series(values, index=self._series.index, dtype=object)

    @pd.api.extensions.register_dataframe_accessor("pm")
    class FrameAccessor:
        """``frame.pm.judge(target=…, actual=…)`` and ``frame.pm.quantities(unit)``."""

        def __init__(self, frame: pd.DataFrame) -> None:
            self._frame = frame

        def judge(self, **options: Any) -> pd.DataFrame:
            """Judge a column of actuals against targets (see :func:`perfmetrics.frames.judge`)."""
            return judge(self._frame, **options)

        def quantities(self, unit: str) -> pd.Series[Any]:
            """Return the amounts as a pint-pandas column (see :func:`quantities`)."""
            return quantities(self._frame, unit)


if sys.modules.get("pandas") is not None:  # pandas is already loaded: registering is free
    register_accessor()
