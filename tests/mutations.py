"""Seeded mutations of real 指标值 and the contract every mutated value must keep (issue 10).

Used by tests/test_fuzz_contract.py (a bounded run in the suite) and by fuzz/mutation_run.py (a
long run). A mutation models what PDF and web text extraction does to a cell:

- ``READ_THROUGH`` mutations must read as the original: invisible and format characters, bidi
  controls, combining marks, a wrap between two Han characters, Kangxi radicals and compatibility
  ideographs, full-width forms;
- ``SAME_OR_REFUSED`` mutations may change the text into something that is no longer the value
  (a space or line break inside a number or a word, a doubled non-digit piece): the value reads
  as the original or is refused (a warning, a qualitative value; ``ParseError`` in strict);
- ``ANYTHING`` mutations (truncation, a doubled digit) give other valid values (``≥90%`` cut to
  ``≥9``): only the contract holds (no escape, the canonical text reads back).

Every outcome must keep the error contract: only ``PerfmetricsError`` subclasses leave ``parse``
and ``meets``.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import attrs

import perfmetrics as pm

#: Invisible, format and bidi characters text extraction leaves in cells.
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2061\u2062\u2063\u2064\u180e\u034f\u061c"
)
#: Combining marks (accents, enclosing marks, the CJK tone marks).
COMBINING = "\u0301\u0300\u0308\u0323\u20dd\u20e3\u302a\u302b\u3099\u309a\ufe20"
#: Spaces and line breaks a wrap or a copy inserts.
SPACES = (" ", "\n", "\r\n", "\t", "\u3000", "\u00a0", "  ", " \n ")
#: Unified ideograph → the Kangxi radicals and compatibility ideographs that fold to it.
FOLDS: dict[str, list[str]] = {}
for _block in (range(0x2E80, 0x2FE0), range(0xF900, 0xFB00)):
    for _code in _block:
        _folded = unicodedata.normalize("NFKC", chr(_code))
        if len(_folded) == 1 and _folded != chr(_code):
            FOLDS.setdefault(_folded, []).append(chr(_code))

READ_THROUGH = "read_through"
SAME_OR_REFUSED = "same_or_refused"
ANYTHING = "anything"


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _insert(rng: random.Random, text: str, pieces: str | tuple[str, ...]) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(pieces) + text[at:]


def invisible(rng: random.Random, text: str) -> tuple[str, str]:
    """Insert one to three invisible characters anywhere."""
    for _ in range(rng.randint(1, 3)):
        text = _insert(rng, text, INVISIBLE)
    return text, READ_THROUGH


def combining(rng: random.Random, text: str) -> tuple[str, str]:
    """Put a combining mark after any character."""
    return _insert(rng, text, COMBINING), READ_THROUGH


def han_wrap(rng: random.Random, text: str) -> tuple[str, str]:
    """Break the line (or put a space) between two Han characters, as a wrapped PDF cell does."""
    gaps = [i for i in range(1, len(text)) if _is_han(text[i - 1]) and _is_han(text[i])]
    if not gaps:
        return spaces(rng, text)
    at = rng.choice(gaps)
    return text[:at] + rng.choice(SPACES) + text[at:], READ_THROUGH


def radicals(rng: random.Random, text: str) -> tuple[str, str]:
    """Replace every foldable Han character by a Kangxi radical or compatibility ideograph."""
    return "".join(rng.choice(FOLDS[c]) if c in FOLDS else c for c in text), READ_THROUGH


def full_width(rng: random.Random, text: str) -> tuple[str, str]:
    """Write ASCII characters in their full-width forms (U+FF01..U+FF5E)."""
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rng.random() < 0.7 else c for c in text
    ), READ_THROUGH


def spaces(rng: random.Random, text: str) -> tuple[str, str]:
    """Put a space or line break anywhere, inside a number or a word too."""
    return _insert(rng, text, SPACES), SAME_OR_REFUSED


def truncate(rng: random.Random, text: str) -> tuple[str, str]:
    """Cut the text short (a truncated document)."""
    return text[: rng.randrange(1, len(text))] if len(text) > 1 else text, ANYTHING


def duplicate(rng: random.Random, text: str) -> tuple[str, str]:
    """Write a piece twice: the whole cell, its first or last characters, or a piece inside.

    A doubled edge that holds no digit (``≥5人人``, ``5万万``, ``≥≥95%``) and a doubled cell
    (``≥95% ≥95%``) must read as the original or be refused. A doubled digit is another number
    and a piece doubled inside a word can make another valid reading (``10个工作工作日``): for
    those only the contract holds.
    """
    where = rng.randrange(4)
    if where == 0:
        glue = rng.choice(("", " ", "\n"))
        quiet = INVISIBLE + COMBINING
        joined = text.rstrip(quiet)[-1:] + glue + text.lstrip(quiet)[:1]
        # `180` twice without a break is the number 180180: another valid reading.
        kind = ANYTHING if joined[:1].isdigit() and joined[-1:].isdigit() else SAME_OR_REFUSED
        return text + glue + text, kind
    size = rng.randint(1, min(3, len(text)))
    if where == 1:
        piece = text[-size:]
        mutated = text + piece
    elif where == 2:
        piece = text[:size]
        mutated = piece + text
    else:
        start = rng.randrange(len(text))
        piece = text[start : start + size]
        return text[: start + size] + piece + text[start + size :], ANYTHING
    return mutated, ANYTHING if any(c.isdigit() for c in piece) else SAME_OR_REFUSED


MUTATIONS: tuple[Callable[[random.Random, str], tuple[str, str]], ...] = (
    invisible,
    combining,
    han_wrap,
    radicals,
    full_width,
    spaces,
    truncate,
    duplicate,
)


def reading(value: pm.Value) -> pm.Value:
    """Return what a value says, its free-text note left out.

    The contract is about the number, unit, comparator, dates and kind: a doubled word that ends
    up in the note (``87人人`` is 87人 with the note ``人``) keeps the extra text in plain sight.
    """
    return attrs.evolve(value, note="") if value.is_structured else value


def flagged(value: pm.Value) -> bool:
    """Say whether a value tells its reader it is not a clean reading (refused or warned)."""
    return not value.is_structured or bool(value.warnings)


@dataclass
class Tally:
    """What a run found: counts and the first few counterexamples of each problem."""

    values: int = 0
    pairs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    escapes: list[tuple[str, str]] = field(default_factory=list)
    changes: list[tuple[str, str, str]] = field(default_factory=list)

    def escape(self, text: str, exc: BaseException) -> None:
        """Record an exception that is not a PerfmetricsError."""
        self.escapes.append((text, f"{type(exc).__name__}: {exc}"[:200]))

    def change(self, original: str, mutated: str, why: str) -> None:
        """Record a silent change."""
        self.changes.append((original, mutated, why))


def _parse(text: str, tally: Tally, *, strict: bool) -> pm.Value | None:
    try:
        return pm.parse(text, strict=strict)
    except pm.PerfmetricsError:
        return None
    except Exception as exc:  # the contract: nothing else leaves parse
        tally.escape(text, exc)
        return None


def check_value(original: str, mutated: str, kind: str, tally: Tally) -> None:
    """Check one mutated value against its original, strict and not."""
    tally.values += 1
    before = pm.parse(original)
    after = _parse(mutated, tally, strict=False)
    strict = _parse(mutated, tally, strict=True)
    if after is None:
        if mutated.strip():
            tally.change(original, mutated, "non-strict parse refused a non-blank text")
        return
    same = reading(after) == reading(before)
    tally.outcomes["same" if same else "flagged" if flagged(after) else "other"] += 1
    if kind == READ_THROUGH and not same:
        tally.change(original, mutated, f"read through expected, got {after!r}")
    elif kind == SAME_OR_REFUSED and not same and not flagged(after):
        tally.change(original, mutated, f"silently read as {after!r}")
    if strict is not None and strict != after:
        tally.change(original, mutated, f"strict {strict!r} differs from {after!r}")
    if strict is not None and kind != ANYTHING and reading(strict) != reading(before):
        tally.change(original, mutated, f"strict accepted a changed value {strict!r}")


def _verdict(target: str, actual: str, tally: Tally) -> pm.Verdict | None:
    try:
        return pm.meets(target, actual)
    except pm.PerfmetricsError:
        return None
    except Exception as exc:
        tally.escape(f"{target} | {actual}", exc)
        return None


def check_pair(target: str, actual: str, mutated: str, kind: str, tally: Tally) -> None:
    """Judge the original actual against a mutated target: same verdict, or none."""
    tally.pairs += 1
    before = _verdict(target, actual, tally)
    after = _verdict(mutated, actual, tally)
    if kind == ANYTHING or after is None or after.met is None or before is None:
        return
    if after.met != before.met:
        value = pm.parse(mutated)
        if kind == READ_THROUGH or not flagged(value):
            tally.change(target, mutated, f"verdict {before.met} became {after.met} vs {actual}")


def mutate(rng: random.Random, text: str) -> tuple[str, str]:
    """Apply one random mutation (two, one time in four) and say what is expected."""
    mutated, kind = rng.choice(MUTATIONS)(rng, text)
    if rng.random() < 0.25:
        mutated, second = rng.choice(MUTATIONS)(rng, mutated)
        kind = max(kind, second, key=(READ_THROUGH, SAME_OR_REFUSED, ANYTHING).index)
    return mutated, kind


def run(
    texts: list[str], pairs: Iterable[tuple[str, str]], *, count: int, seed: int, pair_share: float
) -> Tally:
    """Mutate ``count`` values drawn from ``texts`` (and pairs), checking each."""
    rng = random.Random(seed)
    tally = Tally()
    pair_list = list(pairs)
    for _ in range(count):
        if pair_list and rng.random() < pair_share:
            target, actual = rng.choice(pair_list)
            mutated, kind = mutate(rng, target)
            check_pair(target, actual, mutated, kind, tally)
        else:
            original = rng.choice(texts)
            mutated, kind = mutate(rng, original)
            check_value(original, mutated, kind, tally)
    return tally
