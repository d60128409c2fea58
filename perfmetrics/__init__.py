"""perfmetrics: read, compare and judge the target values (指标值) of 绩效目标表.

>>> import perfmetrics as pm
>>> v = pm.parse("≥1.7万人")
>>> v.kind, v.op, v.quantity
('quantity', '>=', <Quantity(17000, '人')>)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfmetrics.api import parse, parse_tree
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
from perfmetrics.render import render
from perfmetrics.scoring import UndecidableError, score

if TYPE_CHECKING:
    import pint

    ureg: pint.UnitRegistry[Any]

__version__ = "0.1.0"

__all__ = [
    "AmbiguousValueError",
    "Amount",
    "Category",
    "Comparator",
    "DanglingComparatorError",
    "DateValue",
    "InputTypeError",
    "Kind",
    "MissingNumberError",
    "ParseError",
    "PerfmetricsError",
    "PeriodValue",
    "QualitativeValue",
    "QuantityValue",
    "RangeValue",
    "UndecidableError",
    "UnitMismatchError",
    "UnknownCategoryError",
    "Value",
    "Verdict",
    "__version__",
    "grade",
    "meets",
    "parse",
    "parse_tree",
    "render",
    "score",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """Build the pint registry only when ``perfmetrics.ureg`` is first used."""
    if name == "ureg":
        from perfmetrics.units import get_registry

        return get_registry()
    raise AttributeError(f"module 'perfmetrics' has no attribute {name!r}")
