"""The indicator rows of a self-evaluation table: cells by column, levels carried down, each judged.

A row is kept when it names an indicator and holds a value; form placeholders (``指标2``, ``……``,
a 二级 cell alone) are skipped, a repeated header (after a page break) too. 一级/二级 cells are
written once per merge, so they carry down; a new 一级 clears the 二级. The rows end at the first
row opening with a closing word (``总分``, ``合计``, ``注：``, ``说明`` …: ``selfeval_end``), whose
totals are read when it holds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from perfmetrics.documents.selfeval.cells import (
    fold,
    is_part_name,
    join_target,
    label_key,
    number,
    placeholder_name,
    points_in,
    rate,
)
from perfmetrics.documents.selfeval.columns import Columns, is_indicator_header
from perfmetrics.documents.selfeval.model import SelfEvalRow
from perfmetrics.errors import PerfmetricsError, UnknownCategoryError
from perfmetrics.judging.categories import Category, category_of
from perfmetrics.judging.meets import Verdict, meets
from perfmetrics.values.api import parse
from perfmetrics.values.model import QualitativeValue, Value
from perfmetrics.vocabulary import mapping

__all__ = ["Totals", "closing_word", "judge", "read_rows"]

#: Stands for an empty cell in a verdict (a Verdict always holds two values).
_EMPTY = QualitativeValue(content="", text="")


@frozen
class Totals:
    """The published totals of the indicator block (None where not printed)."""

    score: Decimal | None = None
    weight: Decimal | None = None


def closing_word(text: str) -> str | None:
    """Return the closing word a row's first cell opens with (``总分``, ``注`` …), or None.

    Short words must stand alone or before a colon or bracket (``注：``), so that a name such as
    ``注册企业数量`` is not one.

    >>> closing_word("总分"), closing_word("注:1.一级指标分值…"), closing_word("注册企业数量")
    ('总分', '注', None)
    """
    folded, key = fold(text), label_key(text)
    for word in mapping("selfeval_end"):
        if key == word:
            return word
        if folded.startswith(word):
            rest = folded[len(word) :]
            if len(word) >= 4 or rest[:1] in (":", "：", "(", "、", ".", "1"):
                return word
    return None


def _category(*names: str | None) -> Category | None:
    for name in names:
        if name:
            try:
                return category_of(name)
            except UnknownCategoryError:
                continue
    return None


def _parsed(text: str, year: int | None) -> Value | None:
    if not text.strip():
        return None
    try:
        return parse(text, year=year)
    except PerfmetricsError:
        return QualitativeValue(content=fold(text), text=text)


def judge(
    target: str, actual: str, *, category: Category | None, indicator: str, year: int | None
) -> tuple[Value | None, Value | None, Verdict]:
    """Parse both cells and judge them; a missing side or a unit clash gives ``met=None``."""
    target_value, actual_value = _parsed(target, year), _parsed(actual, year)
    if target_value is None or actual_value is None:
        missing = "指标值 (target)" if target_value is None else "完成值 (actual)"
        verdict = Verdict(
            None, f"no {missing} published", target_value or _EMPTY, actual_value or _EMPTY
        )
        return target_value, actual_value, verdict
    try:
        verdict = meets(
            target_value, actual_value, category=category, indicator=indicator, year=year
        )
    except PerfmetricsError as exc:
        verdict = Verdict(None, str(exc).splitlines()[0], target_value, actual_value)
    return target_value, actual_value, verdict


def _target(columns: Columns, row: Sequence[str]) -> str:
    return join_target(
        columns.get(row, "target_op"), columns.get(row, "target"), columns.get(row, "target_unit")
    )


def _totals(columns: Columns, row: Sequence[str]) -> Totals:
    weight = number(columns.get(row, "weight"))
    score = number(columns.get(row, "score"))
    if weight is None and score is None:
        figures = [found for cell in row if (found := number(cell)) is not None]
        score = figures[-1] if figures else None
    return Totals(score, weight)


def read_rows(
    rows: Sequence[Sequence[str]],
    start: int,
    columns: Columns,
    *,
    first_line: int,
    year: int | None,
) -> tuple[list[SelfEvalRow], Totals, int, dict[str, Decimal]]:
    """Read indicator rows from ``rows[start]`` on.

    Returns:
        The rows, the totals printed on the closing row, the index of that row (``len(rows)``
        when the block runs to the end), and 一级 label → the points written in it.
    """
    found: list[SelfEvalRow] = []
    blocks: dict[str, Decimal] = {}
    level1 = level2 = ""
    for index in range(start, len(rows)):
        row = rows[index]
        first = next((cell for cell in row if cell.strip()), "")
        word = closing_word(first) if first else None
        if word is not None:
            totals = _totals(columns, row) if mapping("selfeval_end")[word] else Totals()
            return found, totals, index, blocks
        if is_indicator_header(row):
            continue  # the header repeated after a page break
        named1, named2 = columns.get(row, "level1"), columns.get(row, "level2")
        if named1:
            if fold(named1) != fold(level1):
                level2 = ""
            level1 = named1
            points = points_in(named1)
            if points is not None:
                blocks.setdefault(named1, points)
        level2 = named2 or level2
        built = _row(columns, row, level1, level2, year=year, index=index, line=first_line + index)
        if built is not None:
            found.append(built)
    return found, Totals(), len(rows), blocks


def _row(
    columns: Columns,
    row: Sequence[str],
    level1: str,
    level2: str,
    *,
    year: int | None,
    index: int,
    line: int,
) -> SelfEvalRow | None:
    level3 = columns.get(row, "level3")
    target, actual = _target(columns, row), columns.get(row, "actual")
    weight, score = number(columns.get(row, "weight")), number(columns.get(row, "score"))
    unnamed = not level3 or placeholder_name(level3)
    if unnamed and not (target or actual) and weight is None and score is None:
        return None
    category = _category(level2, level1)
    target_value, actual_value, verdict = judge(
        target, actual, category=category, indicator=level3, year=year
    )
    coefficient = columns.get(row, "coefficient")
    extra = {
        columns.headers[column] or f"column {column + 1}": row[column].strip()
        for column in columns.extra
        if column < len(row) and row[column].strip()
    }
    return SelfEvalRow(
        level1=level1 or None,
        level2=level2 or None,
        level3=level3,
        target=target,
        actual=actual,
        target_value=target_value,
        actual_value=actual_value,
        weight=weight,
        score=score,
        reason=columns.get(row, "reason"),
        verdict=verdict,
        category=category,
        part=is_part_name(level3) and weight is None and score is None,
        coefficient=rate(coefficient, percent=True) if coefficient else None,
        item_score=number(columns.get(row, "item_score")),
        extra=extra,
        row=index,
        line=line,
    )
