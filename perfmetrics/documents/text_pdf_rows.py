"""Group the fragments of a PDF export's indicator part into rows, and read each row's cells.

Every row starts with its 二级指标 (the national vocabulary: 数量指标 … 服务对象满意度指标); the
merged 一级指标 cell appears once, before its first row. Cells cut by a page break are continued
after it, in column order. A row is kept when its cells come out as 二级, 三级, description and
value; otherwise the table gets a warning naming the row's line, and the row is left out rather
than guessed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from perfmetrics.documents.model import IndicatorRow
from perfmetrics.documents.rows import make_row
from perfmetrics.documents.text_pdf_cells import line_cells, name_cells, rebuild_cut_row
from perfmetrics.documents.text_pdf_fragments import (
    LEVEL1_NAMES,
    LEVEL2_NAMES,
    LEVEL_NAMES,
    UNDER,
    Fragment,
    PageBreak,
    PendingRow,
    fragments,
    opens_name,
    rejoin_level_names,
)
from perfmetrics.errors import display_width

__all__ = ["read_rows"]


def read_rows(
    lines: Sequence[str], header_at: int, end: int, year: int | None, warnings: list[str]
) -> list[IndicatorRow]:
    """Return the rows of the indicator part (after the header at ``header_at``, up to ``end``).

    What cannot be read is appended to ``warnings``, one sentence each, with its line.
    """
    items = rejoin_level_names(list(fragments(lines, header_at + 1, end)))
    found: list[PendingRow] = []
    level1 = ""
    continuing: list[Fragment] = []  # cells cut by the last page break, in column order
    orphans: list[Fragment] = []
    for index, item in enumerate(items):
        row = found[-1] if found else None
        if isinstance(item, PageBreak):
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
            before_break = index + 1 < len(items) and isinstance(items[index + 1], PageBreak)
            if name in LEVEL1_NAMES and (
                name not in UNDER or opens_name(upcoming or "", UNDER[name])
            ):
                level1 = name
            elif name in LEVEL2_NAMES and fragment.complete and (row is None or row.pieces):
                # A 二级 name right after another is the row's 三级 (三级 = 服务对象满意度指标).
                row = PendingRow(level1, name, fragment.line)
                found.append(row)
            elif before_break and _opens_cut_row(fragment, row):
                row = PendingRow(level1, "", fragment.line, cut=True)
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


def _column_widths(rows: Sequence[PendingRow]) -> tuple[int | None, int | None]:
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


def _opens_cut_row(fragment: Fragment, row: PendingRow | None) -> bool:
    """Tell a new row whose one-line cells a page break cut line by line (``社会效益指 …``).

    Its first word is only the start of a 二级 name, and the page ends right after the line; the
    rest of every cell follows the break, again several cells to a line.
    """
    first = fragment.text.split(" ")[0]
    return (
        fragment.single_line
        and " " in fragment.text
        and first not in LEVEL2_NAMES
        and opens_name(first, LEVEL2_NAMES)
        and (row is None or bool(row.pieces))
    )


def _leading_names(fragment: Fragment) -> Iterator[Fragment]:
    """Split off the 一级/二级 names that open a one-line fragment (``时效指标 服务时间 …``)."""
    if not fragment.single_line:
        yield fragment
        return
    tokens = fragment.text.split(" ")
    while len(tokens) > 1 and tokens[0] in LEVEL_NAMES:
        name = tokens.pop(0)
        yield Fragment(name, fragment.line, complete=True, single_line=True, parts=[name + " "])
    rest = " ".join(tokens)
    yield attrs.evolve(fragment, text=rest, parts=[rest + (" " if fragment.complete else "")])


def _next_text(items: Sequence[Fragment | PageBreak], index: int) -> str | None:
    for item in items[index + 1 :]:
        if isinstance(item, Fragment):
            return item.text.split(" ")[0]
    return None


def _finish(
    row: PendingRow, widths: tuple[int | None, int | None], year: int | None, warnings: list[str]
) -> IndicatorRow | None:
    """Read a row's pieces as 三级, description and value; warn and return None if they are not."""
    pieces = [p for p in row.pieces if p.text]
    cells = rebuild_cut_row(row, pieces, widths) if row.cut else _row_cells(row, pieces, warnings)
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


def _row_cells(
    row: PendingRow, pieces: Sequence[Fragment], warnings: list[str]
) -> list[str] | None:
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
        cells[-1:] = line_cells(cells[-1], 4 - len(cells))
    if len(cells) == 2 and pieces and pieces[0].single_line:
        cells[:1] = name_cells(cells[0].split(" "), 2)
    if len(cells) == 2:
        cells.insert(1, "")  # no description: 三级 and value only
    if len(cells) != 3:
        warnings.append(
            f"line {row.line}: row {row.level2} left out: its cells could not be told apart "
            f"({' | '.join(cells) or 'no cells'})"
        )
        return None
    return [row.level2, *cells]
