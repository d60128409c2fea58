"""Put an actual's amount into the target's unit, saying how a missing unit was read.

A side written without a unit takes the other side's unit (``98`` against ``≥90%`` is 98%). A
multiplier written without a unit (``99万``) is already folded into the number (990000): against
a money target in 万元 that number is in 元, the unit the multiplier scales, not in 万元 (which
would count the 万 twice: 990000万元).
"""

from __future__ import annotations

from decimal import Decimal

from perfmetrics.units.names import base_of_family, units_of_family
from perfmetrics.units.registry import convert
from perfmetrics.values.model import QuantityValue, RangeValue, format_decimal
from perfmetrics.values.notices import WarningCode, has_warning

__all__ = ["aligned"]

_RATES = frozenset(units_of_family("percent"))


def _folded(value: QuantityValue | RangeValue) -> bool:
    return has_warning(value.warnings, WarningCode.MULTIPLIER_WITHOUT_UNIT)


def _scaled_unit(unit: str) -> str:
    """Return the unit a folded multiplier's number counts in beside ``unit`` (元 beside 万元)."""
    base = base_of_family("money")
    return base if base is not None and unit in units_of_family("money") else unit


def aligned(target: QuantityValue | RangeValue, actual: QuantityValue) -> tuple[Decimal, str]:
    """Return the actual's magnitude in the target's unit, and a note on how it was read.

    Where the target has no unit and the actual has one, the actual's number is returned as
    written (or, against a folded multiplier such as ``≦5万``, in 元).

    >>> from perfmetrics.values.api import parse
    >>> aligned(parse("≤100万元"), parse("99万"))
    (Decimal('99'), ' (the actual has no unit: 990000 read as 元)')
    >>> aligned(parse("≦5万"), parse("6万元"))
    (Decimal('60000'), ' (the target has no unit: 50000 read as 元)')
    """
    unit, amount = target.unit, actual.amount
    if not amount.unit and unit:
        scaled = _scaled_unit(unit) if _folded(actual) else unit
        if scaled != unit:
            read = f"{format_decimal(amount.magnitude)} read as {scaled}"
            return convert(amount.magnitude, scaled, unit), f" (the actual has no unit: {read})"
        return amount.magnitude, f" (the actual has no unit: read as {unit})"
    if amount.unit and not unit and amount.unit not in _RATES:
        scaled = _scaled_unit(amount.unit) if _folded(target) else amount.unit
        if scaled != amount.unit:
            size = target.magnitude if isinstance(target, QuantityValue) else target.upper.magnitude
            how = f" (the target has no unit: {format_decimal(size)} read as {scaled})"
            return convert(amount.magnitude, amount.unit, scaled), how
        return amount.magnitude, f" (the target has no unit: read as {amount.unit})"
    return convert(amount.magnitude, amount.unit, unit), ""
