"""The one pint registry of perfmetrics, and the spellings of units as written in a 指标值.

The registry is built on first use (``import perfmetrics`` stays light) with
``non_int_type=Decimal`` so that money and percentages never pick up binary floating-point
error. Units of a parsed value are kept as a canonical text (``元/人/月``, ``%``); this module turns
that text into pint units and translates pint's errors into perfmetrics' own.

One registry per process, built under a lock (in perfmetrics' own decimal context, so a caller's
context cannot break pint's arithmetic), and made pint's application registry. Its quantities
and units pickle by value (magnitude and unit names) and unpickle into the registry of the
process that loads them, defining the counting units met on the way (``艘``): they cross
process pools and Dask workers. The caches of unit texts are bounded (:data:`UNIT_CACHE_SIZE`),
and so is the number of counting units defined on the fly (:data:`MAX_ADHOC_UNITS`).
"""

from __future__ import annotations

import decimal
import functools
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import regex

from perfmetrics.arithmetic import WIDE, exact
from perfmetrics.errors import UnitMismatchError
from perfmetrics.units.definitions import definitions_text, registry_names
from perfmetrics.units.loading import build_registry

if TYPE_CHECKING:
    import pint

__all__ = [
    "MAX_ADHOC_UNITS",
    "UNIT_CACHE_SIZE",
    "adhoc_unit_count",
    "convert",
    "get_registry",
    "is_known_unit",
    "pint_unit",
    "quantity",
    "same_dimension",
]

_IDENTIFIER = regex.compile(r"^[\p{L}_][\p{L}\p{N}_]*$")
#: Guards defining units and reading them while another thread defines one (pint's caches).
_lock = threading.RLock()

#: Distinct unit texts whose pint unit and conversion factor are kept (least recently used go).
UNIT_CACHE_SIZE = 4096
#: Counting units a process defines on the fly (``艘``, ``篇``…); beyond it an unknown word is
#: refused (``UnitMismatchError``) instead of growing the registry without bound.
MAX_ADHOC_UNITS = 5_000

_registry_lock = threading.Lock()
_registry: list[pint.UnitRegistry[Any]] = []
_adhoc: set[str] = set()


def get_registry() -> pint.UnitRegistry[Any]:
    """Return the process-wide registry, building it on first call (under a lock).

    Never build another one: quantities of different registries cannot be combined. Threads that
    ask at the same time wait for the one registry. It becomes pint's application registry.
    """
    if not _registry:
        with _registry_lock:
            if not _registry:
                _registry.append(_build())
    return _registry[0]


@exact
def _build() -> pint.UnitRegistry[Any]:
    import pint

    registry = build_registry(definitions_text(), uses=registry_names().values())
    # This registry's own Quantity and Unit classes pickle by value (pint's default unpickles
    # into the application registry, which a fresh worker process has not built).
    registry.Quantity.__reduce__ = _reduce_quantity  # type: ignore[method-assign,assignment]
    registry.Unit.__reduce__ = _reduce_unit  # type: ignore[method-assign]
    pint.set_application_registry(registry)  # type: ignore[no-untyped-call]
    return registry


def _reduce_quantity(made: Any) -> tuple[Any, tuple[Any, dict[str, Any]]]:
    return (_unpickle_quantity, (made.magnitude, dict(made._units)))


def _reduce_unit(made: Any) -> tuple[Any, tuple[dict[str, Any]]]:
    return (_unpickle_unit, (dict(made._units),))


def _unit_of(names: dict[str, Any]) -> pint.Unit:
    from pint.util import UnitsContainer

    registry = get_registry()
    for name in names:
        if name not in registry:
            _ensure_defined(name)
    return registry.Unit(UnitsContainer(names))


def _unpickle_quantity(magnitude: Any, names: dict[str, Any]) -> pint.Quantity[Any]:
    """Rebuild a pickled quantity in this process's registry."""
    return get_registry().Quantity(magnitude, _unit_of(names))


def _unpickle_unit(names: dict[str, Any]) -> pint.Unit:
    """Rebuild a pickled unit in this process's registry."""
    return _unit_of(names)


def adhoc_unit_count() -> int:
    """Return how many counting units this process has defined on the fly."""
    return len(_adhoc)


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
        if len(_adhoc) >= MAX_ADHOC_UNITS:
            raise UnitMismatchError(
                name, name, f"more than {MAX_ADHOC_UNITS} unknown units in one process"
            )
        registry.define(f"{name} = [adhoc_{name}]")
        _adhoc.add(name)


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
            if name:  # `/年` (a rate with no numerator) has an empty first group
                yield name, index > 0


@functools.lru_cache(maxsize=UNIT_CACHE_SIZE)
def pint_unit(canonical: str) -> pint.Unit:
    """Return the pint unit for a canonical unit text such as ``元/人/月`` or ``%``.

    ``·`` multiplies and every ``/`` divides, so ``元/人·月`` equals ``元/人/月``. The empty text is
    dimensionless. Unknown single words are defined on the fly as counting units.

    Raises:
        UnitMismatchError: a word cannot be a unit (pint refuses it).

    """
    import pint

    registry = get_registry()
    try:
        with _lock:
            return _compose(registry, canonical)
    except (pint.PintError, AttributeError, ValueError, KeyError) as exc:
        if isinstance(exc, UnitMismatchError):
            raise
        raise UnitMismatchError(canonical, canonical, f"not a unit pint can read: {exc}") from exc


def _trim_pint_caches() -> None:
    """Empty pint's own caches of derived units when they outgrow ours (pint never does)."""
    cache = getattr(get_registry(), "_cache", None)
    for name in ("root_units", "dimensionality", "parse_unit", "conversion_factor"):
        found = getattr(cache, name, None)
        if isinstance(found, dict) and len(found) > 4 * UNIT_CACHE_SIZE:
            with _lock:
                found.clear()


def _compose(registry: pint.UnitRegistry[Any], canonical: str) -> pint.Unit:
    unit = registry.Unit("dimensionless")
    for name, divides in _atoms(canonical):
        registry_name = _registry_name(name)
        if registry_name not in registry_names().values() and registry_name not in registry:
            _ensure_defined(registry_name)
        atom = registry.Unit(registry_name)
        unit = unit / atom if divides else unit * atom
    return unit


@exact
def quantity(magnitude: Decimal, canonical: str) -> pint.Quantity[Any]:
    """Return ``magnitude`` in the unit named by ``canonical`` as a Quantity of the registry."""
    return get_registry().Quantity(magnitude, pint_unit(canonical))


def same_dimension(first: str, second: str) -> bool:
    """Say whether two canonical units measure the same thing, so that :func:`convert` converts.

    Temperatures on different scales (``℃``, ``℉``, ``开尔文``) measure the same thing but are
    not multiples of each other (0 ℃ is 273.15 开尔文): they are not converted.
    """
    if first == second:
        return True
    if _has_offset(first) or _has_offset(second):
        return False
    import pint

    try:  # what convert() compares: pint calls radians, percent and bits all dimensionless
        return _exact_factor(first)[2] == _exact_factor(second)[2]
    except pint.PintError:
        return False


@functools.lru_cache(maxsize=UNIT_CACHE_SIZE)
def _has_offset(canonical: str) -> bool:
    """Say whether a unit has an atom whose zero is not the base unit's zero (``℃``, ``℉``)."""
    registry = get_registry()
    for name, _ in _atoms(canonical):
        unit = pint_unit(name)
        _, base = registry.get_base_units(unit)
        with decimal.localcontext(WIDE):
            if registry.convert(Decimal(0), unit, base) != 0:
                return True
    return False


@functools.lru_cache(maxsize=UNIT_CACHE_SIZE)
def _exact_factor(canonical: str) -> tuple[Decimal, Decimal, str]:
    """Return (numerator, denominator, base units) of a canonical unit, each factor exact.

    Factors are multiplied atom by atom (月 is 2629800 s, 万元 is 10000 元), never divided, so
    that a conversion divides only once, at the end: 450 分钟 is exactly 7.5 小时.
    """
    _trim_pint_caches()
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


@exact
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

    if _has_offset(from_unit) or _has_offset(to_unit):
        reason = "temperatures on different scales are not converted (0 ℃ is 273.15 开尔文)"
        raise UnitMismatchError(to_unit, from_unit, reason)
    try:
        source = _exact_factor(from_unit)
        target = _exact_factor(to_unit)
    except pint.PintError as exc:
        raise UnitMismatchError(to_unit, from_unit, str(exc)) from exc
    if source[2] != target[2]:
        raise UnitMismatchError(to_unit, from_unit, "they measure different things")
    with decimal.localcontext(WIDE):
        return _tidy(magnitude * source[0] * target[1] / (source[1] * target[0]))


def _tidy(value: Decimal) -> Decimal:
    """Drop the long tail of zeros that Decimal division leaves (``5.000000000000000000`` → 5)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) if exponent < -2 else value
    return value.normalize() if exponent < -12 else value
