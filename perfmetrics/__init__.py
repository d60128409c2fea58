"""perfmetrics: read, compare and judge the target values (指标值) of 绩效目标表.

>>> import perfmetrics as pm
>>> v = pm.parse("≥1.7万人")
>>> v.kind, v.op, v.quantity
('quantity', '>=', <Quantity(17000, '人')>)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfmetrics.api import parse, parse_tree
from perfmetrics.batch import normalize, parse_many, to_frame
from perfmetrics.categories import Category, UnknownCategoryError
from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    InputTypeError,
    MissingNumberError,
    ParseError,
    PerfmetricsError,
    UnitMismatchError,
)
from perfmetrics.judge import Verdict, grade, meets
from perfmetrics.model import (
    Amount,
    Comparator,
    DateValue,
    Kind,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    Value,
)
from perfmetrics.reader import read_tables
from perfmetrics.render import render
from perfmetrics.scoring import UndecidableError, score
from perfmetrics.tables import Budget, DocumentError, IndicatorRow, Table, TableKind, Tables

if TYPE_CHECKING:
    import pint

    ureg: pint.UnitRegistry[Any]

__version__ = "0.1.0"

__all__ = [
    "AmbiguousValueError",
    "Amount",
    "Budget",
    "Category",
    "Comparator",
    "DanglingComparatorError",
    "DateValue",
    "DocumentError",
    "IndicatorRow",
    "InputTypeError",
    "Kind",
    "MissingNumberError",
    "ParseError",
    "PerfmetricsError",
    "PeriodValue",
    "QualitativeValue",
    "QuantityValue",
    "RangeValue",
    "Table",
    "TableKind",
    "Tables",
    "UndecidableError",
    "UnitMismatchError",
    "UnknownCategoryError",
    "Value",
    "Verdict",
    "__version__",
    "grade",
    "meets",
    "normalize",
    "parse",
    "parse_many",
    "parse_tree",
    "read_tables",
    "render",
    "score",
    "to_frame",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """Build the pint registry only when ``perfmetrics.ureg`` is first used."""
    if name == "ureg":
        from perfmetrics.units import get_registry

        return get_registry()
    raise AttributeError(f"module 'perfmetrics' has no attribute {name!r}")
