"""Warnings a parsed value carries: typed, so code tests a code, never a message prefix.

A :class:`ValueWarning` is a ``str`` (the message, as before) that also knows its
:class:`WarningCode`:

>>> w = ValueWarning(WarningCode.UNKNOWN_UNIT, "not a known unit: '艘'")
>>> w == "not a known unit: '艘'", w.code
(True, 'unknown_unit')
"""

from __future__ import annotations

import enum

__all__ = ["ValueWarning", "WarningCode", "find_warning", "has_warning", "warning"]


class WarningCode(enum.StrEnum):
    """What a warning is about."""

    #: A word after the number that is no known unit, kept as a counting unit of its own.
    UNKNOWN_UNIT = "unknown_unit"
    #: A date or period without a year, and none was given.
    YEARLESS = "yearless"
    #: 万/亿 folded into a number that has no unit.
    MULTIPLIER_WITHOUT_UNIT = "multiplier_without_unit"
    #: The text holds numbers but no single target (several targets, a calculation, a negation):
    #: kept as qualitative.
    AMBIGUOUS = "ambiguous"
    #: Decimal digits of another script (``৪``, ``٣``): never read as a number, kept as text.
    FOREIGN_DIGITS = "foreign_digits"

    def __repr__(self) -> str:
        """Show the plain code."""
        return repr(self.value)


class ValueWarning(str):
    """A warning message (a ``str``) with its :class:`WarningCode` in ``code``."""

    code: WarningCode

    def __new__(cls, code: WarningCode, message: str) -> ValueWarning:
        """Make the warning ``message`` of kind ``code``."""
        made = super().__new__(cls, message)
        made.code = code
        return made

    def __reduce__(self) -> tuple[type[ValueWarning], tuple[WarningCode, str]]:
        return (type(self), (self.code, str(self)))


def warning(code: WarningCode, message: str) -> ValueWarning:
    """Return a warning of ``code`` saying ``message``."""
    return ValueWarning(code, message)


def find_warning(warnings: tuple[str, ...], code: WarningCode) -> ValueWarning | None:
    """Return the first of ``warnings`` that is of ``code``, or None."""
    for item in warnings:
        if isinstance(item, ValueWarning) and item.code is code:
            return item
    return None


def has_warning(warnings: tuple[str, ...], code: WarningCode) -> bool:
    """Say whether any of ``warnings`` is of ``code``."""
    return find_warning(warnings, code) is not None
