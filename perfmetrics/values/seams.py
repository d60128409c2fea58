"""Refuse values whose text stutters at a seam: noise that would otherwise change the reading.

Text extraction and copying double pieces of a cell. The grammar reads most such text as a value
plus a note, which is right when the extra text is a real note and wrong when the doubled piece
shifts a word boundary. :func:`check_seams` refuses (``AmbiguousValueError``: qualitative with a
warning, ``ParseError`` in strict) the shapes where the reading would change:

- the text next to the value repeats the value's own edge (``≥7500 台 台次/年`` would be 7500 台,
  ``2022 年底年底前`` would lose its 前, ``不低低于90%`` would be ``<90%``, ``100百分分比`` would be
  10000 分);
- a multiplier written twice (``5万万元``, ``≥95 百 百分比``): never a multiplier of its own;
- a unit with the same word twice (``元/人/人/月``, ``1万元/元/月``);
- Latin letters running on right after the value (``2k m``, ``2km2km``, where ``km2`` is km²).

A value written twice whole (``≥95% ≥95%``) is not a stutter: the parser reads it as the value.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

from perfmetrics.errors import AmbiguousValueError
from perfmetrics.values.model import Kind, Value
from perfmetrics.values.normalize import Cleaned
from perfmetrics.values.numerals import MULTIPLIER_EXPONENT, NUMERAL_CHARS
from perfmetrics.values.render import render
from perfmetrics.vocabulary import words

__all__ = ["check_canonical", "check_seams"]

#: How many characters of a seam are compared (a unit or date word is at most this long).
_SEAM = 4
#: A piece with a digit (``180180``) or a Latin letter (``zzz``, ``mm``) doubles legitimately.
_DIGIT = regex.compile(r"[0-9A-Za-z]")
#: A Latin letter right after a value that ends in a Latin letter or a digit.
_RUN_ON = regex.compile(r"[0-9A-Za-z][A-Za-z]")
#: A unit written with a power (`km2`) and letters after a space: the digit may be a number's.
_POWER_RUN_ON = regex.compile(r"[A-Za-z][0-9]\s+[A-Za-z]")


@functools.cache
def _doubled_multiplier() -> regex.Pattern[str]:
    singles = sorted({w for w in words("multiplier") if len(w) == 1})
    return regex.compile("(" + "|".join(map(regex.escape, singles)) + r")\s*\1")


def _stutter(left: str, right: str) -> str | None:
    """Return the piece that ends ``left`` and starts ``right`` again (no digit in it), if any.

    >>> _stutter("7500台", "台次/年"), _stutter("不低", "低于90%"), _stutter("95%", "完成")
    ('台', '低', None)
    """
    for size in range(min(_SEAM, len(left), len(right)), 0, -1):
        piece = left[-size:]
        if piece == right[:size] and not _DIGIT.search(piece) and not piece.isspace():
            return piece
    return None


def _doubled(text: str, *, start: bool) -> str | None:
    """Return a piece (no digit) written twice at the start (or the end) of ``text``, if any.

    >>> _doubled("多多", start=True), _doubled("完成", start=True), _doubled("不低低", start=False)
    ('多', None, '低')
    """
    for size in range(1, min(_SEAM, len(text) // 2) + 1):
        first, second = (
            (text[:size], text[size : 2 * size])
            if start
            else (text[-2 * size : -size], text[-size:])
        )
        if first == second and not _DIGIT.search(first) and first.strip():
            return first
    return None


def _unit_atoms(unit: str) -> list[str]:
    return [atom for group in unit.split("/") for atom in group.split("·") if atom]


def check_seams(text: str, cleaned: Cleaned, value: Value) -> None:
    """Raise when the value's text stutters at one of its seams (see the module docstring).

    Args:
        text: the caller's text.
        cleaned: ``text`` cleaned (:func:`perfmetrics.values.normalize.clean`).
        value: the structured value read from it (``span`` points into ``text``).

    Raises:
        AmbiguousValueError: the value's reading depends on where a doubled piece ends.

    """
    start, stop = value.span
    offsets = cleaned.offsets
    # The span in the cleaned text: the first cleaned character at or after each original offset.
    if offsets is None:
        clean_start, clean_stop = start, stop
    else:
        clean_start = next((i for i, o in enumerate(offsets) if o >= start), len(offsets) - 1)
        clean_stop = next((i for i, o in enumerate(offsets) if o >= stop), len(offsets) - 1)
    plain = cleaned.text
    if clean_start > 0 or clean_stop < len(plain):  # most values have no text around them
        _check_edges(text, cleaned, clean_start, clean_stop)
    doubled = _doubled_multiplier().search(plain, clean_start, clean_stop)
    if doubled is not None:
        reason = f"the multiplier {doubled.group(1)!r} is written twice"
        raise AmbiguousValueError(text, cleaned.original(doubled.start()), reason)
    _check_word_edges(text, cleaned, value, clean_start, clean_stop)
    for unit in _units(value):
        if "/" not in unit and "·" not in unit:
            continue
        atoms = _unit_atoms(unit)
        if len(set(atoms)) < len(atoms) or _money_both_ways(unit):
            reason = f"the unit {unit!r} names the same word twice"
            raise AmbiguousValueError(text, start, reason)


def check_canonical(text: str, value: Value, reread: Callable[[str], Value]) -> None:
    """Refuse an unusual value unless its canonical text reads back to it.

    Unusual: it has a note (``0内个0`` is written canonically ``≤0 个0``, where the note's
    number stands alone) or a warning (an unknown unit, a multiplier without a unit: ``0百底``
    is ``0底``). Written canonically such a value may read as another, and
    ``parse(str(v)) == v`` would fail. Plain values (97% of the real ones) are not read twice.

    Raises:
        AmbiguousValueError: the canonical text reads as something else.

    """
    if not value.warnings and not value.note:
        return
    canonical = render(value)
    if canonical != text and reread(canonical) != value:
        reason = f"written canonically ({canonical!r}) the value reads as another"
        raise AmbiguousValueError(text, value.span[1], reason)


def _check_edges(text: str, cleaned: Cleaned, clean_start: int, clean_stop: int) -> None:
    plain = cleaned.text
    if (0 < clean_stop < len(plain) and _RUN_ON.match(plain, clean_stop - 1)) or (
        clean_stop >= 2 and _POWER_RUN_ON.match(plain, clean_stop - 2)
    ):
        # `2km2km` lexes `km2` as km²; `2k m` loses its unit: a unit runs on into letters.
        reason = "letters run on after the value: a unit cut short, or one perfmetrics lacks"
        raise AmbiguousValueError(text, cleaned.original(clean_stop), reason)
    core = "".join(plain[clean_start:clean_stop].split())
    before = "".join(plain[:clean_start].split())
    after = "".join(plain[clean_stop:].split())
    # The edge words (a comparator before, 以上 or 多 after) may lie outside the span: a piece
    # doubled right there stutters too (`317多多`).
    piece = _stutter(core, after) or _doubled(after, start=True)
    if piece is None:
        piece = _stutter(before, core) or _doubled(before, start=False)
        at = clean_start
    else:
        at = clean_stop
    if piece is not None:
        reason = f"{piece!r} is written twice at the value's edge"
        raise AmbiguousValueError(text, cleaned.original(at), reason)


@functools.cache
def _comparator_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Return the one-character Han comparator words, and the longer ones (longest first)."""
    groups = ("ge_word", "le_word", "gt_word", "lt_word", "eq_word")
    every = {w for g in groups for w in words(g)}
    one_han = frozenset(w for w in every if len(w) == 1 and _HAN.match(w))
    return one_han, tuple(sorted((w for w in every if len(w) > 1), key=len, reverse=True))


_HAN = regex.compile(r"\p{Han}")


def _check_word_edges(
    text: str, cleaned: Cleaned, value: Value, clean_start: int, clean_stop: int
) -> None:
    """Refuse a value cut out of a word at either edge.

    - A one-character comparator followed by a Han character that starts no number is the first
      character of a word (`超期3天` is "3 days overdue", not ">3天"; `超时`, `逾期`).
    - A year or a month followed by a part of it the grammar does not read (`2023年初` is the
      start of 2023, not the whole year).
    """
    plain = cleaned.text
    head = plain[clean_start : clean_start + 2]
    one_han, longer = _comparator_words()
    if (
        value.op_explicit
        and len(head) == 2
        and head[0] in one_han
        and _HAN.match(head[1])
        and head[1] not in NUMERAL_CHARS
        and head[1] not in MULTIPLIER_EXPONENT
        # the grammar reads the longest word: `超过` is a comparator of its own
        and not any(plain.startswith(word, clean_start) for word in longer)
    ):
        reason = f"{head!r} is a word here, not the comparator {head[0]!r}"
        raise AmbiguousValueError(text, cleaned.original(clean_start), reason)
    if value.kind in (Kind.DATE, Kind.PERIOD):
        after = plain[clean_stop:]
        parts = sorted(words("period_part"), key=len, reverse=True)
        part = next((p for p in parts if after.startswith(p)), None)
        if part is not None and plain[:clean_stop].endswith(("年", "月")):
            reason = f"{plain[clean_stop - 1] + part!r} is a part of the period, not all of it"
            raise AmbiguousValueError(text, cleaned.original(clean_stop), reason)


def _units(value: Value) -> list[str]:
    found = []
    for name in ("amount", "lower", "upper"):
        amount = getattr(value, name, None)
        if amount is not None and amount.unit:
            found.append(amount.unit)
    return found


def _money_both_ways(unit: str) -> bool:
    """Say whether one word stands above and below the line (``万元/元``)."""
    if "/" not in unit:
        return False
    head, *rest = unit.split("/")
    below = {atom[-1] for group in rest for atom in group.split("·") if atom}
    return any(atom and atom[-1] in below for atom in head.split("·"))
