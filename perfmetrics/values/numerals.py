"""Numbers as written in 指标值: Chinese numerals, multiplier words, and the exactness limit."""

from __future__ import annotations

from decimal import Decimal

import regex

from perfmetrics.errors import SemanticError
from perfmetrics.vocabulary import mapping

__all__ = [
    "MAX_DIGITS",
    "MULTIPLIER_EXPONENT",
    "check_digits",
    "chinese_number",
    "foreign_digit",
    "scaled",
]

#: 10**n for each multiplier word (words.tsv, group ``multiplier``).
MULTIPLIER_EXPONENT = {word: int(value) for word, value in mapping("multiplier").items()}
#: More significant digits than this would be rounded by Decimal arithmetic: refuse them.
MAX_DIGITS = 28

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Every character a Chinese numeral may start with (半: 半年).
NUMERAL_CHARS = frozenset(_CN_DIGITS) | frozenset(_CN_UNITS) | {"半", "几", "数"}


def chinese_number(text: str) -> int:
    """Read a small Chinese numeral.

    >>> [chinese_number(text) for text in ("两", "十二", "二十", "三百零五")]
    [2, 12, 20, 305]
    """
    total = 0
    digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + digit


def check_digits(value: Decimal, position: int) -> None:
    """Refuse a number with more significant digits than Decimal keeps exact.

    Raises:
        SemanticError: at ``position``.

    """
    _, digit_tuple, exponent = value.as_tuple()
    digits = len(digit_tuple) + (exponent if isinstance(exponent, int) and exponent > 0 else 0)
    if digits > MAX_DIGITS:
        raise SemanticError(
            f"number has {digits} significant digits; more than {MAX_DIGITS} cannot be kept exact",
            position,
        )


def scaled(value: Decimal, multiplier: str, position: int) -> Decimal:
    """Fold a multiplier word into the number, keeping plain notation.

    >>> scaled(Decimal("1.7"), "万", 0)
    Decimal('17000')
    """
    result = value.scaleb(MULTIPLIER_EXPONENT[multiplier])
    check_digits(result, position)
    exponent = result.as_tuple().exponent
    return result.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else result


#: A decimal digit (Unicode Nd) that is neither ASCII nor full-width.
_FOREIGN_DIGIT = regex.compile(r"[\p{Nd}--[0-9０-９]]", regex.V1)


def foreign_digit(text: str) -> str | None:
    """Return the first decimal digit of ``text`` that is neither ASCII nor full-width, or None.

    Only ``0-9`` (and their full-width forms, folded by normalize) are read as digits; a digit of
    another script (Bengali ``৪``, Arabic-Indic ``٣``) is refused, never read.

    >>> foreign_digit("≥৪0%"), foreign_digit("≥９5%")
    ('৪', None)
    """
    found = _FOREIGN_DIGIT.search(text)
    return found.group() if found else None
