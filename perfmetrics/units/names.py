"""Unit spellings → canonical unit names, from the vocabulary (perfmetrics/vocabulary/units.tsv).

The canonical name is what ``Amount.unit`` holds and what the registry defines: ``平米`` and ``㎡``
are written ``平方米``, ``百分比`` is ``%``.
"""

from __future__ import annotations

import functools

from perfmetrics.vocabulary import unit_entries

__all__ = ["base_of_family", "canonical_spelling", "family_of", "spellings", "units_of_family"]


@functools.cache
def spellings() -> dict[str, str]:
    """Return every spelling (aliases and the word itself) → its canonical word."""
    table: dict[str, str] = {}
    for entry in unit_entries():
        for spelling in entry.spellings:
            table.setdefault(spelling, entry.word)
    return table


def canonical_spelling(written: str) -> str:
    """Return the canonical name of a unit spelling (unknown words are returned as they are).

    >>> canonical_spelling("平米"), canonical_spelling("百分比"), canonical_spelling("人次")
    ('平方米', '%', '人次')
    """
    return spellings().get(written, written)


@functools.cache
def _families() -> dict[str, str]:
    return {entry.word: entry.family for entry in unit_entries()}


def family_of(canonical: str) -> str | None:
    """Return the vocabulary family of a canonical unit word (``money``, ``count`` …) or None."""
    return _families().get(canonical)


@functools.cache
def units_of_family(family: str) -> frozenset[str]:
    """Return the canonical words of one family.

    >>> "工作日" in units_of_family("time")
    True
    """
    return frozenset(word for word, found in _families().items() if found == family)


@functools.cache
def base_of_family(family: str) -> str | None:
    """Return the word a family's other units are defined from (元 for money), if it has one.

    >>> base_of_family("money")
    '元'
    """
    return next(
        (e.word for e in unit_entries() if e.family == family and e.definition.startswith("[")),
        None,
    )
