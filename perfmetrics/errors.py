"""Exception hierarchy of perfmetrics and the caret display shared by every parse error.

Every error perfmetrics raises derives from :class:`PerfmetricsError` and from the builtin that
fits (``ValueError`` or ``TypeError``), so callers may catch either. No exception of lark or pint
leaves the public API: they are translated at the module boundary and chained with ``from``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = [
    "AmbiguousValueError",
    "DanglingComparatorError",
    "DocumentError",
    "InputTypeError",
    "MissingNumberError",
    "ParseError",
    "PerfmetricsError",
    "RuleSetError",
    "SemanticError",
    "UndecidableError",
    "UnitMismatchError",
    "UnknownCategoryError",
    "caret_line",
    "display_width",
]


def display_width(text: str) -> int:
    """Return how many terminal cells ``text`` takes: CJK and full-width characters take two.

    >>> display_width("≥95%")
    4
    >>> display_width("不低于95%")
    9
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def caret_line(text: str, position: int) -> str:
    """Return ``text`` and, below it, a caret under the character at ``position``.

    The caret is padded by display width, so it stays under the right character in Chinese text.

    >>> print(caret_line("≥95%abc", 4))
    ≥95%abc
        ^
    """
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    if line_end == -1:
        line_end = len(text)
    shown = text[line_start:line_end].replace("\t", " ")
    pad = display_width(shown[: position - line_start])
    return f"{shown}\n{' ' * pad}^"


class PerfmetricsError(Exception):
    """Base class of every error raised by perfmetrics."""


class ParseError(PerfmetricsError, ValueError):
    """A value could not be read; says what was wrong, where, and shows a caret under it.

    Attributes:
        text: the input as the caller gave it.
        position: offset of the offending character in ``text`` (``len(text)`` at the end).
        reason: what was wrong, in one short sentence.
        expected: names of what the grammar would have accepted there (may be empty).

    """

    def __init__(
        self, text: str, position: int, reason: str, expected: tuple[str, ...] = ()
    ) -> None:
        self.text = text
        self.position = max(0, min(position, len(text)))
        self.reason = reason
        self.expected = tuple(expected)
        super().__init__(self._message())

    @property
    def column(self) -> int:
        """1-based column of the offending character on its line."""
        return self.position - (self.text.rfind("\n", 0, self.position) + 1) + 1

    def _message(self) -> str:
        expected = f"; expected {', '.join(self.expected)}" if self.expected else ""
        return (
            f"{self.reason} at position {self.position} (column {self.column}){expected}\n"
            f"{caret_line(self.text, self.position)}"
        )

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, int, str, tuple[str, ...]]]:
        return (type(self), (self.text, self.position, self.reason, self.expected))


class MissingNumberError(ParseError):
    """A comparator or unit stands where the number should be (``≥%``, ``不低于人``)."""


class DanglingComparatorError(ParseError):
    """A comparator with nothing after it (``≥``, ``不超过``)."""


class AmbiguousValueError(ParseError):
    """The text holds numbers but no single target can be read from it safely.

    Examples: several targets in one cell (``分别大于200M、300M``), an arithmetic sentence
    (``2人/次*5趟*20天=200人次``), or a negation before the comparator (``未超过5%``).
    Non-strict :func:`perfmetrics.parse` turns these into qualitative values.
    """


class UnitMismatchError(PerfmetricsError, ValueError):
    """Two quantities do not compare: their units measure different things (人 vs 人次).

    Attributes:
        target_unit: the unit of the target, as written canonically.
        actual_unit: the unit of the actual.

    """

    def __init__(self, target_unit: str, actual_unit: str, detail: str = "") -> None:
        self.target_unit = target_unit
        self.actual_unit = actual_unit
        self.detail = detail
        shown_target = target_unit or "no unit"
        shown_actual = actual_unit or "no unit"
        message = f"cannot compare {shown_actual!r} with {shown_target!r}"
        if detail:
            message += f": {detail}"
        super().__init__(message)

    def __reduce__(self) -> tuple[type[UnitMismatchError], tuple[str, str, str]]:
        return (type(self), (self.target_unit, self.actual_unit, self.detail))


class InputTypeError(PerfmetricsError, TypeError):
    """An argument of the wrong type (``parse(None)``, ``parse(95)``)."""


class UnknownCategoryError(PerfmetricsError, ValueError):
    """A category name that perfmetrics cannot place (say ``产出指标``, which spans four)."""

    def __init__(self, name: str, detail: str) -> None:
        self.name = name
        self.detail = detail
        super().__init__(f"unknown indicator category {name!r}: {detail}")

    def __reduce__(self) -> tuple[type[UnknownCategoryError], tuple[str, str]]:
        return (type(self), (self.name, self.detail))


class UndecidableError(PerfmetricsError, ValueError):
    """A score was asked for a verdict that cannot be decided (free-text target, no year)."""


class DocumentError(PerfmetricsError, ValueError):
    """A document cannot be read at all: empty, binary, undecodable or missing."""


class RuleSetError(PerfmetricsError, ValueError):
    """A review rule set (TOML, YAML or a mapping) is not usable: says which file, rule and key.

    Attributes:
        source: the file the rule set came from (``<mapping>`` for a dict).
        rule: the rule's id, or ``None`` for the file as a whole.
        key: the offending key, or ``None``.
        detail: what is wrong, in one sentence.

    """

    def __init__(
        self, source: str, detail: str, *, rule: str | None = None, key: str | None = None
    ) -> None:
        self.source = source
        self.detail = detail
        self.rule = rule
        self.key = key
        where = "".join(
            [f", rule {rule!r}" if rule is not None else "", f", key {key!r}" if key else ""]
        )
        super().__init__(f"rule set {source}{where}: {detail}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rule_set_error, (self.source, self.detail, self.rule, self.key))


def _rule_set_error(source: str, detail: str, rule: str | None, key: str | None) -> RuleSetError:
    """Rebuild a pickled :class:`RuleSetError` (its rule and key are keyword-only)."""
    return RuleSetError(source, detail, rule=rule, key=key)


class SemanticError(ValueError):
    """Internal: the text fits the grammar but not the meaning (month 13, range 6-3, two targets).

    Raised inside the transformer and always turned into a :class:`ParseError` by the parser
    stage before it leaves the library.
    """

    def __init__(self, reason: str, position: int, *, ambiguous: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position = position
        self.ambiguous = ambiguous

    def __reduce__(self) -> tuple[type[SemanticError], tuple[str, int]]:
        return (type(self), (self.reason, self.position))
