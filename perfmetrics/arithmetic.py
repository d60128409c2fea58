"""The one decimal context of perfmetrics: explicit precision and traps, whatever the caller set.

``decimal`` arithmetic reads the thread's current context, so a caller's ``getcontext().prec = 6``
or a trapped ``Inexact`` would change or break perfmetrics' answers. Every public entry point that
computes runs its arithmetic in :data:`CONTEXT` instead (:func:`exact`): the caller's context is
neither read nor changed.

>>> import decimal
>>> with decimal.localcontext() as caller:
...     caller.prec = 6
...     exact(lambda: decimal.Decimal("2629604") - decimal.Decimal("262.96") * 10000)()
Decimal('4.00')
>>> with decimal.localcontext() as caller:
...     caller.prec = 6
...     decimal.Decimal("2629604") / 10000 - decimal.Decimal("262.96")
Decimal('0.000')
>>> with decimal.localcontext() as caller:
...     caller.prec = 6
...     exact(lambda: decimal.Decimal("2629604") / 10000 - decimal.Decimal("262.96"))()
Decimal('0.0004')
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["CONTEXT", "PRECISION", "WIDE", "exact"]

#: Significant digits of results (scores, ratios, margins): Python's default, made explicit.
PRECISION = 28
#: The context of every computation. Inexact results (a division such as 1/3) are rounded half to
#: even; an invalid operation, a division by zero or an overflow is a bug and raises.
CONTEXT = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
#: Unit conversion: numbers have at most 28 digits (values.numerals.MAX_DIGITS), so a product of
#: a number and unit factors stays exact within 80 digits (``2629604元`` is exactly 262.9604万元).
WIDE = CONTEXT.copy()
WIDE.prec = 80

_P = ParamSpec("_P")
_R = TypeVar("_R")


def exact(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` in a copy of :data:`CONTEXT` (the caller's context is left as it was)."""

    @functools.wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(CONTEXT):
            return function(*args, **kwargs)

    return run
