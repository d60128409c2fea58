"""What a 绩效自评表 (self-evaluation table) holds: judged rows and a budget line.

Frozen attrs, no reading here: :mod:`perfmetrics.documents.selfeval.layout` builds them from cell
grids and :func:`perfmetrics.read_selfeval` is the entry point. Every figure is kept as published
(``weight``, ``score``, ``total_score``, the budget line's ``rate`` and ``score``); what perfmetrics
computes instead is the audit's business (:func:`perfmetrics.audit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from attrs import field, frozen

from perfmetrics.judging.categories import Category
from perfmetrics.judging.meets import Verdict
from perfmetrics.values.model import Amount, Value, format_decimal

__all__ = ["BudgetLine", "SelfEvalRow", "SelfEvalTable", "SelfEvaluation"]


def _shown(number: Decimal | None) -> str:
    return "" if number is None else format_decimal(number)


@frozen(kw_only=True)
class BudgetLine:
    """The budget-execution line (预算执行率) of a self-evaluation table, as published.

    Attributes:
        label: the row's label (``年度资金总额``, ``总额``); empty when the form has none.
        initial, adjusted, executed: 年初预算数, 全年(调整后)预算数, 全年执行数 (Amounts in the
            table's money unit; None where the cell is empty or a placeholder ``—``).
        rate: the published 执行率 as a fraction (``86.19%`` → ``0.8619``).
        rate_text: the 执行率 cell as printed (its decimals tell its precision).
        weight, score: the line's 分值 and 得分.
        parts: the sub-rows (``其中：当年财政拨款``, ``上年结转资金`` …), each a BudgetLine.
        line: the row's line (or row number) in the source.
    """

    label: str = ""
    initial: Amount | None = None
    adjusted: Amount | None = None
    executed: Amount | None = None
    rate: Decimal | None = None
    rate_text: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    parts: tuple[BudgetLine, ...] = ()
    line: int = 0

    @property
    def budget(self) -> Amount | None:
        """The amount the rate is taken on: the adjusted budget, else the initial one."""
        return self.adjusted or self.initial

    @property
    def computed_rate(self) -> Decimal | None:
        """执行数 / 预算数 (adjusted, else initial), or None when either is missing or zero."""
        budget = self.budget
        if budget is None or self.executed is None or budget.magnitude == 0:
            return None
        try:
            return self.executed.magnitude / budget.magnitude
        except InvalidOperation:
            return None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (numbers as strings)."""
        return {
            "label": self.label,
            "initial": None if self.initial is None else str(self.initial.magnitude),
            "adjusted": None if self.adjusted is None else str(self.adjusted.magnitude),
            "executed": None if self.executed is None else str(self.executed.magnitude),
            "unit": (self.budget or self.executed or Amount(Decimal(0), "")).unit,
            "rate": None if self.rate is None else str(self.rate),
            "weight": None if self.weight is None else str(self.weight),
            "score": None if self.score is None else str(self.score),
            "parts": [part.to_dict() for part in self.parts],
        }


@frozen(kw_only=True)
class SelfEvalRow:
    """One indicator row of a self-evaluation table, judged.

    Attributes:
        level1, level2, level3: 一级, 二级, 三级 names as published (merged cells carried down;
            ``level1``/``level2`` are None in 部门整体 tables, which have no such columns).
        target, actual: the 指标值 and 完成值 cells as published; a target split over
            指标性质 | 指标值 | 度量单位 cells is joined (``﹦`` + ``72890`` + ``元``).
        target_value, actual_value: the parsed cells (None when a cell is empty).
        weight, score: 分值/权重 and 得分 as published (None when the form has no such column
            or the cell is empty). In a table with a coefficient column (得分系数) ``score`` is
            the published 指标得分; with 权重占比 it is the 折算得分.
        reason: the 偏差原因 cell, or ``""``.
        verdict: ``meets(target, actual, category=…, indicator=level3, year=…)``; ``met`` is None
            when a side is empty or the two do not compare.
        category: the 二级 (else 一级) category, or None when none is named.
        part: a ``其中…`` breakdown row without a weight or score of its own.
        coefficient: the 得分系数 as a fraction, when the form has one.
        item_score: the 单项指标得分 before a 权重占比 is applied, when the form has one.
        extra: other cells by header (调整指标值, 是否核心指标 …).
        row: the row's index in its grid; line: its line or row number in the source.
    """

    level1: str | None
    level2: str | None
    level3: str
    target: str
    actual: str
    target_value: Value | None = field(default=None, repr=False)
    actual_value: Value | None = field(default=None, repr=False)
    weight: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""
    verdict: Verdict = field(repr=False)
    category: Category | None = None
    part: bool = False
    coefficient: Decimal | None = None
    item_score: Decimal | None = None
    extra: Mapping[str, str] = field(factory=dict, repr=False)
    row: int = 0
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (numbers as strings)."""
        return {
            "level1": self.level1,
            "level2": self.level2,
            "level3": self.level3,
            "target": self.target,
            "actual": self.actual,
            "weight": None if self.weight is None else str(self.weight),
            "score": None if self.score is None else str(self.score),
            "reason": self.reason,
            "verdict": self.verdict.outcome,
            "verdict_reason": self.verdict.reason_zh,
            "part": self.part,
            "line": self.line,
        }

    def __repr__(self) -> str:
        """Show the row's names, values, verdict and score."""
        scored = f" {_shown(self.score)}/{_shown(self.weight)}" if self.weight or self.score else ""
        where = "/".join(part for part in (self.level2, self.level3) if part)
        return (
            f"<SelfEvalRow {where}: {self.target!r} → {self.actual!r} "
            f"{self.verdict.outcome}{scored}>"
        )


@frozen(kw_only=True)
class SelfEvalTable:
    """One self-evaluation table (绩效自评表).

    Attributes:
        title, project, unit, department, year: as the table states them (None where absent);
            ``unit`` is the 实施单位, ``department`` the 主管部门.
        budget: the budget-execution line, or None when the table has none.
        rows: the indicator rows (form placeholders such as ``指标2`` and ``……`` left out).
        total_score: the published 总分 (or 自评总分), or None.
        total_weight: the published total of the 分值 column (``合计 100``), or None.
        blocks: 一级 label → the points written in it (``产出指标(50分)`` → 50).
        goal, achieved: the 年度总体目标 texts (预期目标, 实际完成情况), or None.
        layout: ``"L1"`` … ``"L6"`` (docs/selfeval.md: national template, split target, 分值
            first, no weight column, coefficient column, 部门整体).
        money_unit: the budget's unit (``万元``, ``元``) or ``""``.
        warnings: what could not be read, one sentence each.
        source, where, line: the file, the place in it, and the table's first row there.
    """

    title: str | None = None
    project: str | None = None
    unit: str | None = None
    department: str | None = None
    year: int | None = None
    budget: BudgetLine | None = None
    rows: tuple[SelfEvalRow, ...] = ()
    total_score: Decimal | None = None
    total_weight: Decimal | None = None
    blocks: Mapping[str, Decimal] = field(factory=dict)
    goal: str | None = None
    achieved: str | None = None
    layout: str = "L1"
    money_unit: str = ""
    warnings: tuple[str, ...] = ()
    source: str = "<text>"
    where: str = ""
    line: int = 1

    @property
    def name(self) -> str:
        """The project name, else the title, else where the table is."""
        return self.project or self.title or f"{self.source} {self.where}".strip()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the table and its rows."""
        return {
            "title": self.title,
            "project": self.project,
            "unit": self.unit,
            "department": self.department,
            "year": self.year,
            "layout": self.layout,
            "budget": None if self.budget is None else self.budget.to_dict(),
            "total_score": None if self.total_score is None else str(self.total_score),
            "rows": [row.to_dict() for row in self.rows],
            "warnings": list(self.warnings),
        }

    def __repr__(self) -> str:
        """Show the table's name, layout and size."""
        total = f", 总分 {_shown(self.total_score)}" if self.total_score is not None else ""
        return f"<SelfEvalTable {self.name!r} {self.layout}: {len(self.rows)} rows{total}>"

    def _repr_html_(self) -> str:
        from perfmetrics.documents.selfeval.html_view import table_html

        return table_html(self)


class SelfEvaluation(list[SelfEvalTable]):
    """The self-evaluation tables of one document, in order, with what could not be read."""

    def __init__(
        self,
        tables: Iterable[SelfEvalTable] = (),
        *,
        source: str = "<text>",
        warnings: Iterable[str] = (),
    ) -> None:
        super().__init__(tables)
        self.source = source
        self.warnings = list(warnings)

    @property
    def rows(self) -> list[SelfEvalRow]:
        """Every indicator row of every table, in order."""
        return [row for table in self for row in table.rows]

    def __repr__(self) -> str:
        """Show the source and the number of tables and rows."""
        return (
            f"<SelfEvaluation from {self.source}: {len(self)} tables, {len(self.rows)} rows, "
            f"{len(self.warnings) + sum(len(t.warnings) for t in self)} warnings>"
        )
