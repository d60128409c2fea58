"""Which column holds what: the header rows of a self-evaluation table's indicator and budget.

Headers are matched by their words (``words.tsv``: ``selfeval_column``, ``budget_column``), never
by position, so the six layouts of docs/selfeval.md read alike. Two header rows are merged: the
lower row names the sub-columns of a spanning group (``年度指标值`` over ``指标性质 | 指标值 |
度量单位``; ``预期指标值`` over ``符号 | (value) | 单位``) and the upper row names the rest.
When two columns claim one field (河北成安 heads a column of descriptions ``指标分值`` as well as
its ``权重占比(%)``), the column whose cells fit the field wins and the other is kept as extra.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import field, frozen

from perfmetrics.documents.selfeval.cells import fold, header_field, number

__all__ = [
    "BUDGET_FIGURES",
    "NUMERIC_FIELDS",
    "Columns",
    "budget_fields",
    "indicator_fields",
    "is_budget_header",
    "is_indicator_header",
    "read_columns",
]

#: Indicator fields whose cells are numbers.
NUMERIC_FIELDS = frozenset({"weight", "score", "item_score"})
#: Budget fields that make a row a budget header when two of them are present.
BUDGET_FIGURES = frozenset({"initial", "adjusted", "executed", "rate"})


def _cell(row: Sequence[str], column: int) -> str:
    return row[column] if column < len(row) else ""


def indicator_fields(row: Sequence[str]) -> dict[int, str]:
    """Return column → field for the cells of ``row`` that name an indicator column."""
    found = {}
    for column, text in enumerate(row):
        key = header_field("selfeval_column", text)
        if key:
            found[column] = key
    return found


def is_indicator_header(row: Sequence[str]) -> bool:
    """Say whether ``row`` heads the indicator block: three column words, one an actual or a score.

    A 绩效目标表 header (一级指标 | 二级指标 | 三级指标 | 指标值) has neither, so it is not
    one; a budget header (预算执行数 | 权重 | 得分 | 原因) names no indicator, target or
    actual, so it is not one either.

    >>> is_indicator_header(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"])
    True
    >>> is_indicator_header(["项目资金(元)", "", "年初预算数", "全年预算数", "分值", "得分"])
    False
    >>> is_indicator_header(["预算执行情况", "年初预算", "预算执行数", "权重", "得分", "原因"])
    False
    """
    fields = set(indicator_fields(row).values()) - {"label"}
    named = fields & {"level1", "level2", "level3", "target", "actual"}
    return len(fields) >= 3 and bool(fields & {"actual", "score"}) and bool(named)


def budget_fields(row: Sequence[str]) -> dict[int, str]:
    """Return column → field for the cells of ``row`` that name a budget column."""
    found = {}
    for column, text in enumerate(row):
        key = header_field("budget_column", text)
        if key:
            found[column] = key
    return found


def is_budget_header(row: Sequence[str]) -> bool:
    """Say whether ``row`` heads the budget block (two of 预算数, 执行数, 执行率 …).

    >>> is_budget_header(["资金情况(万元)", "", "", "全年预算数(A)", "全年执行数(B)", "分值"])
    True
    """
    if any(number(cell) is not None for cell in row if cell.strip()):
        return False  # 预算数 | 6.84 | 执行数 | 6.84: figures with their labels, not a header
    return len(set(budget_fields(row).values()) & BUDGET_FIGURES) >= 2


@frozen
class Columns:
    """The columns of an indicator block.

    Attributes:
        fields: field name → its column (``level3``, ``target``, ``actual``, ``weight`` …).
        extra: column → its header text, for columns no field claims.
        header_rows: how many rows the header takes (1 or 2).
        headers: the header text of each column (both rows joined with ``/``).
    """

    fields: Mapping[str, int]
    extra: Mapping[int, str] = field(factory=dict)
    header_rows: int = 1
    headers: tuple[str, ...] = ()

    def has(self, name: str) -> bool:
        """Say whether the block has a column for field ``name``."""
        return name in self.fields

    def get(self, row: Sequence[str], name: str) -> str:
        """Return the cell of field ``name`` in ``row``, stripped (``""`` without such column)."""
        column = self.fields.get(name)
        return "" if column is None else _cell(row, column).strip()


def _is_sub_header(row: Sequence[str]) -> bool:
    fields = set(indicator_fields(row).values()) - {"label"}
    return len(fields) >= 2 and not any(number(cell) is not None for cell in row if cell.strip())


def _merged(upper: Sequence[str], lower: Sequence[str]) -> tuple[list[str | None], list[str]]:
    width = max(len(upper), len(lower))
    claims: list[str | None] = []
    headers: list[str] = []
    for column in range(width):
        up, low = _cell(upper, column).strip(), _cell(lower, column).strip()
        if low:
            key = header_field("selfeval_column", low)
            claims.append(key)
            headers.append(f"{up}/{low}" if up else low)
        elif up:
            claims.append(header_field("selfeval_column", up))
            headers.append(up)
        else:
            claims.append(_group_member(upper, lower, column))
            headers.append("")
    return claims, headers


def _group_member(upper: Sequence[str], lower: Sequence[str], column: int) -> str | None:
    """Return the field of an unnamed sub-column: the value cell of a spanning 指标值 group."""
    for left in range(column - 1, -1, -1):
        head = _cell(upper, left).strip()
        if head:
            has_parts = bool(_cell(lower, left).strip())
            return (
                "target"
                if has_parts and header_field("selfeval_column", head) == "target"
                else None
            )
    return None


def _fits(name: str, cell: str) -> bool:
    if name in NUMERIC_FIELDS:
        return number(cell) is not None
    return bool(fold(cell))


def read_columns(
    rows: Sequence[Sequence[str]], header: int, data: Sequence[Sequence[str]] = ()
) -> Columns:
    """Read the indicator header at ``rows[header]`` (and the row below when it is a sub-header).

    Args:
        rows: the grid's rows.
        header: the index of the header row.
        data: the block's data rows, to choose between two columns that claim one field.

    """
    upper = rows[header]
    two = header + 1 < len(rows) and _is_sub_header(rows[header + 1])
    if two:
        claims, headers = _merged(upper, rows[header + 1])
    else:
        claims = [header_field("selfeval_column", cell) for cell in upper]
        headers = [cell.strip() for cell in upper]
    by_field: dict[str, list[int]] = {}
    for column, claim in enumerate(claims):
        if claim is not None:
            by_field.setdefault(claim, []).append(column)
    fields: dict[str, int] = {}
    extra = {column: text for column, text in enumerate(headers) if text and claims[column] is None}
    for name, columns in by_field.items():
        best = max(columns, key=lambda c: (sum(_fits(name, _cell(r, c)) for r in data), -c))
        fields[name] = best
        extra.update({column: headers[column] for column in columns if column != best})
    return Columns(fields, extra, 2 if two else 1, tuple(headers))
