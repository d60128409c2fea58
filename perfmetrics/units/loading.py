"""Build a pint registry from a definitions text, fast.

pint's default registry parses its thousand definitions on every first use, and pint's text parser
costs a fraction of a millisecond a line, which on perfmetrics' few hundred units is most of the
start-up time. So :func:`build_registry`

- starts from an empty registry and loads only the part of pint's own definitions that the text
  needs (:mod:`perfmetrics.units.pint_base`), with pint's default system, so every unit converts as
  in the default registry; when that part cannot be found it loads pint's defaults instead;
- hands the three plainest shapes of line (``人 = [person]``, ``公里 = kilometer``,
  ``@alias hour = 小时``) to pint as definition objects copied from one that pint parsed itself,
  and the rest (factors, products, powers) to pint's text parser.

The result is checked against a registry built the slow way by tests/test_units_loading.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfmetrics.units.pint_base import base_definitions, identifiers

if TYPE_CHECKING:
    import pint

__all__ = ["build_registry", "plain_registry"]

_NAME = r"[^\W\d]\w*"
#: ``name = [dimension] (= symbol (= alias)*)?``: a unit that is a dimension of its own.
_BASE = re.compile(rf"^({_NAME}) = (\[\w+\])((?: = \S+)*)$")
#: ``name = other (= symbol (= alias)*)?``: another name of a unit, scale 1.
_SAME = re.compile(rf"^({_NAME}) = ({_NAME})((?: = \S+)*)$")
#: ``@alias name = alias (= alias)*``.
_ALIAS = re.compile(rf"^@alias ({_NAME})((?: = \S+)+)$")


def _lines(text: str) -> list[str]:
    """Return the definition lines of ``text``, comments and blank lines removed."""
    found = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in found if line]


def _names_and_uses(lines: Iterable[str]) -> tuple[set[str], list[str]]:
    """Return the names ``lines`` define and the names they refer to."""
    defined: set[str] = set()
    uses: list[str] = []
    for line in lines:
        if line.startswith("@alias "):
            target, *aliases = (part.strip() for part in line[len("@alias ") :].split("="))
            uses.append(target)
            defined.update(aliases)
        elif not line.startswith("@"):
            name, definition, *others = (part.strip() for part in line.split("="))
            defined.update([name, *(other for other in others if other != "_")])
            uses.extend(identifiers(definition))
    return defined, uses


def _templates(registry: pint.UnitRegistry[Any]) -> dict[str, Any]:
    """Definition objects of each plain shape, as pint's own parser makes them."""
    parser = registry._def_parser
    assert parser is not None
    made = {}
    for shape, line in (("base", "a = [b]"), ("same", "a = b"), ("alias", "@alias a = b")):
        (made[shape],) = parser.iter_parsed_project(parser.parse_string(line))
    return made


def _symbols(rest: str) -> tuple[str | None, tuple[str, ...]]:
    """Split `` = symbol = alias …`` into the symbol (None for ``_`` or none) and the aliases."""
    parts = [part.strip() for part in rest.split("=") if part.strip()]
    symbol = parts[0] if parts and parts[0] != "_" else None
    return symbol, tuple(parts[1:])


def _plain_definitions(
    registry: pint.UnitRegistry[Any], lines: list[str]
) -> tuple[list[Any], list[str], list[Any]]:
    """Split ``lines`` into plain units (as objects), lines for pint's parser, and aliases.

    Aliases come last: pint adds an alias to a unit that must exist already, while a unit's
    definition may name units defined after it (references are resolved on first use).
    """
    try:
        templates = _templates(registry)
    except Exception:  # another pint whose objects differ: its parser reads everything
        return [], lines, []
    units: list[Any] = []
    rest: list[str] = []
    aliases: list[Any] = []
    for line in lines:
        if match := _ALIAS.match(line):
            name, others = match.groups()
            names = tuple(part.strip() for part in others.split("=") if part.strip())
            aliases.append(dataclasses.replace(templates["alias"], name=name, aliases=names))
            continue
        if match := _BASE.match(line):
            template, placeholder = templates["base"], "[b]"
        elif match := _SAME.match(line):
            template, placeholder = templates["same"], "b"
        else:
            rest.append(line)
            continue
        name, reference, others = match.groups()
        symbol, more = _symbols(others)
        units.append(
            dataclasses.replace(
                template,
                name=name,
                defined_symbol=symbol,
                aliases=more,
                reference=template.reference.rename(placeholder, reference),
            )
        )
    return units, rest, aliases


def plain_registry(definitions: str, *, reduced: bool = True) -> pint.UnitRegistry[Any]:
    """Return a registry of ``definitions`` read line by line by pint's own parser (the slow way).

    Args:
        definitions: pint definition lines.
        reduced: start from the part of pint's definitions the lines need (else from all of them).

    """
    lines = _lines(definitions)
    registry = _empty_registry(_base(lines) if reduced else None)
    registry.load_definitions(lines)
    return registry


def _empty_registry(base: tuple[list[str], str | None] | None) -> pint.UnitRegistry[Any]:
    """Return a Decimal registry holding ``base`` (pint's lines and system), else all of pint's."""
    import pint

    if base is None:
        return pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, system=base[1], non_int_type=Decimal, cache_folder=None
    )
    registry.load_definitions(base[0])
    return registry


def _base(lines: list[str], extra: Iterable[str] = ()) -> tuple[list[str], str | None] | None:
    """Return pint's lines that ``lines`` need, and pint's default system; None if not found."""
    defined, uses = _names_and_uses(lines)
    return base_definitions([*uses, *extra], defined)


def build_registry(definitions: str, *, uses: Iterable[str] = ()) -> pint.UnitRegistry[Any]:
    """Return a new registry with ``definitions`` (pint's syntax), ``non_int_type=Decimal``.

    Args:
        definitions: the text of the definitions, one a line.
        uses: further unit names the caller will ask the registry for (pint's ``percent``,
            ``megabyte`` …), so that they are loaded too.

    """
    lines = _lines(definitions)
    registry = _empty_registry(_base(lines, [name for text in uses for name in identifiers(text)]))
    units, rest, aliases = _plain_definitions(registry, lines)
    for definition in units:
        registry.define(definition)
    if rest:
        registry.load_definitions(rest)
    for definition in aliases:
        registry.define(definition)
    return registry
