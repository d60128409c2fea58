"""The part of pint's own definitions that perfmetrics' units are built on.

pint's default registry parses about a thousand definitions (default_en.txt and constants_en.txt)
on first use, a quarter of a second; perfmetrics' definitions refer to a handful of them (meter,
second, kilogram, hour, percent, byte …). :func:`base_definitions` picks from pint's own files
exactly the lines those names need, following every reference (``hour = 60 * minute`` needs
minute, ``kilometer`` needs the prefix ``kilo-`` and meter), plus pint's ``@defaults`` and the
default system, so every unit it keeps is defined by pint's very text and converts as it does in
the default registry. A name the selection cannot place makes it give up (``None``), and the caller
falls back to the full default registry: slower, never different.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources

from attrs import frozen

__all__ = ["base_definitions", "identifiers"]

_NUMBER = re.compile(r"\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[^\W\d]\w*")
_DIMENSION = re.compile(r"\[[^\]]*\]")
#: Names pint defines without a definition line.
_BUILT_IN = frozenset({"dimensionless"})


@frozen
class _Line:
    """One definition of pint's files: its text, the names it defines and the names it uses."""

    text: str
    names: tuple[str, ...]
    uses: tuple[str, ...]
    prefix: bool


def identifiers(expression: str) -> list[str]:
    """Return the unit names an expression of pint's definition syntax refers to.

    >>> identifiers("1e3 * kilowatt * hour / [time] ** 2")
    ['kilowatt', 'hour']
    """
    expression = _DIMENSION.sub(" ", expression.split(";")[0])
    return _NAME.findall(_NUMBER.sub(" ", expression))


def _definition(text: str) -> _Line | None:
    """Read one definition line; ``None`` for dimensions and anything that is not a definition."""
    if text.startswith("@alias "):
        parts = [part.strip() for part in text[len("@alias ") :].split("=")]
        return _Line(text, tuple(parts[1:]), (parts[0],), prefix=False)
    parts = [part.strip() for part in text.split("=")]
    if len(parts) < 2 or parts[0].startswith("["):
        return None
    names = [parts[0], *(part for part in parts[2:] if part != "_")]
    prefix = parts[0].endswith("-")
    if prefix:
        names = [name.rstrip("-") for name in names]
    return _Line(text, tuple(names), tuple(identifiers(parts[1])), prefix)


def _lines(name: str) -> Iterator[tuple[str, str]]:
    """Yield (block, line) of one of pint's definition files, comments removed, imports followed.

    ``block`` is the directive of the enclosing ``@`` block (``@system mks …``) or ``""``.
    """
    text = resources.files("pint").joinpath(name).read_text(encoding="utf-8")
    block = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("@import "):
            yield from _lines(stripped.split(None, 1)[1])
        elif stripped == "@end":
            yield block, stripped
            block = ""
        elif stripped.startswith(("@defaults", "@system", "@context", "@group")):
            block = stripped
            yield block, stripped
        else:
            yield block, stripped


def base_definitions(
    needed: Iterable[str], defined: Iterable[str]
) -> tuple[list[str], str | None] | None:
    """Return the lines of pint's definitions that define ``needed`` names, or None.

    Args:
        needed: names perfmetrics' definitions and code refer to.
        defined: names perfmetrics defines itself (never taken from pint).

    Returns:
        Lines in pint's own order (a definition after what it uses) with pint's ``@defaults``
        block and default system, and the name of that system (a registry built from these lines
        must be given it: pint reads ``@defaults`` only from the files it starts with); ``None``
        when a needed name is neither pint's nor ours.

    """
    own = set(defined)
    lines: list[_Line] = []
    by_name: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    defaults: list[str] = []
    systems: dict[str, list[str]] = {}
    for block, text in _lines("default_en.txt"):
        if block.startswith("@defaults"):
            defaults.append(text)
        elif block.startswith("@system"):
            systems.setdefault(block.split()[1], []).append(text)
        elif not block.startswith("@context") and not text.startswith(("@group", "@end")):
            line = _definition(text)
            if line is not None:
                for name in line.names:
                    (prefixes if line.prefix else by_name).setdefault(name, len(lines))
                lines.append(line)
    system = next((line.split("=")[1].strip() for line in defaults if "system" in line), "")
    system_lines = systems.get(system, [])
    wanted = [*needed, *(name for line in system_lines[1:-1] for name in identifiers(line))]
    chosen: set[int] = set()
    while wanted:
        name = wanted.pop()
        if name in own or name in _BUILT_IN:
            continue
        found = _place(name, by_name, prefixes)
        if found is None:
            return None
        for index in found:
            if index not in chosen:
                chosen.add(index)
                wanted.extend(lines[index].uses)
    kept = [lines[index].text for index in sorted(chosen)]
    return [*defaults, *kept, *system_lines], system or None


def _place(name: str, by_name: dict[str, int], prefixes: dict[str, int]) -> list[int] | None:
    """Return the lines that define ``name``: its own, or a prefix and a unit (``kilometer``)."""
    if name in by_name:
        return [by_name[name]]
    for prefix, index in prefixes.items():
        if name.startswith(prefix) and name[len(prefix) :] in by_name:
            return [index, by_name[name[len(prefix) :]]]
    return None
