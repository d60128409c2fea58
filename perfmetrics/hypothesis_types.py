"""Type strategies for hypothesis: ``st.from_type(pm.QuantityValue)`` and the other value classes.

perfmetrics declares this module's :func:`_hypothesis_setup_hook` under the ``hypothesis`` entry
point (``[project.entry-points.hypothesis]`` in pyproject.toml), which hypothesis calls when it
is imported. The hook registers a *deferred* strategy for each class, so importing hypothesis
imports perfmetrics' value model only; :mod:`perfmetrics.strategies` (which builds the parser)
is imported the first time ``st.from_type`` resolves one of the classes. Importing
:mod:`perfmetrics.strategies` registers the same strategies, for an environment where the
package is used without being installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from perfmetrics.values.model import (
    Amount,
    DateValue,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    RecurringValue,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["KIND_OF_CLASS", "register_type_strategies", "strategy_for"]

#: Each value class and the ``kind`` :func:`perfmetrics.strategies.targets` draws for it.
KIND_OF_CLASS: dict[type, str] = {
    QuantityValue: "quantity",
    RangeValue: "range",
    DateValue: "date",
    PeriodValue: "period",
    RecurringValue: "recurring",
    QualitativeValue: "qualitative",
}


def strategy_for(cls: type) -> SearchStrategy[Any]:
    """Return the strategy of a value class (or of ``Amount``): parsed targets of its kind."""
    from perfmetrics.strategies.values import quantities, targets

    if cls is Amount:
        return quantities()
    return targets(kind=KIND_OF_CLASS[cls])


def register_type_strategies() -> None:
    """Register :func:`strategy_for` for every value class and ``Amount`` with hypothesis."""
    from hypothesis import strategies as st

    for cls in (*KIND_OF_CLASS, Amount):
        st.register_type_strategy(cls, strategy_for)


def _hypothesis_setup_hook() -> None:
    """Register the type strategies (the ``hypothesis`` entry point calls this)."""
    register_type_strategies()
