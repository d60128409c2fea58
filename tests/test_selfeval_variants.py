"""The real 自评表 fixtures rewritten the ways other provinces publish the same table.

Hidden tables from many provinces differ from the fixtures in their header words, the order of
their columns, their script, and in damage. Each test takes the 13 real grids of
tests/fixtures/selfeval, changes one of these, and checks that the reading does not change (or,
for damage, that nothing but a warning comes of it):

- header words as other published forms spell them (湖北广水 ``年终完成值`` and ``自评分``,
  ``全年实际完成值``, ``年度指标值(A)``, ``分值(分)``, ``偏差原因及改进措施`` …);
- the columns after the indicator's name in another order (the reader finds columns by their words);
- the whole table in traditional characters (the 云南 mirror publishes them);
- rows dropped or cells blanked at random: never an exception, whatever is left.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.audit import CODES
from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.selfeval.columns import (
    indicator_fields,
    is_indicator_header,
    read_columns,
)
from perfmetrics.vocabulary import traditional_table

FIXTURES = Path(__file__).parent / "fixtures" / "selfeval"
GRIDS = sorted(FIXTURES.glob("*.grid.tsv"))
IDS = [path.name.split(".")[0] for path in GRIDS]

#: Header words → the way another published form writes them (湖北广水 年终完成值 (rules.md
#: §4a), 湖北 实际完成值(B), 重庆 指标权重(分), 河北 自评得分, 偏差原因及改进措施).
HEADER_VARIANTS = {
    "实际完成值": "全年实际完成值(B)",
    "完成值": "年终完成值",
    "全年实际值": "全年实际完成值",
    "年度指标值": "年度指标值(A)",
    "分值": "分值(分)",
    "权重": "指标权重(分)",
    "得分": "自评得分",
    "偏差原因分析及改进措施": "偏差原因及改进措施",
    "未完成原因分析": "未完成原因",
    "全年执行数": "全年实际执行数",
    "全年预算数": "全年预算数(A)",
    # 寿县 2023 部门整体 自评表 (https://www.shouxian.gov.cn/public/118322758/1259995520.html)
    # writes its level heads with a space: 一级 指标 | 二级 指标 | 三级 指标.
    "一级指标": "一级 指标",
    "二级指标": "二级 指标",
    "三级指标": "三级 指标",
}


@functools.cache
def _grid(path: Path) -> Grid:
    (grid,) = read_grid_text(path.read_text("utf-8"), source=path.name)
    return grid


def _facts(tables: pm.SelfEvaluation) -> list[dict[str, Any]]:
    """What a table says, without the row texts' script and the place in the file."""
    found = []
    for table in tables:
        facts = table.to_dict()
        facts["rows"] = [
            (row.row, row.verdict.outcome, row.weight, row.score, row.part) for row in table.rows
        ]
        facts["blocks"] = dict(table.blocks)
        found.append(facts)
    return found


def _read(grid: Grid) -> pm.SelfEvaluation:
    return pm.read_selfeval(grid)


@pytest.mark.parametrize("path", GRIDS, ids=IDS)
def test_header_words_of_other_forms(path: Path) -> None:
    grid = _grid(path)
    renamed = [[HEADER_VARIANTS.get(cell.strip(), cell) for cell in row] for row in grid.rows]
    assert renamed != [list(row) for row in grid.rows]  # every fixture has a header to rename
    before, after = _read(grid), _read(Grid(renamed, source=grid.source))
    assert _facts(after) == _facts(before)
    assert [row.level3 for row in after.rows] == [row.level3 for row in before.rows]


def _header_row(grid: Grid) -> int:
    return next(i for i, row in enumerate(grid.rows) if is_indicator_header(row))


def _movable(grid: Grid) -> list[int]:
    """The columns right of the indicator's name in a one-row header (split targets excluded)."""
    header = _header_row(grid)
    fields = indicator_fields(grid.rows[header])
    if read_columns(grid.rows, header).header_rows > 1 or "level3" not in fields.values():
        return []  # a spanning head over sub-columns moves with them
    if {"target_op", "target_unit"} & set(fields.values()):
        return []  # 指标性质 | 指标值 | 度量单位 stay together under a spanning head
    name = next(column for column, field in fields.items() if field == "level3")
    return [column for column in range(name + 1, grid.width)]


PERMUTABLE = [path for path in GRIDS if _movable(_grid(path))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PERMUTABLE), st.randoms(use_true_random=False))
def test_columns_in_another_order(path: Path, random: Any) -> None:
    """Columns are found by their words: the value columns in any order read the same."""
    grid = _grid(path)
    header, movable = _header_row(grid), _movable(grid)
    order = list(movable)
    random.shuffle(order)
    rows = [list(row) for row in grid.rows]
    for index in range(header, len(rows)):
        row = rows[index] + [""] * (grid.width - len(rows[index]))
        cells = [row[column] for column in order]
        for column, cell in zip(movable, cells, strict=True):
            row[column] = cell
        rows[index] = row
    before, after = _read(grid), _read(Grid(rows, source=grid.source))
    # L1 and L3 differ by where 分值 stands, which is the order itself: layout is left out
    assert [_without_layout(f) for f in _facts(after)] == [
        _without_layout(f) for f in _facts(before)
    ]


@functools.cache
def _to_traditional() -> dict[int, str]:
    table: dict[int, str] = {}
    for traditional, simplified in sorted(traditional_table().items()):
        table.setdefault(ord(simplified), traditional)
    return table


@pytest.mark.parametrize("path", GRIDS, ids=IDS)
def test_traditional_script(path: Path) -> None:
    grid = _grid(path)
    converted = [[cell.translate(_to_traditional()) for cell in row] for row in grid.rows]
    assert converted != [list(row) for row in grid.rows]
    before, after = _read(grid), _read(Grid(converted, source=grid.source))
    assert [_rows_only(t) for t in _facts(after)] == [_rows_only(t) for t in _facts(before)]
    assert [t.layout for t in after] == [t.layout for t in before]
    assert [t.total_score for t in after] == [t.total_score for t in before]


def _without_layout(facts: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in facts.items() if key != "layout"}


def _rows_only(facts: dict[str, Any]) -> list[Any]:
    return list(facts["rows"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(GRIDS), st.data())
def test_damaged_tables_never_raise(path: Path, data: st.DataObject) -> None:
    """Rows dropped, cells blanked or swapped for others: a reading and an audit, no exception."""
    grid = _grid(path)
    keep = data.draw(st.lists(st.booleans(), min_size=len(grid.rows), max_size=len(grid.rows)))
    cells = sorted({cell for row in grid.rows for cell in row})
    rows = []
    for row, kept in zip(grid.rows, keep, strict=True):
        if not kept:
            continue
        changed = list(row)
        if changed and data.draw(st.booleans()):
            column = data.draw(st.integers(0, len(changed) - 1))
            changed[column] = data.draw(st.sampled_from(["", "—", "无", *cells]))
        rows.append(changed)
    found = pm.read_selfeval(Grid(rows, source=grid.source))
    for table in found:
        for finding in pm.audit(table):
            assert finding.code in CODES and finding.message


@pytest.mark.parametrize(
    ("word", "op", "outcomes"),
    [("正向指标", ">=", ["met"] * 4), ("反向", "<=", ["not_met"] * 4), ("定量指标", "", None)],
)
def test_direction_words_in_the_comparator_column(
    word: str, op: str, outcomes: list[str] | None
) -> None:
    """河北成安 writes ``>=`` in its 符号 column; other forms write 正向/反向 (rules.md §1a:
    正向指标 即目标值为≥X, 反向指标 即目标值为≤X), or 定量指标, which gives no direction."""
    grid = _grid(FIXTURES / "hebei_chengan-centenarian-allowance.grid.tsv")
    rows = [[word if cell == ">=" else cell for cell in row] for row in grid.rows]
    (before,), (after,) = _read(grid), _read(Grid(rows, source=grid.source))
    targets = [row.target for row in after.rows]
    assert targets == [row.target.replace(">=", op) for row in before.rows]
    if outcomes is not None:
        assert [row.verdict.outcome for row in after.rows] == outcomes


@pytest.mark.parametrize("word", ["得分合计", "综合得分", "总 分", "合计得分"])
def test_total_rows_as_other_forms_name_them(word: str) -> None:
    """上海普陀 closes its rows with 总分; other forms write 得分合计, 综合得分 …: one total."""
    grid = _grid(FIXTURES / "shanghai_putuo-sports-settlement.grid.tsv")
    rows = [[word if cell == "总分" else cell for cell in row] for row in grid.rows]
    (before,), (after,) = _read(grid), _read(Grid(rows, source=grid.source))
    assert rows != [list(row) for row in grid.rows]
    assert (after.total_score, len(after.rows)) == (before.total_score, len(before.rows))
