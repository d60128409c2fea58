"""The one pint registry of perfmetrics, and the spellings of units as written in a 指标值.

The registry is built on first use (``import perfmetrics`` stays light) with
``non_int_type=Decimal`` so that money and percentages never pick up binary floating-point
error. Units of a parsed value are kept as a canonical text (``元/人/月``, ``%``); this module turns
that text into pint units and translates pint's errors into perfmetrics' own.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import regex

from perfmetrics.errors import UnitMismatchError
from perfmetrics.units.definitions import definitions_text, registry_names
from perfmetrics.units.loading import build_registry

if TYPE_CHECKING:
    import pint

__all__ = [
    "convert",
    "get_registry",
    "is_known_unit",
    "pint_unit",
    "quantity",
    "same_dimension",
]

_IDENTIFIER = regex.compile(r"^[\p{L}_][\p{L}\p{N}_]*$")
_lock = threading.Lock()


_registry_lock = threading.Lock()
_registry: list[pint.UnitRegistry[Any]] = []


def get_registry() -> pint.UnitRegistry[Any]:
    """Return the process-wide registry, building it on first call (under a lock).

    Never build another one: quantities of different registries cannot be combined. Threads that
    ask at the same time wait for the one registry.
    """
    if not _registry:
        with _registry_lock:
            if not _registry:
                _registry.append(build_registry(definitions_text(), uses=registry_names().values()))
    return _registry[0]


def _registry_name(name: str) -> str:
    return registry_names().get(name, name)


def is_known_unit(name: str) -> bool:
    """Say whether a canonical unit name is defined (without defining anything)."""
    registry = get_registry()
    try:
        registry.parse_units(_registry_name(name))
    except Exception:
        return False
    return True


def _ensure_defined(name: str) -> None:
    """Define an ad-hoc counting unit met in a document (``艘``) as a dimension of its own."""
    registry = get_registry()
    with _lock:
        if name in registry:
            return
        if not _IDENTIFIER.match(name):
            raise UnitMismatchError(name, name, f"{name!r} is not a usable unit name")
        registry.define(f"{name} = [adhoc_{name}]")


def _atoms(canonical: str) -> Iterator[tuple[str, bool]]:
    """Yield each unit word of a canonical unit text and whether it divides (stands after ``/``).

    >>> list(_atoms("元/人·月")), list(_atoms("/亩"))
    ([('元', False), ('人', True), ('月', True)], [('亩', True)])

    A rate with no numerator unit (``/亩`` of ``≤15.5/亩``) has a dimensionless numerator.
    """
    if not canonical:
        return
    for index, group in enumerate(canonical.split("/")):
        for name in group.split("·"):
            if name:
                yield name, index > 0


@functools.cache
def pint_unit(canonical: str) -> pint.Unit:
    """Return the pint unit for a canonical unit text such as ``元/人/月`` or ``%``.

    ``·`` multiplies and every ``/`` divides, so ``元/人·月`` equals ``元/人/月``. The empty text is
    dimensionless. Unknown single words are defined on the fly as counting units.
    """
    registry = get_registry()
    unit = registry.Unit("dimensionless")
    for name, divides in _atoms(canonical):
        registry_name = _registry_name(name)
        if registry_name not in registry_names().values() and registry_name not in registry:
            _ensure_defined(registry_name)
        atom = registry.Unit(registry_name)
        unit = unit / atom if divides else unit * atom
    return unit


def quantity(magnitude: Decimal, canonical: str) -> pint.Quantity[Any]:
    """Return ``magnitude`` in the unit named by ``canonical`` as a Quantity of the registry."""
    return get_registry().Quantity(magnitude, pint_unit(canonical))


def same_dimension(first: str, second: str) -> bool:
    """Say whether two canonical units measure the same thing (and so convert into each other)."""
    return bool(pint_unit(first).dimensionality == pint_unit(second).dimensionality)


@functools.cache
def _exact_factor(canonical: str) -> tuple[Decimal, Decimal, str]:
    """Return (numerator, denominator, base units) of a canonical unit, each factor exact.

    Factors are multiplied atom by atom (月 is 2629800 s, 万元 is 10000 元), never divided, so
    that a conversion divides only once, at the end: 450 分钟 is exactly 7.5 小时.
    """
    registry = get_registry()
    numerator, denominator = Decimal(1), Decimal(1)
    for name, divides in _atoms(canonical):
        factor, _ = registry.get_base_units(pint_unit(name))
        if divides:
            denominator *= Decimal(str(factor))
        else:
            numerator *= Decimal(str(factor))
    _, base = registry.get_base_units(pint_unit(canonical))
    return numerator, denominator, str(base)


def convert(magnitude: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert a Decimal magnitude between canonical units, exactly where the result allows.

    Raises:
        UnitMismatchError: the units measure different things (人 and 人次, 万元 and 天).

    >>> convert(Decimal("262.96"), "万元", "元")
    Decimal('2629600.00')
    >>> convert(Decimal("95"), "%", ""), convert(Decimal("450"), "分钟", "小时")
    (Decimal('0.95'), Decimal('7.5'))
    """
    if from_unit == to_unit:
        return magnitude
    import pint

    try:
        source = _exact_factor(from_unit)
        target = _exact_factor(to_unit)
    except pint.PintError as exc:  # offset units (℃) have no plain factor
        raise UnitMismatchError(to_unit, from_unit, str(exc)) from exc
    if source[2] != target[2]:
        raise UnitMismatchError(to_unit, from_unit, "they measure different things")
    return _tidy(magnitude * source[0] * target[1] / (source[1] * target[0]))


def _tidy(value: Decimal) -> Decimal:
    """Drop the long tail of zeros that Decimal division leaves (``5.000000000000000000`` → 5)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) if exponent < -2 else value
    return value.normalize() if exponent < -12 else value
