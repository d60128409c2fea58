"""Frozen attrs models of a parsed 指标值: the five kinds of value.

No parsing happens here. Every value offers the same read-only attributes (``kind``, ``op``,
``op_explicit``, ``quantity``, ``low``, ``high``, ``start``, ``end``, ``note``, ``text``), so code
and data frames can treat them alike; attributes that do not apply to a kind are ``None``.
Amounts are ``Decimal``; pint quantities are made on demand from ``perfmetrics.ureg``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from attrs import field, frozen

from perfmetrics.errors import UnitMismatchError
from perfmetrics.units.registry import convert
from perfmetrics.values import render as _render
from perfmetrics.values.notices import WarningCode
from perfmetrics.values.primitives import (
    COMPARATOR_OF_TERMINAL,
    Amount,
    Comparator,
    Kind,
    MonthDay,
    YearlessSpan,
    format_decimal,
    to_decimal,
)

if TYPE_CHECKING:
    import pint

__all__ = [
    "COMPARATOR_OF_TERMINAL",
    "Amount",
    "BaseValue",
    "Comparator",
    "DateValue",
    "Kind",
    "MonthDay",
    "PeriodValue",
    "QualitativeValue",
    "QuantityValue",
    "RangeValue",
    "RecurringValue",
    "Value",
    "YearlessSpan",
    "format_decimal",
    "to_decimal",
]


_YEARLESS = WarningCode.YEARLESS


def _to_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@frozen(kw_only=True)
class BaseValue:
    """What every parsed value has. Use the subclasses; ``Value`` is their union."""

    kind: ClassVar[Kind]

    note: str = ""
    #: Things the parser noticed and the caller may want to know (an unknown unit, a missing year).
    warnings: tuple[str, ...] = field(default=(), eq=False, converter=_to_tuple)
    #: The input, untouched.
    text: str = field(default="", eq=False, repr=False)
    #: Offsets ``(start, end)`` of the structured part within ``text`` (notes excluded).
    span: tuple[int, int] = field(default=(0, 0), eq=False, repr=False)
    #: How many leading characters of ``note`` stood before the number (``预计`` of ``预计400人``,
    #: ``总次数`` of ``不超过总次数5%``); the rest trailed the value. Only rendering uses it.
    note_split: int = field(default=0, eq=False, repr=False)

    @property
    def op(self) -> Comparator | None:
        """The comparator; ``None`` for qualitative values and periods."""
        return None

    @property
    def op_explicit(self) -> bool:
        """False when no comparator was written (``100%`` reads as ``==``)."""
        return False

    @property
    def quantity(self) -> pint.Quantity[Any] | None:
        """The target as a pint Quantity (quantities only)."""
        return None

    @property
    def low(self) -> pint.Quantity[Any] | None:
        """Lower bound of a range as a pint Quantity (ranges only)."""
        return None

    @property
    def high(self) -> pint.Quantity[Any] | None:
        """Upper bound of a range as a pint Quantity (ranges only)."""
        return None

    @property
    def start(self) -> dt.date | None:
        """First day, inclusive (dates and periods; ``None`` when open or year unknown)."""
        return None

    @property
    def end(self) -> dt.date | None:
        """Last day, inclusive (dates and periods; ``None`` when open or year unknown)."""
        return None

    @property
    def is_structured(self) -> bool:
        """True for every kind but qualitative."""
        return self.kind is not Kind.QUALITATIVE

    def resolve(self, year: int) -> Value:
        """Return this value with year-less dates placed in ``year`` (others are returned as is)."""
        return self  # type: ignore[return-value]

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: strings, numbers as strings, ISO dates, ``None``."""
        return _render.to_dict(self)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return _render.render(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        return _render.to_html(self)  # type: ignore[arg-type]


@frozen(kw_only=True)
class QuantityValue(BaseValue):
    """One number as the target: ``≥8500台次/年``, ``100%``, ``≤262.96万元``, ``3个工作日内``."""

    kind: ClassVar[Kind] = Kind.QUANTITY

    op: Comparator
    amount: Amount
    op_explicit: bool = True

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The target amount as a pint Quantity."""
        return self.amount.quantity

    @property
    def magnitude(self) -> Decimal:
        """The number, exact."""
        return self.amount.magnitude

    @property
    def unit(self) -> str:
        """The canonical unit text (``""`` when none)."""
        return self.amount.unit


def _ordered_bounds(instance: RangeValue, _attribute: object, upper: Amount) -> None:
    lower = instance.lower.magnitude
    if instance.lower.unit != upper.unit and instance.lower.unit:
        try:  # `5万元-100元` is reversed
            lower = convert(lower, instance.lower.unit, upper.unit)
        except UnitMismatchError:
            return  # ends that do not convert have no order (the parser refuses them)
    if lower > upper.magnitude:
        raise ValueError(f"range bounds are reversed: {instance.lower} > {upper}")


@frozen(kw_only=True)
class RangeValue(BaseValue):
    """Two numbers bounding the target, ends included: ``3-6本/期``, ``45%-60%``.

    ``op`` is ``==`` (the actual must lie within) and never explicit.
    """

    kind: ClassVar[Kind] = Kind.RANGE

    lower: Amount
    upper: Amount = field(validator=_ordered_bounds)

    @property
    def op(self) -> Comparator:
        """``==``: the actual must lie within the bounds."""
        return Comparator.EQ

    @property
    def low(self) -> pint.Quantity[Any]:
        """The lower bound as a pint Quantity."""
        return self.lower.quantity

    @property
    def high(self) -> pint.Quantity[Any]:
        """The upper bound as a pint Quantity."""
        return self.upper.quantity

    @property
    def unit(self) -> str:
        """The canonical unit of the upper bound (the lower one inherits it when unwritten)."""
        return self.upper.unit


def _check_order(
    instance: DateValue | PeriodValue, _attribute: object, end: dt.date | None
) -> None:
    if instance.start is not None and end is not None and instance.start > end:
        raise ValueError(f"the period ends ({end}) before it starts ({instance.start})")


def _resolve_yearless(value: DateValue | PeriodValue, year: int) -> dict[str, Any]:
    assert value.yearless is not None
    bounds = value.yearless
    return {
        "start": bounds.start.on(year) if bounds.start else None,
        "end": bounds.end.on(year) if bounds.end else None,
        "yearless": None,
        "warnings": tuple(w for w in value.warnings if getattr(w, "code", None) is not _YEARLESS),
    }


@frozen(kw_only=True)
class DateValue(BaseValue):
    """A calendar point with a comparator: a deadline or a named month or day.

    ``start`` and ``end`` are the first and last day of the point that was written, and ``op``
    says how the actual date relates to it: ``<=`` on or before ``end`` (``2022年12月底前``,
    ``2022年内完成``), ``==`` within [start, end] (``2023年1月``), ``>=`` on or after ``start``,
    ``<`` before ``start``, ``>`` after ``end``.

    When the year was not written and none was given, ``start``/``end`` are ``None`` and
    ``yearless`` holds months and days; :meth:`resolve` places them in a year.
    """

    kind: ClassVar[Kind] = Kind.DATE

    op: Comparator
    start: dt.date | None = None
    end: dt.date | None = field(default=None, validator=_check_order)
    op_explicit: bool = False
    yearless: YearlessSpan | None = None

    def resolve(self, year: int) -> Value:
        """Place a year-less date in ``year``."""
        if self.yearless is None:
            return self
        return attrs.evolve(self, **_resolve_yearless(self, year))


@frozen(kw_only=True)
class PeriodValue(BaseValue):
    """A calendar span, both ends included: ``2025年1月至2025年12月``, ``2022年全年``."""

    kind: ClassVar[Kind] = Kind.PERIOD

    start: dt.date | None = None
    end: dt.date | None = field(default=None, validator=_check_order)
    yearless: YearlessSpan | None = None

    def resolve(self, year: int) -> Value:
        """Place a year-less period in ``year``."""
        if self.yearless is None:
            return self
        return attrs.evolve(self, **_resolve_yearless(self, year))


@frozen(kw_only=True)
class QualitativeValue(BaseValue):
    """No number is the target: ``保障``, ``提升``, ``及时``, ``是``, ``达到标准``.

    ``content`` is the text with widths folded and spaces removed; two qualitative values are
    equal when their contents are.
    """

    kind: ClassVar[Kind] = Kind.QUALITATIVE

    content: str


@frozen(kw_only=True)
class RecurringValue(BaseValue):
    """A deadline that comes back every period: ``每月8号前``, ``每季度末``, ``每年年底``.

    It is neither one date nor a span, so it is never judged against one date. ``period`` is the
    canonical unit of the period (``月``, ``季度``, ``年``, ``周``); ``day`` the day within it, or
    ``None`` for the end of the period; ``op`` is ``<=`` when a deadline (前) is written.
    """

    kind: ClassVar[Kind] = Kind.RECURRING

    period: str
    #: The month within a yearly period (`每年12月底前`), else ``None``.
    month: int | None = field(default=None)
    day: int | None = field(default=None)
    op: Comparator = Comparator.EQ

    @property
    def op_explicit(self) -> bool:
        """True when a deadline (前) was written."""
        return self.op is not Comparator.EQ


#: Any parsed value.
Value = QuantityValue | RangeValue | DateValue | PeriodValue | RecurringValue | QualitativeValue
