"""Grades: which tier (优/良/中/差) of a department-level table an actual reaches.

A tier is a target like any other and is judged with :func:`perfmetrics.judging.meets.compare`;
what is particular to tiers is the direction of a bare one (``95%`` next to ``≥85%`` is a floor),
taken from its neighbours.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_instance, require_year
from perfmetrics.errors import UnitMismatchError
from perfmetrics.judging.doubts import is_bound
from perfmetrics.judging.meets import as_value, compare, effective_op
from perfmetrics.values.model import Comparator, Kind, QuantityValue, Value

__all__ = ["grade"]

#: The comparator on the other side of a bound (the failing tier `<80%` makes the tiers above `≥`).
_OPPOSITE = {
    Comparator.GE: Comparator.LT,
    Comparator.GT: Comparator.LE,
    Comparator.LE: Comparator.GT,
    Comparator.LT: Comparator.GE,
    Comparator.EQ: Comparator.EQ,
}


def _tier_direction(values: list[Value], index: int) -> Comparator | None:
    """Return the direction a bare tier takes: its nearest explicit numeric neighbour's.

    The last tier is the failing one and bounds from the other side: next to 差 ``<80%`` a bare
    tier is a floor, next to 差 ``>5%`` a ceiling.
    """
    last = len(values) - 1
    order = sorted(range(len(values)), key=lambda other: (abs(other - index), other < index))
    for other in order:
        neighbour = values[other]
        if other != index and neighbour.op_explicit and neighbour.kind is Kind.QUANTITY:
            op = neighbour.op
            assert op is not None
            return _OPPOSITE[op] if other == last and other > index else op
    return None


@exact
def grade(
    tiers: Mapping[str, str | Value], actual: str | Value, *, year: int | None = None
) -> str | None:
    """Return the first tier (best first) whose target the actual meets, or None.

    An actual written as a bound (``≥95%``) gets a tier only when it surely meets it and cannot
    reach a better one: None when a better tier may or may not be met.

    A bare value in a tier takes the direction of its neighbours: ``{"优": "95%", "良": "≥85%",
    "中": "≥75%", "差": "<75%"}`` reads 优 as ≥95%. Text tiers (``及时``, ``延期一周``) match by
    text.

    Args:
        tiers: tier name → target, best first, as text or parsed values.
        actual: the 完成值, as text or parsed; a parsed value is used as it is (placed in
            ``year`` if it has a year-less date), so an actual parsed once for ``meets`` can be
            graded without parsing it again.
        year: reference year for dates written without one.

    Raises:
        InputTypeError: ``tiers`` is not a mapping; a target or the actual is not a str or a
            parsed value; ``year`` of the wrong type.
        ParseError: a target or the actual is blank text.

    >>> grade({"优": "100%", "良": "≥90%", "中": "≥80%", "差": "<80%"}, "92%")
    '良'
    """
    require_instance(tiers, Mapping, "grade()")
    require_year(year)
    names = list(tiers)
    values = [as_value(tiers[name], year=year, role="tier") for name in names]
    actual_value = as_value(actual, year=year, role="actual")
    bound = isinstance(actual_value, QuantityValue) and is_bound(actual_value)
    for index, (name, value) in enumerate(zip(names, values, strict=True)):
        if isinstance(value, QuantityValue) and not value.op_explicit:
            direction = _tier_direction(values, index)
            if direction is not None:
                value = attrs.evolve(value, op=direction, op_explicit=True)
        try:
            verdict = compare(value, actual_value, effective_op(value, None))
        except UnitMismatchError:
            continue
        if verdict.met:
            return name
        if verdict.met is None and bound:
            return None  # `≥95%` may reach 优 (100%) or not: no lower tier is certain
    return None
