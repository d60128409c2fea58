"""Judge columns of targets and actuals at once: met, margin, score, reason (no pandas here).

Each distinct (target, actual, category, indicator, weight) is judged once, so a column of a
million actuals against a few hundred targets costs a few hundred verdicts. A row that cannot be
judged (an empty cell, units that do not compare, a bad weight) gets ``met`` null and a reason;
it never stops the other rows. :meth:`DataFrame.pm.judge` (:mod:`perfmetrics.frames`) is the
pandas face of :func:`judge_columns`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfmetrics.columns import decimal_array, import_pyarrow
from perfmetrics.errors import PerfmetricsError
from perfmetrics.judging.meets import meets
from perfmetrics.judging.scoring import score

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["JUDGE_COLUMNS", "Judged", "judge_columns"]

#: The columns :func:`judge_columns` returns, in order.
JUDGE_COLUMNS = ("met", "margin", "margin_unit", "score", "reason")

#: One judged pair: met, margin, margin unit, score, reason.
Judged = tuple[bool | None, Decimal | None, str | None, Decimal | None, str]


def _first_line(exc: PerfmetricsError) -> str:
    return str(exc).splitlines()[0]


def _judge_one(
    target: object,
    actual: object,
    category: object,
    indicator: object,
    weight: object,
    options: dict[str, Any],
) -> Judged:
    if not isinstance(target, str) or not target.strip():
        return None, None, None, None, "the target is empty"
    if not isinstance(actual, str) or not actual.strip():
        return None, None, None, None, "the actual is empty"
    try:
        verdict = meets(
            target,
            actual,
            category=category if isinstance(category, str) and category else None,
            indicator=indicator if isinstance(indicator, str) and indicator else None,
            year=options["year"],
        )
    except PerfmetricsError as exc:
        return None, None, None, None, _first_line(exc)
    margin = verdict.margin_amount
    points, reason = None, verdict.reason
    if weight is not None and verdict.met is not None:
        try:
            points = score(
                verdict.target,
                verdict.actual,
                weight,  # type: ignore[arg-type]  # a bad one raises InputTypeError
                rule=options["rule"],
                rounding=options["rounding"],
                verdict=verdict,
            )
        except PerfmetricsError as exc:
            reason = f"{reason}; no score: {_first_line(exc)}"
    return (
        verdict.met,
        None if margin is None else margin.magnitude,
        None if margin is None else margin.unit,
        points,
        reason,
    )


def _cell(column: Sequence[Any] | None, i: int) -> Any:
    if column is None:
        return None
    item = column[i]
    if hasattr(item, "item") and not isinstance(item, str):  # a numpy scalar
        item = item.item()
    try:
        return None if item != item else item  # NaN and pandas' NA are missing
    except (TypeError, ValueError):  # pd.NA refuses comparison in bool context
        return None


def judge_columns(
    targets: Sequence[Any],
    actuals: Sequence[Any],
    *,
    categories: Sequence[Any] | None = None,
    indicators: Sequence[Any] | None = None,
    weights: Sequence[Any] | None = None,
    rule: str = "proportional",
    rounding: str | None = None,
    year: int | None = None,
) -> tuple[pa.Table, int]:
    """Judge ``actuals[i]`` against ``targets[i]``: an Arrow table of ``JUDGE_COLUMNS``.

    Returns the table (``met`` bool, ``margin`` exact decimal in ``margin_unit``, ``score``
    exact decimal, ``reason`` string) and how many distinct pairs were judged.

    Raises:
        ImportError: pyarrow is not installed.

    """
    pa = import_pyarrow()
    options = {"rule": rule, "rounding": rounding, "year": year}
    seen: dict[tuple[Any, ...], Judged] = {}
    rows: list[Judged] = []
    for i in range(len(targets)):
        key = (
            _cell(targets, i),
            _cell(actuals, i),
            _cell(categories, i),
            _cell(indicators, i),
            _cell(weights, i),
        )
        try:
            judged = seen[key]
        except KeyError:
            judged = seen[key] = _judge_one(*key, options)
        except TypeError:  # an unhashable cell
            judged = _judge_one(*key, options)
        rows.append(judged)
    met, margin, unit, points, reason = (
        (list(c) for c in zip(*rows, strict=True))
        if rows
        else (
            [],
            [],
            [],
            [],
            [],
        )
    )
    margin_array, lost_margin = decimal_array(margin)
    score_array, lost_score = decimal_array(points)
    for i in {*lost_margin, *lost_score}:
        reason[i] = f"{reason[i]}; a number has more digits than an Arrow decimal holds"
    table = pa.table(
        {
            "met": pa.array(met, type=pa.bool_()),
            "margin": margin_array,
            "margin_unit": pa.array(unit, type=pa.string()),
            "score": score_array,
            "reason": pa.array(reason, type=pa.string()),
        }
    )
    return table, len(seen)
