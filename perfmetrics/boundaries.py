"""Argument checks at the public boundary (docs/errors.md, the error contract).

A wrong type is an ``InputTypeError``, never a ``TypeError`` or ``AttributeError`` from deep
inside.

>>> require_text(95, "parse()")
Traceback (most recent call last):
...
perfmetrics.errors.InputTypeError: parse() takes a str, not int
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from perfmetrics.errors import InputTypeError

__all__ = [
    "require_flag",
    "require_instance",
    "require_iterable",
    "require_optional_text",
    "require_source",
    "require_text",
    "require_year",
]


def require_text(value: object, where: str) -> str:
    """Return ``value`` if it is a ``str``; else raise InputTypeError naming ``where``."""
    if not isinstance(value, str):
        raise InputTypeError(f"{where} takes a str, not {type(value).__name__}")
    return value


def require_optional_text(value: object, name: str) -> str | None:
    """Return ``value`` if it is None or a ``str``; else raise InputTypeError naming ``name``."""
    if value is not None and not isinstance(value, str):
        raise InputTypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return value


def require_year(year: object) -> int | None:
    """Return ``year`` if it is None or an int from 1 to 9999 (not a bool)."""
    if year is not None and (
        isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999
    ):
        raise InputTypeError(f"year must be an int from 1 to 9999, not {year!r}")
    return year


def require_flag(value: object, name: str) -> bool:
    """Return ``value`` if it is a ``bool``; else raise InputTypeError naming ``name``."""
    if not isinstance(value, bool):
        raise InputTypeError(f"{name} must be True or False, not {value!r}")
    return value


def require_iterable(value: object, where: str) -> Iterable[Any]:
    """Return ``value`` if it is an iterable other than a str or bytes (a column, a list)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputTypeError(
            f"{where} takes an iterable of items (a list, a Series), not {type(value).__name__}"
        )
    return value


def require_instance(value: object, types: type | tuple[type, ...], where: str) -> None:
    """Raise InputTypeError unless ``value`` is an instance of ``types``."""
    if not isinstance(value, types):
        names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise InputTypeError(f"{where} takes a {names}, not {type(value).__name__}")


def require_source(value: object, where: str) -> None:
    """Raise InputTypeError unless ``value`` is a path, a ``str``, ``bytes`` or a file object."""
    if not isinstance(value, str | bytes | os.PathLike) and not callable(
        getattr(value, "read", None)
    ):
        raise InputTypeError(
            f"{where} takes a path, a str, bytes or a binary file object, "
            f"not {type(value).__name__}"
        )
