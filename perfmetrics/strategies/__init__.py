"""Hypothesis strategies for fuzzing code that reads 指标值, each draw with its known answer.

Install with ``pip install perfmetrics[fuzz]``; this module imports hypothesis and is never
imported by ``import perfmetrics``.

>>> from hypothesis import given
>>> from perfmetrics.strategies import indicator_values
>>> @given(indicator_values())
... def test_my_reader(sample):
...     text, expected = sample.text, sample.value
...     assert my_reader(text) == expected.to_dict()["magnitude"]   # doctest: +SKIP

Strategies:

- :func:`indicator_values` draws :class:`Labeled` samples: a messy text as real tables write it
  (comparator words and symbols, full-width forms, stray spaces, 万 multipliers, thousands
  separators, % ％ 百分比, compound rates, ranges, deadlines, periods, notes, qualitative phrases)
  and the value ``perfmetrics.parse`` must return for it.
- :func:`quantities` draws amounts in a unit; :func:`targets` draws parsed targets of a kind;
  :func:`actuals_for` draws actual texts that meet (or miss) a given target.

``st.from_type`` works for every value class (``QuantityValue``, ``RangeValue``, ``DateValue``,
``PeriodValue``, ``RecurringValue``, ``QualitativeValue``) and ``Amount``: the installed package
registers them through the ``hypothesis`` entry point, and this module registers them too.

Importing this module builds the parser and the unit registry (a few seconds, once per
process), so that the first example of a property test that calls ``perfmetrics.parse`` does
not pay for it and fail hypothesis' deadline.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  (only to say which extra is missing)
except ImportError as exc:
    raise ImportError(
        "perfmetrics.strategies needs hypothesis, an optional extra: "
        'pip install "perfmetrics[fuzz]"',
        name="hypothesis",
    ) from exc

from perfmetrics.hypothesis_types import register_type_strategies
from perfmetrics.strategies.actuals import actuals_for
from perfmetrics.strategies.values import Labeled, indicator_values, quantities, targets
from perfmetrics.strategies.words import COUNT_UNITS, UNIT_FAMILIES, full_width
from perfmetrics.values.api import parse

# Warm up: build the parser and the unit registry now, not inside the first example.
parse("≥1人").quantity  # noqa: B018  (the attribute builds the registry)
register_type_strategies()

__all__ = [
    "COUNT_UNITS",
    "UNIT_FAMILIES",
    "Labeled",
    "actuals_for",
    "full_width",
    "indicator_values",
    "quantities",
    "targets",
]
