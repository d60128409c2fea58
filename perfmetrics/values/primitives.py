"""The pieces values are made of: comparators, kinds, exact amounts and year-less days.

Frozen attrs classes and enums with no parsing and no rendering; :mod:`perfmetrics.values.model`
builds the five kinds of value from them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs
import regex
from attrs import field, frozen

from perfmetrics.errors import InputTypeError
from perfmetrics.units.registry import quantity

if TYPE_CHECKING:
    import pint

__all__ = [
    "COMPARATOR_OF_TERMINAL",
    "Amount",
    "Comparator",
    "Kind",
    "MonthDay",
    "YearlessSpan",
    "format_decimal",
    "reads_as_calendar",
    "to_decimal",
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
    """The kinds of value."""

    QUANTITY = "quantity"
    RANGE = "range"
    DATE = "date"
    PERIOD = "period"
    RECURRING = "recurring"
    QUALITATIVE = "qualitative"

    def __repr__(self) -> str:
        """Show the plain kind (``'quantity'``)."""
        return repr(self.value)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert an int or str to Decimal (floats are refused: they carry binary error).

    Raises:
        InputTypeError: a float, bool or other type; a text that is no finite number.

    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InputTypeError(f"amounts are Decimal, int or str, not {type(value).__name__}")
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except InvalidOperation as exc:
        raise InputTypeError(f"not a number: {value!r}") from exc
    if not number.is_finite():
        raise InputTypeError(f"an amount is a finite number, not {value!r}")
    return number


def _finite(_instance: object, _attribute: object, value: Decimal) -> None:
    if not value.is_finite():
        raise ValueError(f"an amount must be a finite number, not {value}")


def format_decimal(value: Decimal) -> str:
    """Write a Decimal in plain positional notation, as written (``1.7E+4`` → ``17000``).

    >>> format_decimal(Decimal("1.7E+4")), format_decimal(Decimal("100.00"))
    ('17000', '100.00')
    """
    return format(value, "f")


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
        return quantity(self.magnitude, self.unit)

    def __str__(self) -> str:
        # A number right before 月 names a month (`6月` is June), a year's number before 年 a
        # year (`2022年`): such durations are written with the measure word (`6个月`, `2022个年`).
        number = format_decimal(self.magnitude)
        measured = self.unit and reads_as_calendar(number, self.unit)
        unit = f"个{self.unit}" if measured else self.unit
        return f"{number}{unit}"


#: What the grammar reads as a year before 年 (the YEAR terminal), and as a month with no unit
#: after it (DOTTED_MONTH: `2022.1`, `≥2022.12`).
_YEAR_NUMBER = regex.compile(r"(?:19|20)[0-9]{2}")
_DOTTED_MONTH_NUMBER = regex.compile(r"(?:19|20)[0-9]{2}\.(?:0?[1-9]|1[0-2])")


def reads_as_calendar(number: str, unit: str) -> bool:
    """Say whether ``number`` written right before ``unit`` reads as a calendar point.

    A number before 月 is a month, a year's number before 年 a year, and a year's number with a
    month's decimals and no unit a month (when nothing but a comparator or a deadline word is
    around it).

    >>> [reads_as_calendar(*pair) for pair in [("6", "月"), ("2022", "年"), ("3", "年")]]
    [True, True, False]
    >>> reads_as_calendar("2022.1", ""), reads_as_calendar("2022.13", "")
    (True, False)
    """
    if unit.startswith("月"):
        return True
    if unit.startswith("年"):
        return _YEAR_NUMBER.fullmatch(number) is not None
    return not unit and _DOTTED_MONTH_NUMBER.fullmatch(number) is not None


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
