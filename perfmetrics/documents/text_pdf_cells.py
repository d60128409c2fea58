"""Tell the cells of a PDF export line apart, and rebuild rows a page break cut line by line.

Cells that fit on one line share it, separated by spaces; but the export also puts spaces inside
values next to digits and Latin letters (``2022 年 1 月``). The functions here decide where one
cell ends: by the value that closes a row (the longest structured suffix), by spaces between two
Chinese words, and, for a row cut line by line, by the width of its columns.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from perfmetrics.documents.text_pdf_fragments import LEVEL2_NAMES, Fragment, PendingRow
from perfmetrics.errors import PerfmetricsError, display_width
from perfmetrics.values.api import parse
from perfmetrics.values.model import Kind

__all__ = ["line_cells", "name_cells", "rebuild_cut_row"]

_ASCII = regex.compile(r"[\x21-\x7e]")


def rebuild_cut_row(
    row: PendingRow, pieces: Sequence[Fragment], widths: tuple[int | None, int | None]
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
    *rest, value = line_cells(text, 2)
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


def line_cells(text: str, count: int) -> list[str]:
    """Split a one-line run of cells into ``count`` cells (fewer if it cannot), the value last.

    The value is the longest suffix that is one structured value and nothing else; failing that,
    the line is cut at its spaces between two words when there are just enough of them (the
    export's own spaces sit next to digits and Latin letters: ``2019 年``); failing that, the value
    is a repeat of the cell before it (the description said it again), the longest suffix that
    starts with a structured value, or the last word.

    >>> line_cells("服务时间 维保服务时间 2022 年 1 月至 12 月", 3)
    ['服务时间', '维保服务时间', '2022 年 1 月至 12 月']
    >>> line_cells("全年电子案卷归档 1000 件 100%", 2)
    ['全年电子案卷归档 1000 件', '100%']
    >>> line_cells("每月按时发放 每月 20 日前按时发放", 2)
    ['每月按时发放', '每月 20 日前按时发放']
    >>> line_cells("完成时限 2022 年底前完成 2022 年底前完成", 3)
    ['完成时限', '2022 年底前完成', '2022 年底前完成']
    >>> line_cells("人力社保服务水平提升 显著提高", 2)
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
                return [*name_cells(tokens[:repeat], count - 2), value, value][-count:]
    if value_at is None:
        value_at = next(
            (c for c in cuts if _structured(" ".join(tokens[c:]), strict=False)), len(tokens) - 1
        )
    return [*name_cells(tokens[:value_at], count - 1), " ".join(tokens[value_at:])]


def name_cells(tokens: Sequence[str], count: int) -> list[str]:
    """Split the words before the value into ``count`` cells at spaces between two words.

    >>> name_cells("专利申请数 申请的专利数".split(" "), 2)
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
