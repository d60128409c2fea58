"""Read self-evaluation tables (绩效自评表) from cell grids, whatever format the grid came from.

A grid holds one table or several; a table opens at a title row (``…自评表``), at a budget header
or at a ``项目名称`` row that comes after an indicator block. Inside a table the sections are
found by their words, not their positions: the title and the 项目名称 / 主管部门 / 实施单位
labels, the budget block (:mod:`~perfmetrics.documents.selfeval.budget`), the 年度总体目标 texts,
the indicator header (:mod:`~perfmetrics.documents.selfeval.columns`) and its rows
(:mod:`~perfmetrics.documents.selfeval.rows`), and the totals (总分, 合计, 自评总分).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from perfmetrics.documents.grid import Grid
from perfmetrics.documents.selfeval.budget import read_budget, read_inline_budget
from perfmetrics.documents.selfeval.cells import (
    fold,
    lookup,
    money_unit,
    number,
    year_in,
)
from perfmetrics.documents.selfeval.columns import (
    Columns,
    is_budget_header,
    is_indicator_header,
    read_columns,
)
from perfmetrics.documents.selfeval.model import BudgetLine, SelfEvalTable
from perfmetrics.documents.selfeval.rows import Totals, closing_word, read_rows
from perfmetrics.vocabulary import mapping, words

__all__ = ["is_title", "layout_of", "read_grid"]

Rows = Sequence[Sequence[str]]


def _first(row: Sequence[str]) -> str:
    return next((cell.strip() for cell in row if cell.strip()), "")


def is_title(row: Sequence[str]) -> bool:
    """Say whether a row is a table title: its first cell names a 自评表 and is not a label.

    >>> is_title(["2020年度項目支出績效自評表", ""]), is_title(["项目名称", "…自评表"])
    (True, False)
    """
    first = _first(row)
    if not first or lookup("selfeval_info", first) is not None:
        return False
    return any(word in fold(first) for word in words("selfeval_title"))


def _opens_table(row: Sequence[str]) -> bool:
    return (
        is_title(row) or is_budget_header(row) or lookup("selfeval_info", _first(row)) == "project"
    )


def _segments(rows: Rows) -> Iterator[tuple[int, int]]:
    starts = [0]
    header_seen = False
    for index, row in enumerate(rows):
        if header_seen and _opens_table(row):
            starts.append(index)
            header_seen = False
        header_seen = header_seen or is_indicator_header(row)
    yield from zip(starts, [*starts[1:], len(rows)], strict=True)


def layout_of(columns: Columns) -> str:
    """Name the layout of an indicator block: ``"L1"`` … ``"L6"`` (docs/selfeval.md)."""
    if not columns.has("level2"):
        return "L6"
    if columns.has("coefficient") or columns.has("item_score"):
        return "L5"
    if not columns.has("weight"):
        return "L4"
    if columns.has("target_op") or columns.has("target_unit"):
        return "L2"
    if columns.has("target") and columns.fields["weight"] < columns.fields["target"]:
        return "L3"
    return "L1"


def _info(rows: Rows) -> dict[str, str]:
    """Read ``label | value`` pairs (项目名称, 实施单位 …; ``单位名称:区商务局`` in one cell)."""
    found: dict[str, str] = {}
    for row in rows:
        for column, cell in enumerate(row):
            head, colon, tail = fold(cell).partition(":")
            if not colon:
                head, colon, tail = fold(cell).partition("：")
            key = lookup("selfeval_info", cell) or (lookup("selfeval_info", head) if tail else None)
            if key is None or key in found:
                continue
            if lookup("selfeval_info", cell) is None:
                found[key] = cell.strip().split(":" if ":" in cell else "：", 1)[1].strip()
                continue
            value = next((c.strip() for c in row[column + 1 :] if c.strip()), "")
            if value and lookup("selfeval_info", value) is None and not value.endswith((":", "：")):
                found[key] = value
    return found


def _names_unit(cell: str) -> bool:
    return any(word in fold(cell) for word in words("money_unit_label"))


def _goals(rows: Rows) -> tuple[str | None, str | None]:
    for index, row in enumerate(rows[:-1]):
        claims = {lookup("selfeval_goal", cell): column for column, cell in enumerate(row)}
        if "goal" not in claims:
            continue
        below = rows[index + 1]
        goal_at, achieved_at = claims["goal"], claims.get("achieved")
        goal = _first(below[goal_at:achieved_at])
        achieved = _first(below[achieved_at:]) if achieved_at is not None else ""
        return goal or None, achieved or None
    return None, None


def _year(rows: Rows) -> int | None:
    for row in rows:
        if lookup("selfeval_info", _first(row)) is not None or is_budget_header(row):
            return None
        found = next((y for y in map(year_in, row) if y is not None), None)
        if found is not None:
            return found
    return None


def _budget(grid: Grid, start: int, end: int, warnings: list[str]) -> tuple[BudgetLine | None, str]:
    rows = grid.rows
    for index in range(start, end):
        if is_budget_header(rows[index]):
            line, unit, _ = read_budget(
                rows[:end], index, first_line=grid.first_line, warnings=warnings
            )
            return line, unit
    return read_inline_budget(rows[start:end], first_line=grid.first_line + start)


def _later_totals(rows: Rows, columns: Columns) -> Totals:
    for row in rows:
        word = closing_word(_first(row))
        if word and mapping("selfeval_end")[word]:
            weight, score = number(columns.get(row, "weight")), number(columns.get(row, "score"))
            return Totals(score, weight)
    return Totals()


def _table(grid: Grid, start: int, end: int, year: int | None) -> SelfEvalTable | None:
    rows = grid.rows
    warnings: list[str] = []
    header = next((i for i in range(start, end) if is_indicator_header(rows[i])), None)
    before = rows[start : end if header is None else header]
    title = next((_first(row) for row in before if is_title(row)), None)
    info = _info(before)
    budget, unit = _budget(grid, start, end if header is None else header, warnings)
    unit = unit or next(
        (u for row in before for c in row if _names_unit(c) and (u := money_unit(c))), ""
    )
    goal, achieved = _goals(before)
    found_year = _year(before)
    fields: dict[str, Any] = {
        "title": title,
        "project": info.get("project"),
        "unit": info.get("unit") or info.get("reporter"),
        "department": info.get("department"),
        "year": found_year or year,
        "budget": budget,
        "goal": goal,
        "achieved": achieved,
        "money_unit": unit,
        "source": grid.source,
        "where": grid.where,
        "line": grid.first_line + start,
    }
    total_score = number(info.get("total", ""))
    if header is None:
        return None
    stop = next(
        (i for i in range(header + 1, end) if closing_word(_first(rows[i])) is not None), end
    )
    columns = read_columns(rows, header, rows[header + 1 : stop])
    found, totals, closed, blocks = read_rows(
        rows[:end],
        header + columns.header_rows,
        columns,
        first_line=grid.first_line,
        year=found_year or year,
    )
    if totals == Totals():
        totals = _later_totals(rows[closed + 1 : end], columns)
    if not found:
        warnings.append(f"{grid.location(header)}: the indicator block has no rows")
    return SelfEvalTable(
        rows=tuple(found),
        total_score=totals.score if totals.score is not None else total_score,
        total_weight=totals.weight,
        blocks=blocks,
        layout=layout_of(columns),
        warnings=tuple(warnings),
        **fields,
    )


def read_grid(grid: Grid, *, year: int | None = None) -> list[SelfEvalTable]:
    """Return the self-evaluation tables of one grid, in order.

    A part of the grid without an indicator header (三级指标 | 年度指标值 …) is no table and is
    skipped.

    Args:
        grid: the cells of a document table (from any format reader, or a text grid).
        year: the evaluation year, for tables that do not state it (and for dates without one).

    """
    tables = (_table(grid, start, end, year) for start, end in _segments(grid.rows))
    return [table for table in tables if table is not None]
