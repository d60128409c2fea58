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
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs
import regex

from perfmetrics.documents.model import Budget, IndicatorRow, Table, TableKind, make_row
from perfmetrics.errors import PerfmetricsError, display_width
from perfmetrics.values.api import parse
from perfmetrics.values.model import Amount, Kind

__all__ = ["LEVEL1_NAMES", "LEVEL2_NAMES", "read_pdf_export"]

#: 一级指标 of the national framework (财预〔2020〕10号 and its 2021 revision).
LEVEL1_NAMES = frozenset({"产出指标", "效益指标", "满意度指标", "成本指标"})
#: 二级指标 of the national framework.
LEVEL2_NAMES = frozenset(
    {
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
        "满意度指标",
    }
)
_LEVEL_NAMES = LEVEL1_NAMES | LEVEL2_NAMES
#: Names that are an 一级 or a 二级: they are the 一级 only when one of these 二级 follows.
_UNDER = {
    "成本指标": frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"}),
    "满意度指标": frozenset({"服务对象满意度指标"}),
}
#: The header line of the indicator part; the export repeats it after every page break.
_HEADER = regex.compile(r"^\s*一级指标\s+二级指标\s+三级指标\s+(?:绩效)?指标描述\s+指标值")
_UNIT_LINE = regex.compile(r"^\s*(?:(\d{3,})\s+)?(.*?)\s*单位[：:]\s*(\S+)\s*$")
_FIGURE = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_TOTAL = regex.compile(r"预算数\s*" + _FIGURE)
_FISCAL = regex.compile(r"财政\s*资金\s*" + _FIGURE)
_OTHER = regex.compile(r"其他资金\s*" + _FIGURE)
_ASCII = regex.compile(r"[\x21-\x7e]")


@attrs.define
class _Fragment:
    """Text of one cell, or of one line holding several one-line cells."""

    text: str
    line: int
    complete: bool
    single_line: bool
    #: The lines the fragment was joined from, as written (trailing spaces kept).
    parts: list[str] = attrs.Factory(list)


@attrs.frozen
class _PageBreak:
    line: int


@attrs.define
class _Row:
    level1: str
    level2: str
    line: int
    #: Cut by a page break line by line (see _opens_cut_row and _rebuild_cut_row).
    cut: bool = False
    pieces: list[_Fragment] = attrs.Factory(list)


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
    header_at = next((i for i in range(unit_at, end) if _HEADER.match(lines[i])), None)
    head = " ".join(line.strip() for line in lines[unit_at + 1 : header_at or end])
    if title is None:
        warnings.append(f"line {unit_at + 1}: no title line above the table")
    rows: list[IndicatorRow] = []
    if header_at is None:
        warnings.append(f"line {unit_at + 1}: the table has no indicator header")
    else:
        rows = _read_rows(lines, header_at, end, year, warnings)
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


def _fragments(lines: Sequence[str], start: int, end: int) -> Iterator[_Fragment | _PageBreak]:
    """Cut the indicator part into cell fragments and page breaks."""
    parts: list[str] = []
    first = 0

    def fragment(complete: bool) -> _Fragment:
        text = "".join(part.strip() for part in parts)
        return _Fragment(text, first, complete, single_line=len(parts) == 1, parts=list(parts))

    for number in range(start, end):
        line = lines[number]
        if _HEADER.match(line):
            if parts:
                yield fragment(complete=False)
                parts = []
            yield _PageBreak(number + 1)
            continue
        if not line.strip():
            if parts:
                # An empty line after a cut line: the cell goes on after a page break. A line
                # of spaces is the cell's own blank line: the cell is over.
                yield fragment(complete=bool(line))
                parts = []
            continue
        if not parts:
            first = number + 1
        parts.append(line)
        if line != line.rstrip():
            yield fragment(complete=True)
            parts = []
    if parts:
        yield fragment(complete=False)


def _rejoin_level_names(
    items: list[_Fragment | _PageBreak],
) -> list[_Fragment | _PageBreak]:
    """Put back together a 二级指标 cut by a page break (``服务对象满`` ⏎ ``意度指标``)."""
    out: list[_Fragment | _PageBreak] = []
    index = 0
    while index < len(items):
        item = items[index]
        if (
            isinstance(item, _Fragment)
            and not item.complete
            and index + 2 < len(items)
            and isinstance(items[index + 1], _PageBreak)
        ):
            after = items[index + 2]
            if isinstance(after, _Fragment) and item.text + after.text in _LEVEL_NAMES:
                name = item.text + after.text
                out.append(_Fragment(name, item.line, True, True, [name + " "]))
                index += 3
                continue
        out.append(item)
        index += 1
    return out


def _read_rows(
    lines: Sequence[str], header_at: int, end: int, year: int | None, warnings: list[str]
) -> list[IndicatorRow]:
    items = _rejoin_level_names(list(_fragments(lines, header_at + 1, end)))
    found: list[_Row] = []
    level1 = ""
    continuing: list[_Fragment] = []  # cells cut by the last page break, in column order
    orphans: list[_Fragment] = []
    for index, item in enumerate(items):
        row = found[-1] if found else None
        if isinstance(item, _PageBreak):
            continuing = [p for p in row.pieces if not p.complete] if row and not row.cut else []
            continue
        if continuing:
            piece = continuing.pop(0)
            piece.text += item.text
            piece.complete = item.complete
            piece.single_line = False
            piece.parts.extend(item.parts)
            continue
        split = list(_leading_names(item))
        for position, fragment in enumerate(split):
            name = fragment.text
            upcoming = (
                split[position + 1].text.split(" ")[0]
                if position + 1 < len(split)
                else _next_text(items, index)
            )
            before_break = index + 1 < len(items) and isinstance(items[index + 1], _PageBreak)
            if name in LEVEL1_NAMES and (
                name not in _UNDER or _opens_name(upcoming or "", _UNDER[name])
            ):
                level1 = name
            elif name in LEVEL2_NAMES and fragment.complete and (row is None or row.pieces):
                # A 二级 name right after another is the row's 三级 (三级 = 服务对象满意度指标).
                row = _Row(level1, name, fragment.line)
                found.append(row)
            elif before_break and _opens_cut_row(fragment, row):
                row = _Row(level1, "", fragment.line, cut=True)
                row.pieces.append(fragment)
                found.append(row)
            elif row is None:
                orphans.append(fragment)
            else:
                row.cut = row.cut or (before_break and not row.pieces and " " in fragment.text)
                row.pieces.append(fragment)
    if orphans:
        warnings.append(
            f"line {orphans[0].line}: text before the first indicator row was left out: "
            + " ".join(o.text for o in orphans)
        )
    widths = _column_widths(found)
    rows = (_finish(row, widths, year, warnings) for row in found)
    return [row for row in rows if row is not None]


def _column_widths(rows: Sequence[_Row]) -> tuple[int | None, int | None]:
    """How wide (display cells) the 三级 and description columns are, from their wrapped cells."""
    widths: list[int | None] = []
    for column in (0, 1):
        seen = [
            display_width(row.pieces[column].parts[0].strip())
            for row in rows
            if not row.cut and len(row.pieces) == 3 and len(row.pieces[column].parts) > 1
        ]
        widths.append(max(seen, key=seen.count) if seen else None)
    return widths[0], widths[1]


def _opens_cut_row(fragment: _Fragment, row: _Row | None) -> bool:
    """Tell a new row whose one-line cells a page break cut line by line (``社会效益指 …``).

    Its first word is only the start of a 二级 name, and the page ends right after the line; the
    rest of every cell follows the break, again several cells to a line.
    """
    first = fragment.text.split(" ")[0]
    return (
        fragment.single_line
        and " " in fragment.text
        and first not in LEVEL2_NAMES
        and _opens_name(first, LEVEL2_NAMES)
        and (row is None or bool(row.pieces))
    )


def _leading_names(fragment: _Fragment) -> Iterator[_Fragment]:
    """Split off the 一级/二级 names that open a one-line fragment (``时效指标 服务时间 …``)."""
    if not fragment.single_line:
        yield fragment
        return
    tokens = fragment.text.split(" ")
    while len(tokens) > 1 and tokens[0] in _LEVEL_NAMES:
        name = tokens.pop(0)
        yield _Fragment(name, fragment.line, complete=True, single_line=True, parts=[name + " "])
    rest = " ".join(tokens)
    yield attrs.evolve(fragment, text=rest, parts=[rest + (" " if fragment.complete else "")])


def _opens_name(text: str, names: frozenset[str]) -> bool:
    """Tell whether ``text`` is one of ``names`` or, two characters at least, the start of one."""
    return text in names or (len(text) >= 2 and any(name.startswith(text) for name in names))


def _next_text(items: Sequence[_Fragment | _PageBreak], index: int) -> str | None:
    for item in items[index + 1 :]:
        if isinstance(item, _Fragment):
            return item.text.split(" ")[0]
    return None


def _finish(
    row: _Row, widths: tuple[int | None, int | None], year: int | None, warnings: list[str]
) -> IndicatorRow | None:
    """Read a row's pieces as 三级, description and value; warn and return None if they are not."""
    pieces = [p for p in row.pieces if p.text]
    cells = _rebuild_cut_row(row, pieces, widths) if row.cut else _row_cells(row, pieces, warnings)
    if cells is None:
        if row.cut:
            warnings.append(
                f"line {row.line}: row {row.level2 or '?'} left out: a page break cut its cells "
                f"line by line ({' | '.join(p.text for p in pieces)})"
            )
        return None
    level2, level3, description, raw = cells
    return make_row(
        {
            "level1": row.level1,
            "level2": level2,
            "level3": level3,
            "description": description,
            "raw": raw,
        },
        line=row.line,
        year=year,
    )


def _row_cells(row: _Row, pieces: Sequence[_Fragment], warnings: list[str]) -> list[str] | None:
    """Return [二级, 三级, description, value] of a row the page breaks left whole, or warn."""
    if any(not p.complete for p in pieces):
        cut = next(p for p in pieces if not p.complete)
        warnings.append(
            f"line {row.line}: row {row.level2} left out: a cell cut by a page break could not be "
            f"rejoined ({cut.text!r})"
        )
        return None
    cells = [p.text for p in pieces]
    if len(cells) < 3 and pieces and pieces[-1].single_line:
        cells[-1:] = _line_cells(cells[-1], 4 - len(cells))
    if len(cells) == 2 and pieces and pieces[0].single_line:
        cells[:1] = _name_cells(cells[0].split(" "), 2)
    if len(cells) == 2:
        cells.insert(1, "")  # no description: 三级 and value only
    if len(cells) != 3:
        warnings.append(
            f"line {row.line}: row {row.level2} left out: its cells could not be told apart "
            f"({' | '.join(cells) or 'no cells'})"
        )
        return None
    return [row.level2, *cells]


def _rebuild_cut_row(
    row: _Row, pieces: Sequence[_Fragment], widths: tuple[int | None, int | None]
) -> list[str] | None:
    """Rebuild a row a page break cut line by line: [二级, 三级, description, value], or None.

    Before the break one line holds the first line of each cell (``服务对象满 市级已退 … ≥90%``);
    after it every line holds the next line of each cell still open, left to right. A cell is
    closed by a whole 二级 name, by ending a line that ends with a space, or by being narrower
    than its column (a wrapped line fills the column).
    """
    names = [] if row.level2 else ["level2"]
    columns = [*names, "level3", "description", "raw"]
    first = _first_line_cells(pieces[0].text, len(columns))
    if first is None:
        return None
    cells = dict(zip(columns, first, strict=True))
    closed = {column: False for column in columns}
    closed["raw"] = pieces[0].complete
    for column, width in zip(("level3", "description"), widths, strict=True):
        if width is not None and display_width(cells[column]) < width - 1:
            closed[column] = True
    for piece in pieces[1:]:
        for part in piece.parts:
            tokens = part.strip().split(" ")
            still_open = [column for column in columns if not closed[column]]
            if len(tokens) > len(still_open):
                return None
            for token, column in zip(tokens, still_open, strict=False):
                cells[column] += token
            if "level2" in cells and cells["level2"] in LEVEL2_NAMES:
                closed["level2"] = True
            if part != part.rstrip():
                closed[still_open[len(tokens) - 1]] = True
    level2 = cells.get("level2", row.level2)
    if level2 not in LEVEL2_NAMES:
        return None
    return [level2, cells["level3"], cells["description"], cells["raw"]]


def _first_line_cells(text: str, count: int) -> list[str] | None:
    """Split the line before a page break into ``count`` cells (the value may hold spaces)."""
    tokens = text.split(" ")
    if len(tokens) == count:
        return tokens
    *rest, value = _line_cells(text, 2)
    if not rest:
        return None
    names = rest[0].split(" ")
    while len(names) > count - 1:
        joined = _join_export_space(names)
        if joined == names:
            return None
        names = joined
    return [*names, value] if len(names) == count - 1 else None


def _join_export_space(tokens: list[str]) -> list[str]:
    """Join the first two tokens the export split next to a digit or Latin letter (``2019 年``)."""
    for index in range(len(tokens) - 1):
        if _ASCII.match(tokens[index][-1:]) or _ASCII.match(tokens[index + 1][:1]):
            return [*tokens[:index], f"{tokens[index]} {tokens[index + 1]}", *tokens[index + 2 :]]
    return tokens


def _line_cells(text: str, count: int) -> list[str]:
    """Split a one-line run of cells into ``count`` cells (fewer if it cannot), the value last.

    The value is the longest suffix that is one structured value and nothing else; failing that,
    the line is cut at its spaces between two words when there are just enough of them (the
    export's own spaces sit next to digits and Latin letters: ``2019 年``); failing that, the value
    is a repeat of the cell before it (the description said it again), the longest suffix that
    starts with a structured value, or the last word.

    >>> _line_cells("服务时间 维保服务时间 2022 年 1 月至 12 月", 3)
    ['服务时间', '维保服务时间', '2022 年 1 月至 12 月']
    >>> _line_cells("全年电子案卷归档 1000 件 100%", 2)
    ['全年电子案卷归档 1000 件', '100%']
    >>> _line_cells("每月按时发放 每月 20 日前按时发放", 2)
    ['每月按时发放', '每月 20 日前按时发放']
    >>> _line_cells("完成时限 2022 年底前完成 2022 年底前完成", 3)
    ['完成时限', '2022 年底前完成', '2022 年底前完成']
    >>> _line_cells("人力社保服务水平提升 显著提高", 2)
    ['人力社保服务水平提升', '显著提高']
    """
    tokens = [token for token in text.split(" ") if token]
    if count <= 1 or len(tokens) <= 1:
        return [" ".join(tokens)]
    cuts = range(1, len(tokens))
    boundaries = [cut for cut in cuts if _cell_boundary(tokens[cut - 1], tokens[cut])]
    value_at = next((c for c in cuts if _structured(" ".join(tokens[c:]), strict=True)), None)
    if value_at is None and len(boundaries) == count - 1:
        value_at = boundaries[-1]
    if value_at is None:
        for cut in cuts:
            repeat = 2 * cut - len(tokens)
            if repeat >= 0 and tokens[repeat:cut] == tokens[cut:]:
                value = " ".join(tokens[cut:])
                return [*_name_cells(tokens[:repeat], count - 2), value, value][-count:]
    if value_at is None:
        value_at = next(
            (c for c in cuts if _structured(" ".join(tokens[c:]), strict=False)), len(tokens) - 1
        )
    return [*_name_cells(tokens[:value_at], count - 1), " ".join(tokens[value_at:])]


def _name_cells(tokens: Sequence[str], count: int) -> list[str]:
    """Split the words before the value into ``count`` cells at spaces between two words.

    >>> _name_cells("专利申请数 申请的专利数".split(" "), 2)
    ['专利申请数', '申请的专利数']
    """
    cuts = [cut for cut in range(1, len(tokens)) if _cell_boundary(tokens[cut - 1], tokens[cut])]
    edges = [0, *cuts[: count - 1], len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in itertools.pairwise(edges)]


def _structured(text: str, *, strict: bool) -> bool:
    """Tell whether ``text`` starts with a structured value (is nothing else, if ``strict``)."""
    try:
        value = parse(text, strict=strict)
    except PerfmetricsError:
        return False
    return value.kind is not Kind.QUALITATIVE and value.span[0] == 0


def _cell_boundary(before: str, after: str) -> bool:
    """Tell a cell boundary: a space between two non-ASCII characters (not one by ``2019``)."""
    return bool(before and after) and not _ASCII.match(before[-1]) and not _ASCII.match(after[0])
