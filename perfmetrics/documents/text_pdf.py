"""Read the PDF text export of a 绩效目标表 document (cells broken across lines and pages).

What the export keeps, and what this reader relies on:

* A cell that wraps continues on the next line; the line that ends a cell ends with a space.
  Cells of one row that each fit on one line at the same height share a line, space-separated
  (``时效指标 服务时间 维保服务时间 2022 年 1 月至 12 月``); a cell of several lines stands alone.
* Every row starts with its 二级指标 (the national vocabulary: 数量指标 … 服务对象满意度指标); the
  merged 一级指标 cell appears once, before its first row.
* A page break repeats the header line (``一级指标 二级指标 …``). Cells cut by it are printed up
  to the break (their last line has no trailing space) and continued after it, in column order.

A row is kept when its cells come out as 二级, 三级, description and value; otherwise the table
gets a warning naming the row's line, and the row is left out rather than guessed.

This module finds the tables (title, 单位 line, budget head); the indicator rows are read by
:mod:`~perfmetrics.documents.text_pdf_rows` from the fragments of
:mod:`~perfmetrics.documents.text_pdf_fragments`, whose cells
:mod:`~perfmetrics.documents.text_pdf_cells` tells apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import regex

from perfmetrics.documents.model import Budget, IndicatorRow, Table, TableKind
from perfmetrics.documents.source import Reader, Source
from perfmetrics.documents.text_pdf_fragments import HEADER, LEVEL1_NAMES, LEVEL2_NAMES
from perfmetrics.documents.text_pdf_rows import read_rows
from perfmetrics.values.model import Amount

__all__ = ["LEVEL1_NAMES", "LEVEL2_NAMES", "READER", "read_pdf_export"]

_UNIT_LINE = regex.compile(r"^\s*(?:(\d{3,})\s+)?(.*?)\s*单位[：:]\s*(\S+)\s*$")
_FIGURE = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_TOTAL = regex.compile(r"预算数\s*" + _FIGURE)
_FISCAL = regex.compile(r"财政\s*资金\s*" + _FIGURE)
_OTHER = regex.compile(r"其他资金\s*" + _FIGURE)


def read_pdf_export(text: str, *, year: int | None = None) -> list[Table]:
    """Return the tables of a PDF text export, in document order."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _UNIT_LINE.match(line)]
    # A table starts at its title and ends where the next table's title starts.
    title_starts = [_paragraph_start(lines, unit_at) for unit_at in starts]
    ends = [*title_starts[1:], len(lines)] if starts else []
    tables = []
    for unit_at, title_at, end in zip(starts, title_starts, ends, strict=True):
        title = "".join(line.strip() for line in lines[title_at:unit_at])
        tables.append(_read_table(lines, title_at, unit_at, end, title or None, year))
    return tables


def _paragraph_start(lines: Sequence[str], at: int) -> int:
    """Return the first line of the paragraph above line ``at`` (the title), or ``at``."""
    start = at
    while start > 0 and lines[start - 1].strip():
        start -= 1
    if start == at:
        while start > 0 and not lines[start - 1].strip():
            start -= 1
        while start > 0 and lines[start - 1].strip():
            start -= 1
        # Only a short heading counts as the title; anything else belongs to the table above.
        if start < at and "绩效目标表" not in "".join(line.strip() for line in lines[start:at]):
            return at
    return start


def _read_table(
    lines: Sequence[str], title_at: int, unit_at: int, end: int, title: str | None, year: int | None
) -> Table:
    warnings: list[str] = []
    unit = _UNIT_LINE.match(lines[unit_at])
    assert unit is not None
    money_unit = unit.group(3)
    header_at = next((i for i in range(unit_at, end) if HEADER.match(lines[i])), None)
    head = " ".join(line.strip() for line in lines[unit_at + 1 : header_at or end])
    if title is None:
        warnings.append(f"line {unit_at + 1}: no title line above the table")
    rows: list[IndicatorRow] = []
    if header_at is None:
        warnings.append(f"line {unit_at + 1}: the table has no indicator header")
    else:
        rows = read_rows(lines, header_at, end, year, warnings)
        if not rows:
            warnings.append(f"line {header_at + 1}: the table has no indicator rows")
    project = regex.search(r"项目名称\s*(.*?)\s*预算规模", head)
    return Table(
        kind=TableKind.PROJECT,
        title=title,
        unit=unit.group(2) or None,
        unit_code=unit.group(1),
        money_unit=money_unit,
        project=project.group(1) if project else None,
        budget=_budget(head, money_unit),
        purpose=_between(head, _OTHER_END, "绩效目标"),
        goals=_between(head, regex.compile(r"绩效目标"), None),
        rows=tuple(rows),
        warnings=tuple(warnings),
        line=title_at + 1,
    )


#: Where the budget figures end and 资金用途 starts: after 其他资金 and its figure, if any.
_OTHER_END = regex.compile(r"其他资金\s*" + _FIGURE + "?")


def _between(head: str, start: regex.Pattern[str], stop: str | None) -> str:
    found = start.search(head)
    if not found:
        return ""
    rest = head[found.end() :]
    if stop is not None and stop in rest:
        rest = rest[: rest.index(stop)]
    return rest.strip()


def _budget(head: str, money_unit: str) -> Budget:
    figures: dict[str, Amount | None] = {}
    for key, pattern in (("total", _TOTAL), ("fiscal", _FISCAL), ("other", _OTHER)):
        found = pattern.search(head)
        if found:  # the pattern admits digits, commas and one point only
            figures[key] = Amount(Decimal(found.group(1).replace(",", "")), money_unit)
    return Budget(**figures)


def _sniff(source: Source) -> bool:
    return source.text is not None  # any text: this reader comes last


def _read(source: Source, year: int | None) -> list[Table]:
    assert source.text is not None  # _sniff accepted it
    return read_pdf_export(source.text, year=year)


#: The PDF text export, for :mod:`perfmetrics.documents.registry`.
READER: Reader[list[Table]] = Reader("pdf", _sniff, _read)
