"""Transformer rules for quantities and ranges: comparators, numbers, units, amounts.

A mixin of :class:`perfmetrics.values.transformer.ValueTransformer`; each method is named after
the grammar rule or alias it builds (grammar/perfmetrics.lark, section "quantities" and "ranges").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lark import Token

from perfmetrics.errors import SemanticError
from perfmetrics.units.names import base_of_family, canonical_spelling, units_of_family
from perfmetrics.units.registry import convert, same_dimension
from perfmetrics.values.model import (
    COMPARATOR_OF_TERMINAL,
    Amount,
    Comparator,
    QuantityValue,
    RangeValue,
)
from perfmetrics.values.notices import WarningCode, warning
from perfmetrics.values.numerals import check_digits, chinese_number, scaled
from perfmetrics.values.pieces import (
    AmountPart,
    Bound,
    Core,
    Note,
    Number,
    PerLead,
    Unit,
    end,
    pos,
)
from perfmetrics.vocabulary import mapping

__all__ = ["MAX_PERCENT", "QuantityRules"]

#: Percentages beyond this are not rates but typing errors (or overflow).
MAX_PERCENT = Decimal(1_000_000)
#: Units whose amounts may be negative (a change in a rate or a temperature).
_SIGNED = frozenset({"%", "‰", "℃", "℉"})


class QuantityRules:
    """Rules of quantities (``≥8500台次/年``), numbers, units and ranges (``3-6本/期``)."""

    def quantity(self, *children: Any) -> Core:
        prefix: Bound | None = None
        suffix: Bound | None = None
        before: list[str] = []
        after: list[str] = []
        number: Number | None = None
        unit: Unit | None = None
        over = False
        stop = 0
        per: PerLead | None = None
        percent_of: Token | None = None
        inclusive: Token | None = None
        for child in children:
            if isinstance(child, PerLead):
                per = child
            elif isinstance(child, Bound):
                if number is None:
                    prefix = child
                else:
                    suffix = child
                    stop = child.position
            elif isinstance(child, Note):
                before.append(child.text)
            elif isinstance(child, Number):
                number = child
                stop = child.end
            elif isinstance(child, Unit):
                unit = child
                stop = child.end
            elif child.type == "OVER":
                over = True
            elif child.type == "INCLUSIVE":  # `≥95%(含)`: the bound is included, as ever
                inclusive = child
                stop = end(child)
            elif child.type == "PERCENT_OF":  # `百分之95`: the unit is written before the number
                percent_of = child
            else:  # HEDGE_AFTER (左右)
                after.append(str(child))
                stop = end(child)
        assert number is not None
        if inclusive is not None and prefix is None:
            # `100(含)`: "inclusive" of a bound that no comparator sets
            raise SemanticError(f"{inclusive} with no comparator before the number", pos(inclusive))
        if percent_of is not None:
            if unit is not None:
                raise SemanticError(
                    f"{percent_of} and the unit {unit.text} after the number", pos(percent_of)
                )
            unit = Unit(mapping("percent_of")[str(percent_of)], number.end)
        if per is not None:  # 每人每月300元: the divisors written before the number divide the unit
            unit = _per(unit, per, number)
        part = self._make_amount(number, unit)
        start = per.start if per else prefix.position if prefix else part.start
        if prefix and suffix and prefix.op is not suffix.op:
            raise SemanticError(
                f"the comparator before ({prefix.op.symbol}) and after ({suffix.op.symbol}) "
                "disagree",
                start,
                ambiguous=True,
            )
        if over:
            if prefix or suffix:
                raise SemanticError(
                    "余/多 (more than) and a comparator together", start, ambiguous=True
                )
            prefix = Bound(Comparator.GT, part.start)
        bound = prefix or suffix
        fields = {
            "op": bound.op if bound else Comparator.EQ,
            "op_explicit": bound is not None,
            "amount": part.amount,
        }
        return Core(
            QuantityValue,
            fields,
            start,
            stop,
            tuple(before),
            part.warnings,
            tuple(after),
            chinese=number.chinese,
        )

    def _prefix(self, token: Token) -> Bound:
        return Bound(COMPARATOR_OF_TERMINAL[token.type], pos(token))

    ge = le = gt = lt = eq = _prefix

    def ge_suffix(self, *tokens: Token) -> Bound:
        return Bound(Comparator.GE, end(tokens[-1]))

    def le_suffix(self, *tokens: Token) -> Bound:
        return Bound(Comparator.LE, end(tokens[-1]))

    def mid_note(self, *chars: Token) -> Note:
        return Note("".join(str(c) for c in chars), pos(chars[0]))

    @staticmethod
    def _make_amount(number: Number, unit: Unit | None) -> AmountPart:
        unit_text = unit.text if unit else ""
        warnings: tuple[str, ...] = ()
        if number.multiplied and not unit_text:
            message = (
                f"multiplier folded into {number.value}; no unit was written, so the unit is "
                "unknown"
            )
            warnings = (warning(WarningCode.MULTIPLIER_WITHOUT_UNIT, message),)
        if number.negative and unit_text and "/" not in unit_text and unit_text not in _SIGNED:
            raise SemanticError(
                f"a count or amount of {unit_text} cannot be negative", number.start
            )
        if unit_text in units_of_family("percent") and abs(number.value) > MAX_PERCENT:
            raise SemanticError(
                f"{number.value}{unit_text} is not a plausible rate (more than {MAX_PERCENT}%)",
                number.start,
            )
        stop = unit.end if unit else number.end
        return AmountPart(Amount(number.value, unit_text), number.start, stop, warnings)

    # ------------------------------------------------------------------ numbers
    def arabic(self, *tokens: Token) -> Number:
        negative = tokens[0].type == "MINUS"
        digits_token = tokens[1] if negative else tokens[0]
        value = Decimal(str(digits_token).replace(",", ""))
        check_digits(value, pos(digits_token))
        multiplied = False
        stop = end(digits_token)
        if tokens[-1].type == "MULT":
            value = scaled(value, str(tokens[-1]), pos(tokens[-1]))
            multiplied = True
            stop = end(tokens[-1])
        if negative:
            value = -value
        return Number(value, pos(tokens[0]), stop, multiplied, negative)

    def chinese(self, digits: Token, mult: Token | None = None) -> Number:
        value = Decimal(chinese_number(str(digits)))
        stop = end(digits)
        if mult is not None:
            value = scaled(value, str(mult), pos(mult))
            stop = end(mult)
        return Number(value, pos(digits), stop, mult is not None, False, chinese=True)

    # ------------------------------------------------------------------ units
    def compound_unit(self, first: Unit, *rest: Unit | Token) -> Unit:
        divisors = [part for part in rest if isinstance(part, Unit)]
        text = "/".join([first.text, *(d.text for d in divisors)])
        return Unit(text, divisors[-1].end)

    def per_unit(self, *parts: Unit | Token) -> Unit:
        """Build a rate with no numerator unit (`≤15.5/亩`): its text starts with ``/``."""
        divisors = [part for part in parts if isinstance(part, Unit)]
        return Unit("/" + "/".join(d.text for d in divisors), divisors[-1].end)

    def product(self, *parts: Unit | Token) -> Unit:
        atoms = [part for part in parts if isinstance(part, Unit)]
        return Unit("·".join(a.text for a in atoms), atoms[-1].end)

    def per_lead(self, *parts: Unit | Token) -> PerLead:
        divisors = tuple(part.text for part in parts if isinstance(part, Unit))
        first = parts[0]
        return PerLead(divisors, pos(first) if isinstance(first, Token) else 0)

    def unit_word(self, token: Token) -> Unit:
        return Unit(canonical_spelling(str(token)), end(token))

    year_unit = day_unit = month_unit = quarter_unit = each_unit = unit_word

    def _measured(self, _measure: Token, token: Token) -> Unit:
        return Unit(canonical_spelling(str(token)), end(token))

    measured_unit = measured_month = measured_year = _measured

    def tolerance(self, *children: Any) -> Core:
        """`±3%以内`, `≤±5%`: from -3% to 3% (以内 and ≤ only confirm it)."""
        sign = next(child for child in children if isinstance(child, Token))
        number = next(child for child in children if isinstance(child, Number))
        rest = children[children.index(number) + 1 :]
        unit = next((part for part in rest if isinstance(part, Unit)), None)
        per = next((child for child in children if isinstance(child, PerLead)), None)
        if per is not None:  # 每季度±1.5万元: the divisors before the number divide the unit
            unit = _per(unit, per, number)
        high = self._make_amount(number, unit)
        low = Amount(-high.amount.magnitude, high.amount.unit)
        bounds = [child for child in children if isinstance(child, Bound)]
        if any(bound.op is not Comparator.LE for bound in bounds):
            raise SemanticError(
                "± and a comparator other than ≤ disagree", pos(sign), ambiguous=True
            )
        suffix = next((part for part in rest if isinstance(part, Bound)), None)
        start = bounds[0].position if bounds and bounds[0] is not suffix else pos(sign)
        start = per.start if per is not None else start
        stop = suffix.position if suffix else high.end
        fields = {"lower": low, "upper": high.amount}
        return Core(RangeValue, fields, start, stop, (), high.warnings)

    # ------------------------------------------------------------------ ranges
    def range(self, *children: Any) -> Core:
        numbers: list[Number] = []
        parts: list[Unit | None] = [None, None]
        hedge: tuple[str, ...] = ()
        first: Bound | None = None
        per: PerLead | None = None
        for child in children:
            if isinstance(child, PerLead):
                per = child
            elif isinstance(child, Number):
                numbers.append(child)
            elif isinstance(child, Unit):
                parts[len(numbers) - 1] = child
            elif isinstance(child, Bound):
                # `≥95%-100%`, `≥80%-≤90%`: only ≥ before the low end and ≤ before the high one
                wanted = Comparator.LE if numbers else Comparator.GE
                if child.op is not wanted:
                    raise SemanticError(
                        f"{child.op.symbol} before an end of a range",
                        child.position,
                        ambiguous=True,
                    )
                first = first or (child if not numbers else None)
            elif child.type == "HEDGE_AFTER":  # 左右
                hedge = (str(child),)
        low_number, high_number = numbers
        low_unit, high_unit = parts
        if per is not None:  # 每月2-3次: the divisors written before the numbers divide both ends
            high_unit = _per(high_unit, per, high_number)
            low_unit = _per(low_unit, per, low_number) if low_unit else None
        if low_unit is None and high_unit is not None:
            low_unit = Unit(high_unit.text, low_number.end)
            low_number = _in_money_unit(low_number, high_unit.text)
        low_part = self._make_amount(low_number, low_unit)
        high_part = self._make_amount(high_number, high_unit)
        low, high, start, stop = low_part.amount, high_part.amount, low_part.start, high_part.end
        start = per.start if per else first.position if first else start
        if low.unit != high.unit and not same_dimension(low.unit, high.unit):
            raise SemanticError(
                f"the two ends of the range are in different units ({low.unit or 'none'}, "
                f"{high.unit or 'none'})",
                start,
            )
        fields = {"lower": low, "upper": high}
        warnings = low_part.warnings + high_part.warnings
        return Core(RangeValue, fields, start, stop, (), warnings, hedge)


def _in_money_unit(number: Number, unit: str) -> Number:
    """Put a low end with a folded multiplier into the high end's money unit.

    `1000万-2000万元`: the low end was folded to 10000000 (元); in 万元 it is 1000.
    """
    base = base_of_family("money")
    if not number.multiplied or base is None or unit not in units_of_family("money"):
        return number
    return number._replace(value=convert(number.value, base, unit), multiplied=False)


def _per(unit: Unit | None, per: PerLead, number: Number) -> Unit:
    """Divide a unit by the divisors written before the number (`每人每月300元`)."""
    text = "/".join((unit.text if unit else "", *per.divisors))
    return Unit(text, unit.end if unit else number.end)
