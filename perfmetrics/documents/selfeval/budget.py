"""The budget block of a self-evaluation table: 预算数, 执行数, 分值, 执行率, 得分.

The header names the columns (``budget_column`` words); the first row under it is the line that
is scored (``年度资金总额``, ``总额``), the rows after it its parts (``其中：当年财政拨款``,
``上年结转资金`` …). The line's 分值 comes from its column, else from the points written in the
block's label or score header (``预算执行情况(万元)(20分)``, ``得分(20分*执行率)``). Placeholders
(``—``, ``/``, ``-``) read as empty.

Two forms name their figures inside the rows instead (河北 ``预算数 | 6.84 | 到位数 | 6.84 |
执行数 | 6.84``): :func:`read_inline_budget` reads those.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from perfmetrics.documents.selfeval.cells import (
    PLACEHOLDERS,
    fold,
    header_field,
    money_unit,
    number,
)
from perfmetrics.documents.selfeval.cells import points_in as _points_in
from perfmetrics.documents.selfeval.cells import rate as _rate
from perfmetrics.documents.selfeval.columns import budget_fields, is_budget_header
from perfmetrics.documents.selfeval.model import BudgetLine
from perfmetrics.values.model import Amount

__all__ = ["read_budget", "read_inline_budget"]

_MONEY_FIELDS = ("initial", "adjusted", "executed")


def _cell(row: Sequence[str], column: int) -> str:
    return row[column] if column < len(row) else ""


def _line(
    row: Sequence[str],
    columns: dict[str, int],
    *,
    unit: str,
    percent: bool,
    line: int,
    warnings: list[str],
) -> BudgetLine | None:
    first = min(columns.values())
    label = next((cell.strip() for cell in row[:first] if cell.strip()), "")
    figures: dict[str, Amount | None] = {}
    for name in _MONEY_FIELDS:
        text = _cell(row, columns[name]) if name in columns else ""
        value = number(text)
        if value is None and fold(text) not in PLACEHOLDERS:
            warnings.append(f"row {line}: the budget's {name} is not a number: {text!r}")
        figures[name] = None if value is None else Amount(value, unit)
    rate_text = _cell(row, columns["rate"]).strip() if "rate" in columns else ""
    weight = number(_cell(row, columns["weight"])) if "weight" in columns else None
    score = number(_cell(row, columns["score"])) if "score" in columns else None
    published_rate = _rate(rate_text, percent=percent) if rate_text else None
    empty = published_rate is None and weight is None and score is None
    if not label and not any(figures.values()) and empty:
        return None
    return BudgetLine(
        label=label,
        initial=figures["initial"],
        adjusted=figures["adjusted"],
        executed=figures["executed"],
        rate=published_rate,
        rate_text=rate_text,
        weight=weight,
        score=score,
        line=line,
    )


def read_budget(
    rows: Sequence[Sequence[str]], header: int, *, first_line: int, warnings: list[str]
) -> tuple[BudgetLine | None, str, int]:
    """Read the budget block whose header is ``rows[header]``.

    Returns:
        The scored line with its parts, the money unit (``万元`` or ``""``), and the index of the
        first row after the block.
    """
    head = rows[header]
    columns = {name: column for column, name in budget_fields(head).items()}
    unit = next((u for u in map(money_unit, head) if u), "")
    percent = "rate" in columns and "%" in fold(_cell(head, columns["rate"]))
    points = next((p for p in map(_points_in, head) if p is not None), None)
    lines: list[BudgetLine] = []
    end = header + 1
    while end < len(rows):
        row = rows[end]
        if _cell(row, 0).strip() or is_budget_header(row):
            break  # a new section opens in the label column
        found = _line(
            row,
            columns,
            unit=unit,
            percent=percent,
            line=first_line + end,
            warnings=warnings,
        )
        if found is not None:
            lines.append(found)
        end += 1
    if not lines:
        warnings.append(f"row {first_line + header}: a budget header without a budget row")
        return None, unit, end
    total, *parts = lines
    if total.weight is None and points is not None:
        total = attrs.evolve(total, weight=points)
    return attrs.evolve(total, parts=tuple(parts)), unit, end


def read_inline_budget(
    rows: Sequence[Sequence[str]], *, first_line: int
) -> tuple[BudgetLine | None, str]:
    """Read a budget written as label–value pairs inside its rows (河北 预算执行情况 form).

    The row holding ``预算数`` and ``执行数`` gives the amounts; a ``预算执行进度(%)`` or
    ``执行率`` head above gives the column of the rate.
    """
    unit = ""
    for row in rows:
        unit = unit or next((u for u in map(money_unit, row) if u), "")
    for index, row in enumerate(rows):
        keys = [header_field("budget_column", cell) for cell in row]
        if "adjusted" not in keys or "executed" not in keys:
            continue
        figures = {}
        for name in ("adjusted", "executed"):
            value = next(
                (number(c) for c in row[keys.index(name) + 1 :] if number(c) is not None), None
            )
            figures[name] = None if value is None else Amount(value, unit)
        published_rate, rate_text = None, ""
        above = rows[index - 1] if index else ()
        for column, cell in enumerate(above):
            if header_field("budget_column", cell) == "rate" and _cell(row, column).strip():
                rate_text = _cell(row, column).strip()
                published_rate = _rate(rate_text, percent="%" in fold(cell))
        line = BudgetLine(
            label=row[keys.index("adjusted")].strip(),
            adjusted=figures["adjusted"],
            executed=figures["executed"],
            rate=published_rate,
            rate_text=rate_text,
            line=first_line + index,
        )
        return line, unit
    return None, unit
