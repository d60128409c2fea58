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


def _judge_one(key: tuple[Any, ...], options: dict[str, Any]) -> Judged:
    target, actual, category, indicator, weight = key
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
                weight,  # a bad one raises InputTypeError
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


def _missing_to_none(column: Sequence[Any] | None, length: int) -> list[Any]:
    """Return ``column`` as a list with NaN and pandas' NA as None (all None when absent)."""
    if column is None:
        return [None] * length
    cells = []
    for item in column:
        if hasattr(item, "item") and not isinstance(item, str):  # a numpy scalar
            item = item.item()
        try:
            missing = item != item  # NaN
        except (TypeError, ValueError):  # pandas' NA refuses to be a bool
            missing = True
        cells.append(None if missing is True else item)
    return cells


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
    clean: bool = False,
) -> tuple[pa.Table, int]:
    """Judge ``actuals[i]`` against ``targets[i]``: an Arrow table of ``JUDGE_COLUMNS``.

    Returns the table (``met`` bool, ``margin`` exact decimal in ``margin_unit``, ``score``
    exact decimal, ``reason`` string) and how many distinct pairs were judged. Missing cells
    (None, NaN, pandas' NA) are read as empty; ``clean=True`` says the columns are lists with
    None for missing already (every column given, of the same length), which is faster.

    Raises:
        ImportError: pyarrow is not installed.

    """
    pa = import_pyarrow()
    options = {"rule": rule, "rounding": rounding, "year": year}
    seen: dict[tuple[Any, ...], int] = {}
    distinct: list[Judged] = []
    codes: list[int] = []
    length = len(targets)
    columns = [
        column if clean else _missing_to_none(column, length)
        for column in (targets, actuals, categories, indicators, weights)
    ]
    for key in zip(*columns, strict=True):
        try:
            code = seen[key]
        except KeyError:
            code = seen[key] = len(distinct)
            distinct.append(_judge_one(key, options))
        except TypeError:  # an unhashable cell: judged on its own
            code = len(distinct)
            distinct.append(_judge_one(key, options))
        codes.append(code)
    met, margin, unit, points, reason = (
        (list(c) for c in zip(*distinct, strict=True)) if distinct else ([], [], [], [], [])
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
    ).take(pa.array(codes, type=pa.int64()))
    return table, len(distinct)
