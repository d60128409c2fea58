"""Frozen attrs models of a parsed 指标值: comparators, amounts and the five kinds of value.

No parsing happens here. Every value offers the same read-only attributes (``kind``, ``op``,
``op_explicit``, ``quantity``, ``low``, ``high``, ``start``, ``end``, ``note``, ``text``), so code
and data frames can treat them alike; attributes that do not apply to a kind are ``None``.
Amounts are ``Decimal``; pint quantities are made on demand from ``perfmetrics.ureg``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from attrs import field, frozen

if TYPE_CHECKING:
    import pint

__all__ = [
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
    "Value",
    "YearlessSpan",
]


class Comparator(enum.StrEnum):
    """How a target bounds the actual; the value is the ASCII operator (``">="`` …)."""

    GE = ">="
    LE = "<="
    GT = ">"
    LT = "<"
    EQ = "=="

    def __repr__(self) -> str:
        """Show the plain operator (``'>='``): these are strings, and read best as strings."""
        return repr(self.value)

    @property
    def symbol(self) -> str:
        """The sign used in canonical text: ``≥ ≤ > < =``."""
        return _SYMBOLS[self]

    @property
    def is_floor(self) -> bool:
        """True for ``>=`` and ``>``: the actual must not fall below the target."""
        return self in (Comparator.GE, Comparator.GT)

    @property
    def is_ceiling(self) -> bool:
        """True for ``<=`` and ``<``: the actual must not rise above the target."""
        return self in (Comparator.LE, Comparator.LT)

    def holds(self, difference: int) -> bool:
        """Say whether ``actual op target`` holds, given the sign of ``actual - target``.

        >>> Comparator.GE.holds(0), Comparator.GT.holds(0), Comparator.LE.holds(-1)
        (True, False, True)
        """
        if self is Comparator.GE:
            return difference >= 0
        if self is Comparator.LE:
            return difference <= 0
        if self is Comparator.GT:
            return difference > 0
        if self is Comparator.LT:
            return difference < 0
        return difference == 0


_SYMBOLS = {
    Comparator.GE: "≥",
    Comparator.LE: "≤",
    Comparator.GT: ">",
    Comparator.LT: "<",
    Comparator.EQ: "=",
}

#: Grammar terminal → comparator. The written spellings (不低于, 以内, ＞ …) of each terminal are
#: listed once, in grammar/perfmetrics.lark; this table is the only other place that names them.
COMPARATOR_OF_TERMINAL: dict[str, Comparator] = {
    "GE_WORD": Comparator.GE,
    "GE_SUFFIX": Comparator.GE,
    "LE_WORD": Comparator.LE,
    "LE_SUFFIX": Comparator.LE,
    "GT_WORD": Comparator.GT,
    "LT_WORD": Comparator.LT,
    "EQ_WORD": Comparator.EQ,
}


class Kind(enum.StrEnum):
    """The five kinds of value."""

    QUANTITY = "quantity"
    RANGE = "range"
    DATE = "date"
    PERIOD = "period"
    QUALITATIVE = "qualitative"

    def __repr__(self) -> str:
        """Show the plain kind (``'quantity'``)."""
        return repr(self.value)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert an int or str to Decimal (floats are refused: they carry binary error)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"amounts are Decimal, int or str, not {type(value).__name__}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def _finite(_instance: object, _attribute: object, value: Decimal) -> None:
    if not value.is_finite():
        raise ValueError(f"an amount must be a finite number, not {value}")


def format_decimal(value: Decimal) -> str:
    """Write a Decimal in plain positional notation, as written (``1.7E+4`` → ``17000``).

    >>> format_decimal(Decimal("1.7E+4")), format_decimal(Decimal("100.00"))
    ('17000', '100.00')
    """
    return format(value, "f")


def _to_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@frozen
class Amount:
    """A number with its unit: ``magnitude`` is exact, ``unit`` a canonical unit text.

    ``unit`` is ``""`` for a plain number, ``"%"`` for percent, otherwise registry names joined
    by ``/`` (divide) and ``·`` (multiply): ``元/人/月``, ``台次/年``.
    """

    magnitude: Decimal = field(converter=to_decimal, validator=_finite)
    unit: str = ""

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """Return the amount as a pint Quantity of ``perfmetrics.ureg``."""
        from perfmetrics.units.registry import quantity

        return quantity(self.magnitude, self.unit)

    def __str__(self) -> str:
        # A number right before 月 names a month (`6月` is June): a duration is written 个月.
        unit = f"个{self.unit}" if self.unit.startswith("月") else self.unit
        return f"{format_decimal(self.magnitude)}{unit}"


@frozen
class MonthDay:
    """A month and day without a year; ``day`` 0 means the last day of the month."""

    month: int = field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))
    )
    day: int = field(
        default=0, validator=attrs.validators.and_(attrs.validators.ge(0), attrs.validators.le(31))
    )

    @classmethod
    def of(cls, month: int, day: int) -> MonthDay:
        """Build a MonthDay, writing the last day of a fixed-length month as 0 (12月31日 = 12月底).

        >>> MonthDay.of(12, 31) == MonthDay(12, 0), MonthDay.of(2, 28).day
        (True, 28)
        """
        if month != 2 and day == calendar.monthrange(2001, month)[1]:
            return cls(month, 0)
        return cls(month, day)

    def on(self, year: int) -> dt.date:
        """Return this day in ``year`` (the month's last day when ``day`` is 0 or too large)."""
        last = calendar.monthrange(year, self.month)[1]
        return dt.date(year, self.month, min(self.day, last) if self.day else last)


@frozen
class YearlessSpan:
    """Calendar bounds whose year was not written (``12月底前``, ``1-12月``, ``当年``).

    They resolve to dates once a reference year is known (``parse(text, year=2022)``).
    """

    start: MonthDay | None
    end: MonthDay | None


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
        from perfmetrics.values.render import to_dict

        return to_dict(self)  # type: ignore[arg-type]

    def __str__(self) -> str:
        from perfmetrics.values.render import render

        return render(self)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        from perfmetrics.values.render import to_html

        return to_html(self)  # type: ignore[arg-type]


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
    if instance.lower.unit == upper.unit and instance.lower.magnitude > upper.magnitude:
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
        "warnings": tuple(w for w in value.warnings if not w.startswith("year not written")),
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


#: Any parsed value.
Value = QuantityValue | RangeValue | DateValue | PeriodValue | QualitativeValue
