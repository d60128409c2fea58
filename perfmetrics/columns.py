"""Typed columns of many values: Arrow arrays and tables (``pm.to_arrow``); no pandas here.

The records of :mod:`perfmetrics.records` become Arrow columns with one type each: text as
``string``, flags as ``bool``, exact amounts as ``decimal128`` (``decimal256`` when a column needs
more than 38 digits), dates as ``date32``, and a common-unit amount as ``float64`` for arithmetic:
money in 元, percentages and other dimensionless units as a fraction (``95%`` → 0.95), durations
in days (a month is pint's twelfth of a Julian year, 30.4375 days); any other unit (人, 台次/年,
工作日) keeps its own unit, named in ``amount_unit``. :mod:`perfmetrics.frames` turns these tables
into pandas frames; polars reads them with ``pl.from_arrow``.

pyarrow is an optional extra (``pip install "perfmetrics[arrow]"``), imported inside the
functions; a missing pyarrow raises an ImportError that says what to install.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfmetrics.documents.model import Table
from perfmetrics.errors import UnitMismatchError
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, row_records
from perfmetrics.units.registry import convert

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "AMOUNT_COLUMNS",
    "ARROW_MISSING",
    "COMMON_UNITS",
    "FRACTION",
    "common_amount",
    "decimal_array",
    "import_pyarrow",
    "to_arrow",
    "value_columns",
]

#: The message of the ImportError raised when pyarrow is not installed.
ARROW_MISSING = 'this needs pyarrow, an optional extra: pip install "perfmetrics[arrow]"'

#: The ``amount_unit`` of dimensionless amounts (percent, ‰, bare numbers): a plain fraction.
FRACTION = "fraction"

#: The common units tried in order: (canonical unit to convert to, name in ``amount_unit``).
COMMON_UNITS = (("元", "元"), ("", FRACTION), ("天", "天"))

#: The columns added after ``VALUE_COLUMNS``'s ``high``: the amount in its common unit.
AMOUNT_COLUMNS = ("amount", "amount_low", "amount_high", "amount_unit")

_DECIMAL_COLUMNS = frozenset({"magnitude", "low", "high"})
_DATE_COLUMNS = frozenset({"start", "end"})
_FLOAT_COLUMNS = frozenset({"amount", "amount_low", "amount_high"})
_BOOL_COLUMNS = frozenset({"op_explicit"})
_INT_COLUMNS = frozenset({"line"})


def import_pyarrow() -> Any:
    """Return the ``pyarrow`` module, or raise an ImportError that names the extra to install."""
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError(ARROW_MISSING, name="pyarrow") from exc
    return pyarrow


@functools.cache
def _common_unit(unit: str) -> tuple[str, str] | None:
    """Return (convertible-to unit, its amount_unit name) for ``unit``, or None to keep it."""
    for target, name in COMMON_UNITS:
        try:
            convert(Decimal(1), unit, target)
        except UnitMismatchError:
            continue
        except Exception:  # a unit pint cannot read at all has no common unit: keep it as is
            return None
        return target, name
    return None


def common_amount(magnitude: Decimal | None, unit: str | None) -> tuple[float | None, str | None]:
    """Return ``magnitude`` as a float in the common unit of ``unit``, and that unit's name.

    >>> common_amount(Decimal("262.96"), "万元")
    (2629600.0, '元')
    >>> common_amount(Decimal("95"), "%"), common_amount(Decimal("3"), "人")
    ((0.95, 'fraction'), (3.0, '人'))
    """
    if magnitude is None:
        return None, None
    unit = unit or ""
    common = _common_unit(unit)
    if common is None:
        return float(magnitude), unit or FRACTION
    return float(convert(magnitude, unit, common[0])), common[1]


def _places(value: Decimal) -> int:
    return max(-int(value.as_tuple().exponent), 0)


def _digits(value: Decimal) -> int:
    return max(value.adjusted() + 1, 1)


def _fits(value: Decimal, scale: int, precision: int) -> bool:
    return _places(value) <= scale and _digits(value) <= precision - scale


def decimal_array(values: Sequence[Decimal | None]) -> tuple[pa.Array, list[int]]:
    """Return an exact Arrow decimal array of ``values`` and the positions it could not hold.

    The scale is the largest number of places among the values, so no digit is rounded away;
    the type is ``decimal128(38, scale)``, or ``decimal256(76, scale)`` when 38 digits are too
    few. A value that even 76 digits cannot hold is null, and its position is returned so that
    the caller can say so in the row's ``error``: never a rounded number.

    >>> array, lost = decimal_array([Decimal("262.96"), None, Decimal("1E+80")])
    >>> array.type, array.to_pylist(), lost
    (Decimal128Type(decimal128(38, 2)), [Decimal('262.96'), None, None], [2])
    """
    pa = import_pyarrow()
    distinct = {v for v in values if v is not None}  # columns repeat: check each value once
    held = [v for v in distinct if _fits(v, _places(v), 76)]
    scale = max((_places(v) for v in held), default=0)
    digits = max((_digits(v) for v in held), default=1)
    kind, precision = (pa.decimal128, 38) if digits + scale <= 38 else (pa.decimal256, 76)
    too_long = {v for v in distinct if not _fits(v, scale, precision)}
    lost = [i for i, v in enumerate(values) if v in too_long] if too_long else []
    cells = [None if v in too_long else v for v in values] if too_long else list(values)
    return pa.array(cells, type=kind(precision, scale)), lost


def _plain_array(name: str, cells: list[Any]) -> pa.Array:
    pa = import_pyarrow()
    if name in _DATE_COLUMNS:
        return pa.array(cells, type=pa.date32())
    if name in _FLOAT_COLUMNS:
        return pa.array(cells, type=pa.float64())
    if name in _BOOL_COLUMNS:
        return pa.array(cells, type=pa.bool_())
    if name in _INT_COLUMNS:
        return pa.array(cells, type=pa.int64())
    text = [json.dumps(c, ensure_ascii=False) if isinstance(c, dict) else c for c in cells]
    return pa.array(text, type=pa.string())


def _with_amounts(names: Sequence[str], records: Iterable[tuple[Any, ...]]) -> list[list[Any]]:
    """Return the columns of ``records`` with the common-unit amount columns after ``high``."""
    at = {name: i for i, name in enumerate(names)}
    rows = []
    for record in records:
        unit = record[at["unit"]]
        amount, common = common_amount(record[at["magnitude"]], unit)
        low, low_unit = common_amount(record[at["low"]], unit)
        high, _ = common_amount(record[at["high"]], unit)
        rows.append([*record, amount, low, high, common or low_unit])
    return (
        [list(column) for column in zip(*rows, strict=True)]
        if rows
        else [[]] * (len(names) + len(AMOUNT_COLUMNS))
    )


def _ordered(names: Sequence[str]) -> list[str]:
    """Return ``names`` plus the amount columns, which follow ``high``."""
    cut = names.index("high") + 1
    return [*names[:cut], *AMOUNT_COLUMNS, *names[cut:]]


def value_columns(
    records: Sequence[tuple[Any, ...]], names: Sequence[str] = VALUE_COLUMNS
) -> pa.Table:
    """Return an Arrow table of ``records`` (tuples in the order of ``names``), typed.

    ``names`` ends with ``VALUE_COLUMNS``; the common-unit amount columns are added after
    ``high``. Exact amounts too long for any Arrow decimal are null, with their row's ``error``
    saying so.
    """
    pa = import_pyarrow()
    raw = dict(zip([*names, *AMOUNT_COLUMNS], _with_amounts(names, records), strict=True))
    arrays: dict[str, Any] = {}
    for name in _ordered(names):
        if name in _DECIMAL_COLUMNS:
            arrays[name], lost = decimal_array(raw[name])
            for i in lost:
                raw["error"][i] = f"the {name} has more digits than an Arrow decimal holds"
        elif name != "error":
            arrays[name] = _plain_array(name, raw[name])
    arrays["error"] = _plain_array("error", raw["error"])
    return pa.table({name: arrays[name] for name in _ordered(names)})


def to_arrow(tables: Table | Iterable[Table]) -> pa.Table:
    """Return one Arrow row per indicator of ``tables`` (what ``read_tables`` returns), typed.

    The columns are those of :func:`perfmetrics.to_frame`: ``ROW_COLUMNS``, then the value
    columns with ``amount``, ``amount_low``, ``amount_high`` and ``amount_unit`` after ``high``.
    polars reads the result with ``polars.from_arrow``.

    Raises:
        ImportError: pyarrow is not installed.
        InputTypeError: ``tables`` is not a table or an iterable of tables.

    """
    return value_columns(row_records(tables), [*ROW_COLUMNS, *VALUE_COLUMNS])
