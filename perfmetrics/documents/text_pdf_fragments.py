"""The PDF text export cut into cell fragments and page breaks (the first step of its reader).

What the export keeps, and what the fragments rely on:

* A cell that wraps continues on the next line; the line that ends a cell ends with a space.
  Cells of one row that each fit on one line at the same height share a line, space-separated
  (``时效指标 服务时间 维保服务时间 2022 年 1 月至 12 月``); a cell of several lines stands alone.
* A page break repeats the header line (``一级指标 二级指标 …``). Cells cut by it are printed up
  to the break (their last line has no trailing space) and continued after it, in column order.

The names of the national indicator framework live here too: rows are found by them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
import regex

from perfmetrics.vocabulary import mapping, words

__all__ = [
    "HEADER",
    "LEVEL1_NAMES",
    "LEVEL2_NAMES",
    "LEVEL_NAMES",
    "UNDER",
    "Fragment",
    "PageBreak",
    "PendingRow",
    "fragments",
    "opens_name",
    "rejoin_level_names",
]

#: 一级指标 of the national framework (财预〔2020〕10号 and its 2021 revision; words.tsv level1).
LEVEL1_NAMES = frozenset(words("level1"))
#: 二级指标 of the national framework (words.tsv ``level2``, whose value is the 一级 above).
LEVEL2_NAMES = frozenset(words("level2"))
LEVEL_NAMES = LEVEL1_NAMES | LEVEL2_NAMES
#: Names that are an 一级 or a 二级: they are the 一级 only when one of these 二级 follows.
UNDER = {
    name: frozenset(
        level2 for level2, level1 in mapping("level2").items() if level1 == name != level2
    )
    for name in sorted(LEVEL1_NAMES & LEVEL2_NAMES)
}
#: The header line of the indicator part; the export repeats it after every page break.
HEADER = regex.compile(r"^\s*一级指标\s+二级指标\s+三级指标\s+(?:绩效)?指标描述\s+指标值")


@attrs.define
class Fragment:
    """Text of one cell, or of one line holding several one-line cells."""

    text: str
    line: int
    complete: bool
    single_line: bool
    #: The lines the fragment was joined from, as written (trailing spaces kept).
    parts: list[str] = attrs.Factory(list)


@attrs.frozen
class PageBreak:
    """A repeated header line: the page ended, and cells cut by it go on after it."""

    line: int


@attrs.define
class PendingRow:
    """A row being collected: its 一级 and 二级 names and the fragments of its other cells."""

    level1: str
    level2: str
    line: int
    #: Cut by a page break line by line (see text_pdf_rows and text_pdf_cells.rebuild_cut_row).
    cut: bool = False
    pieces: list[Fragment] = attrs.Factory(list)


def fragments(lines: Sequence[str], start: int, end: int) -> Iterator[Fragment | PageBreak]:
    """Cut the indicator part into cell fragments and page breaks."""
    parts: list[str] = []
    first = 0

    def fragment(complete: bool) -> Fragment:
        text = "".join(part.strip() for part in parts)
        return Fragment(text, first, complete, single_line=len(parts) == 1, parts=list(parts))

    for number in range(start, end):
        line = lines[number]
        if HEADER.match(line):
            if parts:
                yield fragment(complete=False)
                parts = []
            yield PageBreak(number + 1)
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


def rejoin_level_names(
    items: list[Fragment | PageBreak],
) -> list[Fragment | PageBreak]:
    """Put back together a 二级指标 cut by a page break (``服务对象满`` ⏎ ``意度指标``)."""
    out: list[Fragment | PageBreak] = []
    index = 0
    while index < len(items):
        item = items[index]
        if (
            isinstance(item, Fragment)
            and not item.complete
            and index + 2 < len(items)
            and isinstance(items[index + 1], PageBreak)
        ):
            after = items[index + 2]
            if isinstance(after, Fragment) and item.text + after.text in LEVEL_NAMES:
                name = item.text + after.text
                out.append(Fragment(name, item.line, True, True, [name + " "]))
                index += 3
                continue
        out.append(item)
        index += 1
    return out


def opens_name(text: str, names: frozenset[str]) -> bool:
    """Tell whether ``text`` is one of ``names`` or, two characters at least, the start of one."""
    return text in names or (len(text) >= 2 and any(name.startswith(text) for name in names))
