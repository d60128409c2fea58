"""What a 绩效目标表 document holds: tables of indicator rows (frozen attrs; no reading here).

The readers listed in :mod:`perfmetrics.documents.registry` build these objects (rows through
:func:`perfmetrics.documents.rows.make_row`); :func:`perfmetrics.read_tables` is the entry point.
A row judges an actual through :mod:`perfmetrics.judging` (documents → judging, never back);
the HTML shown in notebooks is written by :mod:`perfmetrics.documents.html_view`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from attrs import field, frozen

from perfmetrics.documents.html_view import rows_html, table_html, tables_html
from perfmetrics.documents.summary import Summary, summarize
from perfmetrics.errors import UndecidableError, UnknownCategoryError
from perfmetrics.judging.categories import Category, category_of
from perfmetrics.judging.grading import grade
from perfmetrics.judging.meets import Verdict, meets
from perfmetrics.values.model import Amount, Value, format_decimal
from perfmetrics.vocabulary import words

__all__ = [
    "EMPTY_CELL",
    "TIER_NAMES",
    "Budget",
    "IndicatorRow",
    "Table",
    "TableKind",
    "Tables",
]

#: The error of a row whose value cell is empty.
EMPTY_CELL = "the value cell is empty"

#: The graded tiers of a department-level table, best first (words.tsv ``tier``).
TIER_NAMES = words("tier")


class TableKind(enum.StrEnum):
    """What a table describes: one budget project, or the department's graded goals."""

    PROJECT = "project"
    DEPARTMENT = "department"

    def __repr__(self) -> str:
        return repr(self.value)


def _mapping(items: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> dict[str, str]:
    return dict(items or {})


@frozen(kw_only=True)
class IndicatorRow:
    """One indicator (三级指标) of a table, with its value cell as written and as parsed.

    ``level2`` is filled down from the merged cell above when the document leaves it blank.
    ``value`` is ``None`` only when the cell is empty or cannot be read (``error`` says why).
    """

    level1: str
    level2: str
    level3: str
    description: str = ""
    raw: str
    value: Value | None
    error: str | None = None
    basis: str | None = None
    #: 优/良/中/差 → the tier's cell as written (department tables only).
    tiers: dict[str, str] = field(factory=dict, converter=_mapping, hash=False)
    #: Cells of columns that are not one of the fields above (活动编码, 预算年度 …).
    extra: dict[str, str] = field(factory=dict, converter=_mapping, hash=False)
    #: 1-based line of the document where the row starts.
    line: int = field(default=0, eq=False)

    @property
    def category(self) -> Category | None:
        """The 二级 category (成本/数量/质量/时效/效益/满意度) or ``None`` if it names none."""
        try:
            return category_of(self.level2 or self.level1)
        except UnknownCategoryError:
            return None

    def meets(self, actual: str | Value, *, year: int | None = None) -> Verdict:
        """Judge ``actual`` against this row's value, with its category giving bare values a side.

        Raises:
            UndecidableError: the value cell could not be read (see ``error``).

        """
        if self.value is None:
            raise UndecidableError(f"{self.level3}: {self.error}")
        return meets(self.value, actual, category=self.category, year=year)

    def grade(self, actual: str | Value, *, year: int | None = None) -> str | None:
        """Return the tier (优/良/中/差) ``actual`` reaches, or None (no tiers, or none reached).

        ``actual`` may be the value already parsed for :meth:`meets`; it is not parsed again.
        """
        return grade(self.tiers, actual, year=year) if self.tiers else None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the row, with the parsed value under ``"value"``."""
        return {
            "level1": self.level1,
            "level2": self.level2,
            "level3": self.level3,
            "description": self.description,
            "raw": self.raw,
            "value": None if self.value is None else self.value.to_dict(),
            "error": self.error,
            "basis": self.basis,
            "tiers": dict(self.tiers),
            "extra": dict(self.extra),
            "category": None if self.category is None else self.category.value,
            "line": self.line,
        }

    def __repr__(self) -> str:
        shown = self.error if self.value is None else str(self.value)
        return f"<IndicatorRow {self.level2}/{self.level3}: {self.raw!r} → {shown}>"

    def _repr_html_(self) -> str:
        return rows_html([self])


@frozen(kw_only=True)
class Budget:
    """The budget figures of a project table (预算数, 财政资金, 其他资金) in its unit."""

    total: Amount | None = None
    fiscal: Amount | None = None
    other: Amount | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return the figures as strings with their unit (``"262.96万元"``), ``None`` if absent."""
        return {
            "total": _amount_text(self.total),
            "fiscal": _amount_text(self.fiscal),
            "other": _amount_text(self.other),
        }


def _amount_text(amount: Amount | None) -> str | None:
    return None if amount is None else f"{format_decimal(amount.magnitude)}{amount.unit}"


@frozen(kw_only=True)
class Table:
    """One table of a document: a project's 绩效目标表, or the department's graded goals."""

    kind: TableKind = TableKind.PROJECT
    #: The heading above the table; ``None`` when the export lost it (see ``warnings``).
    title: str | None = None
    #: The budget unit (预算单位) without its code: ``天津市津南区人力资源和社会保障局``.
    unit: str | None = None
    unit_code: str | None = None
    #: The unit every figure of the table is given in (``单位：万元``).
    money_unit: str | None = None
    project: str | None = None
    project_code: str | None = None
    budget: Budget = field(factory=Budget)
    #: 资金用途: what the money is for.
    purpose: str = ""
    #: 资金支出计划（%）: (deadline, cumulative percent) pairs, e.g. ``("3月底", Decimal("0.00"))``.
    spending_plan: tuple[tuple[str, Decimal], ...] = ()
    goals: str = ""
    rows: tuple[IndicatorRow, ...] = ()
    #: What could not be read, one sentence each, with the document line.
    warnings: tuple[str, ...] = ()
    #: 1-based line where the table starts in the document.
    line: int = field(default=0, eq=False)

    @property
    def name(self) -> str:
        """The title, else the project name, else the kind: something to show."""
        return self.title or self.project or str(self.kind)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the table and its rows."""
        return {
            "kind": self.kind.value,
            "title": self.title,
            "unit": self.unit,
            "unit_code": self.unit_code,
            "money_unit": self.money_unit,
            "project": self.project,
            "project_code": self.project_code,
            "budget": self.budget.to_dict(),
            "purpose": self.purpose,
            "spending_plan": [[label, str(share)] for label, share in self.spending_plan],
            "goals": self.goals,
            "rows": [row.to_dict() for row in self.rows],
            "warnings": list(self.warnings),
            "line": self.line,
        }

    def __repr__(self) -> str:
        budget = _amount_text(self.budget.total)
        parts = [repr(self.name), f"{len(self.rows)} rows"]
        if budget:
            parts.append(f"预算数 {budget}")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warnings")
        return f"<Table {', '.join(parts)}>"

    def _repr_html_(self) -> str:
        return table_html(self)


class Tables(list[Table]):
    """The tables of one document, in order, with the document-level warnings.

    A plain ``list`` of :class:`Table` otherwise; ``warnings`` says what was not understood
    outside any table (``no 绩效目标表 table found``).
    """

    def __init__(
        self,
        tables: Iterable[Table] = (),
        *,
        source: str | None = None,
        layout: str | None = None,
        warnings: Iterable[str] = (),
    ) -> None:
        super().__init__(tables)
        self.source = source
        self.layout = layout
        self.warnings = list(warnings)

    @property
    def rows(self) -> list[IndicatorRow]:
        """Every indicator row of every table, in document order."""
        return [row for table in self for row in table.rows]

    def __repr__(self) -> str:
        where = f" from {self.source}" if self.source else ""
        rows = sum(len(table.rows) for table in self)
        warned = sum(len(table.warnings) for table in self) + len(self.warnings)
        return f"<Tables{where}: {len(self)} tables, {rows} rows, {warned} warnings>"

    def summary(self) -> Summary:
        """Return one record per table: rows by kind, unreadable cells, warnings, budget.

        >>> import perfmetrics as pm
        >>> print(pm.read_tables(pm.sample_document()).summary())  # doctest: +NORMALIZE_WHITESPACE
        table ...
        """
        return summarize(self)

    def _repr_html_(self) -> str:
        return tables_html(self)
