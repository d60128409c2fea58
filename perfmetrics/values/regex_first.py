r"""The characters a match of a regular expression may start with, from Python's own parser.

Two terminals whose matches cannot start with the same character never match at the same place;
:mod:`perfmetrics.values.fastpath_spec` uses this to leave them out of each other's guards.

>>> first_chars(r"(?:万元|人次?)").chars == frozenset("万人")
True
>>> first_chars(r"\d+").meets(first_chars(r"[a-z]"))
False
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # no stubs for re's internals
import re._parser as sre_parse  # type: ignore[import-not-found]
from typing import Any, NamedTuple

__all__ = ["Chars", "first_chars"]


class Chars(NamedTuple):
    """What a match may start with: listed characters and character classes (or anything)."""

    chars: frozenset[str]
    classes: tuple[str, ...]
    anything: bool

    def __or__(self, other: object) -> Chars:
        assert isinstance(other, Chars)
        return Chars(
            self.chars | other.chars, self.classes + other.classes, self.anything or other.anything
        )

    def meets(self, other: Chars) -> bool:
        """Say whether the two may share a character (True when that cannot be decided)."""
        if self.anything or other.anything or (self.classes and other.classes):
            return True
        if self.chars & other.chars:
            return True
        for listed, classes in ((self.chars, other.classes), (other.chars, self.classes)):
            if classes:
                found = re.compile("|".join(classes))
                if any(found.fullmatch(char) for char in listed):
                    return True
        return False


_NOTHING = Chars(frozenset(), (), False)
_ANYTHING = Chars(frozenset(), (), True)
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_TRANSPARENT = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _class(items: list[tuple[Any, Any]]) -> Chars:
    """First characters of a character set ``[...]``."""
    listed: set[str] = set()
    parts: list[str] = []
    finite = True
    for op, arg in items:
        if op is sre.LITERAL:
            listed.add(chr(arg))
            parts.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
            if arg[1] - arg[0] < 256:
                listed.update(chr(code) for code in range(arg[0], arg[1] + 1))
            else:
                finite = False
        elif op is sre.CATEGORY and arg in _CATEGORIES:
            parts.append(_CATEGORIES[arg])
            finite = False
        elif op is sre.NEGATE:
            parts.insert(0, "^")
            finite = False
        else:
            return _ANYTHING
    if finite:
        return Chars(frozenset(listed), (), False)
    return Chars(frozenset(), ("[" + "".join(parts) + "]",), False)


def _first(items: Any, flags: int = 0) -> tuple[Chars, bool]:
    """Return the first characters of a parsed expression, and whether it may match nothing."""
    found = _NOTHING
    for op, arg in items:
        if flags & re.IGNORECASE:
            return _ANYTHING, True
        nullable = False
        if op is sre.LITERAL:
            chars = Chars(frozenset({chr(arg)}), (), False)
        elif op is sre.IN:
            chars = _class(arg)
        elif op is sre.BRANCH:
            chars, nullable = _NOTHING, False
            for branch in arg[1]:
                more, empty = _first(branch, flags)
                chars, nullable = chars | more, nullable or empty
        elif op is sre.SUBPATTERN:
            chars, nullable = _first(arg[3], (flags | arg[1]) & ~arg[2])
        elif op is sre.ATOMIC_GROUP:
            chars, nullable = _first(arg, flags)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            chars, nullable = _first(arg[2], flags)
            nullable = nullable or arg[0] == 0
        elif op in _TRANSPARENT:  # zero-width: what follows decides (lookaheads only narrow)
            chars, nullable = _NOTHING, True
        else:
            return _ANYTHING, True
        found = found | chars
        if not nullable:
            return found, False
    return found, True


def first_chars(pattern: str) -> Chars:
    """Return what a match of ``pattern`` may start with (anything, when it may be empty)."""
    chars, nullable = _first(sre_parse.parse(pattern).data)
    return _ANYTHING if nullable else chars
