"""perfmetrics: read, compare and judge the target values (指标值) of 绩效目标表.

>>> import perfmetrics as pm
>>> v = pm.parse("≥1.7万人")
>>> v.kind, v.op, v.quantity
('quantity', '>=', <Quantity(17000, '人')>)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfmetrics.audit.checks import audit
from perfmetrics.columns import to_arrow
from perfmetrics.datasets import sample_actuals, sample_document, sample_selfeval
from perfmetrics.documents.model import Budget, IndicatorRow, Table, TableKind, Tables
from perfmetrics.documents.reader import read_tables
from perfmetrics.documents.selfeval.model import (
    BudgetLine,
    SelfEvalRow,
    SelfEvalTable,
    SelfEvaluation,
)
from perfmetrics.documents.selfeval.reader import read_selfeval
from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    DocumentError,
    InputTypeError,
    MissingNumberError,
    ParseError,
    PerfmetricsError,
    RuleSetError,
    UndecidableError,
    UnitMismatchError,
    UnknownCategoryError,
)
from perfmetrics.findings import Finding, Severity
from perfmetrics.frames import normalize, to_frame
from perfmetrics.judging.categories import Category
from perfmetrics.judging.grading import grade
from perfmetrics.judging.meets import Verdict, meets
from perfmetrics.judging.scoring import score
from perfmetrics.records import parse_many
from perfmetrics.review.engine import review
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

from perfmetrics.version import __version__  # the one version string (hatch reads it)

__all__ = [
    "AmbiguousValueError",
    "Amount",
    "Budget",
    "BudgetLine",
    "Category",
    "Comparator",
    "DanglingComparatorError",
    "DateValue",
    "DocumentError",
    "Finding",
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
    "RuleSetError",
    "SelfEvalRow",
    "SelfEvalTable",
    "SelfEvaluation",
    "Severity",
    "Table",
    "TableKind",
    "Tables",
    "UndecidableError",
    "UnitMismatchError",
    "UnknownCategoryError",
    "Value",
    "Verdict",
    "__version__",
    "audit",
    "grade",
    "meets",
    "normalize",
    "parse",
    "parse_many",
    "parse_tree",
    "read_selfeval",
    "read_tables",
    "render",
    "review",
    "sample_actuals",
    "sample_document",
    "sample_selfeval",
    "score",
    "to_arrow",
    "to_frame",
    "ureg",
]


def __getattr__(name: str) -> Any:
    """Build the pint registry only when ``perfmetrics.ureg`` is first used."""
    if name == "ureg":
        from perfmetrics.units.registry import get_registry

        return get_registry()
    raise AttributeError(f"module 'perfmetrics' has no attribute {name!r}")
