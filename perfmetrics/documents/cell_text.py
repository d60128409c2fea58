"""A spreadsheet cell's value as the sheet shows it: 95% not 0.95, codes with every digit.

Spreadsheet readers (openpyxl, xlrd) give a number and its number format; a 绩效目标表 is read
from what the cell shows, so :func:`shown` writes the number back the way the format displays it:
a percent format multiplies by 100 and adds ``%``, ``0.00`` keeps two decimals, ``#,##0`` groups
thousands, and the General format writes at most 15 significant digits of a fraction and never
an exponent (a 21-digit project code stored as a number keeps its digits as stored).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import regex

__all__ = ["shown"]

_QUOTED = regex.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DECIMALS = regex.compile(r"\.([0#?]+)")


def _section(number_format: str) -> str:
    """Return the positive section of a format, without quoted text, escapes and colours."""
    return _QUOTED.sub("", number_format.split(";")[0])


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _float(value: float) -> Decimal:
    # A fraction shows at most 15 significant digits, as a spreadsheet does (0.1 + 0.2 is 0.3);
    # a whole number past 10^15 (a code stored as a number) keeps every digit the double holds.
    if value.is_integer() and abs(value) >= 1e15:
        return Decimal(repr(value))
    return Decimal(f"{value:.15g}")


def shown(value: object, number_format: str = "General") -> str:
    """Return the text a cell holding ``value`` shows under ``number_format``.

    >>> shown(0.95, "0%"), shown(520, "0.00"), shown(1234567.5, "#,##0.00"), shown(0.1 + 0.2)
    ('95%', '520.00', '1,234,567.50', '0.3')
    >>> shown(123456789012345678901), shown(1.5e20), shown("≥95%"), shown(None)
    ('123456789012345678901', '150000000000000000000', '≥95%', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if not isinstance(value, int | float | Decimal):
        return str(value).strip()
    number = Decimal(value) if isinstance(value, int | Decimal) else _float(value)
    if not number.is_finite():
        return str(value)
    section = _section(number_format or "General")
    if section.lower() in ("general", "@", ""):
        return _plain(number)
    percent = "%" in section
    if percent:
        number *= 100
    found = _DECIMALS.search(section)
    places = len(found.group(1)) if found else 0
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}" if "," in section else f"{number:.{places}f}"
    return text + ("%" if percent else "")
