"""perfmetrics: read, compare and judge the target values (指标值) of 绩效目标表.

>>> import perfmetrics as pm
>>> v = pm.parse("≥1.7万人")
>>> v.kind, v.op, v.quantity
('quantity', '>=', <Quantity(17000, '人')>)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfmetrics.documents.model import Budget, IndicatorRow, Table, TableKind, Tables
from perfmetrics.documents.reader import read_tables
from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    DocumentError,
    InputTypeError,
    MissingNumberError,
    ParseError,
    PerfmetricsError,
    UndecidableError,
    UnitMismatchError,
    UnknownCategoryError,
)
from perfmetrics.judging.categories import Category
from perfmetrics.judging.meets import Verdict, grade, meets
from perfmetrics.judging.scoring import score
from perfmetrics.records import normalize, parse_many, to_frame
from perfmetrics.values.api import parse, parse_tree
from perfmetrics.values.model import (
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
from perfmetrics.values.render import render

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
        from perfmetrics.units.registry import get_registry

        return get_registry()
    raise AttributeError(f"module 'perfmetrics' has no attribute {name!r}")
