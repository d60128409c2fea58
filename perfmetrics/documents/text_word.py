"""Read the word-processor text export of a 绩效目标表 document (one cell per tab-indented line).

The export writes every table cell on its own line starting with a tab, a blank line between
table rows, and headings as plain lines (``[bookmark: …]1.…绩效目标表``). A line that starts with
a space before its tab follows a page break: it starts a new row even without a blank line.
Tables are recognised by their labels (单位：, 项目名称, 预算数, 绩效目标, 一级指标 …), never by
position, so extra rows (项目编码, 资金支出计划) and extra columns (指标值确定依据) fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation

import attrs
import regex

from perfmetrics.documents.model import TIER_NAMES, Budget, IndicatorRow, Table, TableKind
from perfmetrics.documents.rows import make_row
from perfmetrics.documents.source import Reader, Source
from perfmetrics.documents.table_head import OPENING_FIELDS, head_fields, is_title
from perfmetrics.documents.targets import join_target
from perfmetrics.values.model import Amount
from perfmetrics.vocabulary import mapping

__all__ = [
    "READER",
    "Block",
    "looks_like_word_export",
    "opens_table",
    "read_blocks",
    "read_word_export",
]

_BOOKMARK = regex.compile(r"^\s*\[bookmark:[^\]]*\]")
_CELL = regex.compile(r"^( *)\t")
#: Header cells → row fields (words.tsv ``column``); any other header cell is kept in
#: ``IndicatorRow.extra``.
_COLUMNS = mapping("column")
#: Column keys of a target split in cells (words.tsv ``column`` op / unit).
_SPLIT = frozenset({"op", "unit"})
_UNIT_CODE = regex.compile(r"^(\d{3,})\s*(.*)$")


def looks_like_word_export(text: str) -> bool:
    """Tell the tab-per-cell export: most non-blank lines are tab-indented cells."""
    lines = [line for line in text.splitlines() if line.strip()]
    cells = sum(1 for line in lines if _CELL.match(line))
    return bool(lines) and cells * 2 >= len(lines)


@attrs.frozen
class Block:
    """A run of cells (one table row) or one line of plain text, as the export writes them.

    Attributes:
        line: the 1-based line (or, for a grid, the running row number) where it starts.
        cells: the row's cells, a merged cell written once; empty for plain text.
        text: the plain text, or None for a row.
        where: the place named in warnings (``"line 12"``, ``"x.docx, table 2, row 5"``).

    """

    line: int
    cells: tuple[str, ...] = ()
    text: str | None = None
    where: str = attrs.field()

    @where.default
    def _line_place(self) -> str:
        return f"line {self.line}"


def _blocks(text: str) -> Iterator[Block]:
    cells: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        cell = _CELL.match(line)
        if cell and cell.group(1) and cells:  # " \t…": a page break starts a new row
            yield Block(start, tuple(cells))
            cells = []
        if cell:
            if not cells:
                start = number
            cells.append(line[cell.end() :].strip())
            continue
        if cells:
            yield Block(start, tuple(cells))
            cells = []
        plain = _BOOKMARK.sub("", line).strip()
        if plain:
            yield Block(number, text=plain)
    if cells:
        yield Block(start, tuple(cells))


def _number(cell: str) -> Decimal | None:
    try:
        value = Decimal(cell.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class _TableBuilder:
    """Collects the blocks of one table; ``build()`` returns the frozen Table."""

    def __init__(self, kind: TableKind, start: Block, title: str | None, year: int | None) -> None:
        self.kind = kind
        self.line = start.line
        self.where = start.where
        self.year = year
        self.fields: dict[str, object] = {"title": title}
        self.warnings: list[str] = []
        self.columns: list[str] | None = None
        self.rows: list[IndicatorRow] = []
        self.filled: dict[str, str] = {}
        self.plan_labels: Sequence[str] | None = None
        self.after_budget = False

    def add(self, block: Block) -> None:
        cells = block.cells
        first = cells[0]
        if self.columns is not None:
            self._add_row(block)
        elif (head := head_fields(cells)) is not None:
            self.fields.update(head)
        elif first.startswith("预算规模"):
            self._add_budget(block)
            self.after_budget = True
            return
        elif first.startswith("资金支出计划"):
            self.plan_labels = cells[1:]
        elif self.plan_labels is not None and not first:
            self._add_plan(block)
        elif first == "绩效目标":
            self.fields["goals"] = "\n".join(c for c in cells[1:] if c)
        elif any(_COLUMNS.get(cell) in ("raw", "level1") for cell in cells) or "活动编码" in cells:
            self.columns = list(cells)
        elif self.after_budget and not first:
            self.fields["purpose"] = "\n".join(c for c in cells[1:] if c)
        else:
            self.warnings.append(f"{block.where}: cells not understood: {' | '.join(cells)}")
        self.after_budget = False

    def _add_budget(self, block: Block) -> None:
        unit = str(self.fields.get("money_unit") or "")
        figures: dict[str, Amount | None] = {}
        cells = block.cells
        for index, label in enumerate(cells[:-1]):
            key = (
                "total"
                if label == "预算数"
                else "fiscal"
                if "财政" in label
                else "other"
                if "其他" in label
                else None
            )
            if key is None:
                continue
            figure = cells[index + 1]
            number = _number(figure)
            if number is None and figure:
                self.warnings.append(f"{block.where}: {label} is not a number: {figure!r}")
            figures[key] = None if number is None else Amount(number, unit)
        self.fields["budget"] = Budget(**figures)

    def _add_plan(self, block: Block) -> None:
        assert self.plan_labels is not None
        plan = []
        for label, cell in zip(self.plan_labels, block.cells[1:], strict=False):
            share = _number(cell)
            if share is None:
                self.warnings.append(f"{block.where}: 资金支出计划 {label} is {cell!r}")
                continue
            plan.append((label, share))
        self.fields["spending_plan"] = tuple(plan)
        self.plan_labels = None

    def _add_row(self, block: Block) -> None:
        assert self.columns is not None
        cells = block.cells
        if not any(cells):
            return
        if len(cells) != len(self.columns):
            self.warnings.append(
                f"{block.where}: a row of {len(cells)} cells under a header of "
                f"{len(self.columns)}: {' | '.join(cells)}"
            )
            return
        named: dict[str, str] = {}
        extra: dict[str, str] = {}
        tiers: dict[str, str] = {}
        new_group = False
        for header, cell in zip(self.columns, cells, strict=True):
            key = _COLUMNS.get(header)
            if header in TIER_NAMES:
                if cell:
                    tiers[header] = cell
                continue
            merged = key in ("level1", "level2") or key is None
            if merged and not cell:
                # A merged cell: the export writes it once, on its first row.
                if not (key == "level2" and new_group):
                    cell = self.filled.get(header, "")
            elif merged:
                new_group = new_group or key == "level1"
                self.filled[header] = cell
            if key is None or key in _SPLIT:
                extra[header] = cell
            if key is not None:
                named[key] = cell
        if _SPLIT & named.keys():  # 计算符号 | 指标值 | 计量单位: one value, read joined
            named["raw"] = join_target(
                named.get("op", ""), named.get("raw", ""), named.get("unit", "")
            )
        if tiers:
            named["raw"] = tiers.get(TIER_NAMES[0], "")
        self.rows.append(make_row(named, line=block.line, year=self.year, tiers=tiers, extra=extra))

    def build(self) -> Table:
        if self.columns is None:
            self.warnings.append(f"{self.where}: the table has no indicator header")
        elif not self.rows:
            self.warnings.append(f"{self.where}: the table has no indicator rows")
        return Table(
            kind=self.kind,
            line=self.line,
            rows=tuple(self.rows),
            warnings=tuple(self.warnings),
            **self.fields,  # type: ignore[arg-type]
        )


def read_word_export(text: str, *, year: int | None = None) -> list[Table]:
    """Return the tables of a word-processor text export, in document order."""
    return read_blocks(_blocks(text), year=year)


def read_blocks(blocks: Iterable[Block], *, year: int | None = None) -> list[Table]:
    """Return the tables of a document given as blocks (rows of cells and plain lines)."""
    tables: list[Table] = []
    builder: _TableBuilder | None = None
    title: str | None = None
    loose: list[str] = []
    for block in blocks:
        if block.text is not None:
            if builder is not None and builder.rows and builder.kind is TableKind.DEPARTMENT:
                tables.append(builder.build())
                builder = None
            if is_title(block.text):
                title = block.text
            else:
                loose.append(block.text)
            continue
        cells = block.cells
        unit_cell = next((c for c in cells if c.startswith("单位：")), None)
        if unit_cell is not None:
            if builder is not None:
                tables.append(builder.build())
            builder = _TableBuilder(TableKind.PROJECT, block, title, year)
            if title is None:
                builder.warnings.append(
                    f"{block.where}: no title line above the table (the export lost it)"
                )
            _set_unit(builder, cells, unit_cell)
            title = None
            loose = []
        elif _opens_head(builder, cells):
            if builder is not None:
                tables.append(builder.build())
            builder = _TableBuilder(TableKind.PROJECT, block, title, year)
            if title is None:
                builder.warnings.append(f"{block.where}: no title line above the table")
            builder.add(block)
            title = None
            loose = []
        elif cells[0] == "活动编码":
            if builder is not None:
                tables.append(builder.build())
            heading = next((t for t in loose if "绩效目标" in t), None)
            builder = _TableBuilder(TableKind.DEPARTMENT, block, heading, year)
            builder.fields["goals"] = "\n".join(t for t in loose if t != heading)
            builder.columns = list(cells)
            loose = []
        elif builder is not None:
            builder.add(block)
    if builder is not None:
        tables.append(builder.build())
    return tables


def _opens_head(builder: _TableBuilder | None, cells: Sequence[str]) -> bool:
    """Say whether a 项目编码 / 项目名称 row opens a table (none open, or the open one has rows)."""
    if builder is not None and builder.columns is None:
        return False
    head = head_fields(cells)
    return head is not None and bool(OPENING_FIELDS & head.keys())


def _set_unit(builder: _TableBuilder, cells: Sequence[str], unit_cell: str) -> None:
    builder.fields["money_unit"] = unit_cell.removeprefix("单位：").strip() or None
    owner = next((c for c in cells if c and c != unit_cell), "")
    match = _UNIT_CODE.match(owner)
    builder.fields["unit_code"] = match.group(1) if match else None
    builder.fields["unit"] = (match.group(2) if match else owner) or None


def opens_table(cells: Sequence[str]) -> bool:
    """Whether a row opens a table: its ``单位：`` cell, or the 活动编码 header.

    >>> opens_table(["353215天津市引进人才综合服务中心", "单位：万元"]), opens_table(["率", ""])
    (True, False)
    """
    return bool(cells) and (cells[0] == "活动编码" or any(c.startswith("单位：") for c in cells))


def _sniff(source: Source) -> bool:
    return source.text is not None and looks_like_word_export(source.text)


def _read(source: Source, year: int | None) -> list[Table]:
    assert source.text is not None  # _sniff accepted it
    return read_word_export(source.text, year=year)


#: The word-processor text export, for :mod:`perfmetrics.documents.registry`.
READER: Reader[list[Table]] = Reader("word", _sniff, _read)
