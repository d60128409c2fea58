"""The one source of every word perfmetrics knows: ``words.tsv`` and ``units.tsv`` beside this file.

Adding a comparator word, a level name or a unit is one line in one of those files: the grammar
imports its word terminals from them (:mod:`perfmetrics.vocabulary.grammar`), the unit registry is
built from ``units.tsv``, and the readers, judging and strategies take their lists from here.

>>> "不低于" in words("ge_word")
True
>>> mapping("multiplier")["万"]
'4'
"""

from __future__ import annotations

import functools
from importlib import resources

from attrs import frozen

__all__ = ["UnitEntry", "mapping", "traditional_table", "unit_entries", "words"]

_FAMILIES = frozenset({"money", "count", "time", "percent", "point", "physical"})


@frozen
class Word:
    """One line of ``words.tsv``."""

    group: str
    word: str
    value: str
    note: str


@frozen
class UnitEntry:
    """One line of ``units.tsv``: a unit word, its grammar family, pint definition and aliases."""

    word: str
    family: str
    definition: str
    aliases: tuple[str, ...]
    note: str

    @property
    def spellings(self) -> tuple[str, ...]:
        """The word and every alias."""
        return (self.word, *self.aliases)


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows


@functools.cache
def _words() -> tuple[Word, ...]:
    entries = []
    for cells in _rows("words.tsv"):
        group, word, value, note = (*cells, "", "", "")[:4]
        entries.append(Word(group.strip(), word, value.strip(), note.strip()))
    return tuple(entries)


@functools.cache
def words(group: str) -> tuple[str, ...]:
    """Return the words of one group of ``words.tsv``, in file order.

    Raises:
        KeyError: no such group (a typo must not silently give an empty list).

    """
    found = tuple(entry.word for entry in _words() if entry.group == group)
    if not found:
        raise KeyError(f"no word group {group!r} in words.tsv")
    return found


@functools.cache
def mapping(group: str) -> dict[str, str]:
    """Return ``word → value`` for one group of ``words.tsv`` (the value column)."""
    words(group)  # raises on an unknown group
    return {entry.word: entry.value for entry in _words() if entry.group == group}


def groups() -> tuple[str, ...]:
    """Return every group name of ``words.tsv``, in file order."""
    return tuple(dict.fromkeys(entry.group for entry in _words()))


@functools.cache
def unit_entries() -> tuple[UnitEntry, ...]:
    """Return every unit of ``units.tsv``.

    Raises:
        ValueError: a line names an unknown family (the file is data, but it must be well formed).

    """
    entries = []
    for cells in _rows("units.tsv"):
        word, family, definition, aliases, note = (*cells, "", "", "", "")[:5]
        family = family.strip()
        if family not in _FAMILIES:
            raise ValueError(f"units.tsv: {word!r} has unknown family {family!r}")
        spelled = tuple(alias.strip() for alias in aliases.split("|") if alias.strip())
        entries.append(UnitEntry(word.strip(), family, definition.strip(), spelled, note.strip()))
    return tuple(entries)


@functools.cache
def traditional_table() -> dict[str, str]:
    """Return traditional → simplified characters (``traditional.tsv``, generated from OpenCC).

    >>> traditional_table()["萬"]
    '万'
    """
    return {cells[0]: cells[1] for cells in _rows("traditional.tsv") if len(cells) == 2}
