"""``read_selfeval``: turn a document into cell grids, and read its self-evaluation tables.

Every format reaches the layout reader as :class:`~perfmetrics.documents.grid.Grid` objects.
:data:`GRID_READERS` lists, in the order they are asked, the formats that can be turned into
grids: the tab-separated grid text (tests/fixtures/selfeval) and the word-processor text export.
A reader for another format (.docx, .xlsx, .html, .pdf) is one more :class:`GridReader` in that
list; the layout reading does not change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from attrs import field, frozen

from perfmetrics.boundaries import require_year
from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.selfeval.layout import read_grid
from perfmetrics.documents.selfeval.model import SelfEvaluation
from perfmetrics.documents.selfeval.text_export import (
    looks_like_grid_text,
    looks_like_word_export,
    word_export_grids,
)
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError, InputTypeError

__all__ = ["GRID_READERS", "GridReader", "read_selfeval"]


@frozen
class GridReader:
    """One format that becomes cell grids: its name, how to recognise it, how to read it."""

    name: str
    sniff: Callable[[Source], bool] = field(repr=False)
    grids: Callable[[Source], Iterator[Grid]] = field(repr=False)


def _text(source: Source) -> str:
    return source.text or ""


#: The grid formats, most specific first.
GRID_READERS: tuple[GridReader, ...] = (
    GridReader(
        "grid",
        lambda s: s.text is not None and looks_like_grid_text(s.text),
        lambda s: read_grid_text(_text(s), source=s.name),
    ),
    GridReader(
        "word",
        lambda s: s.text is not None and looks_like_word_export(s.text),
        lambda s: word_export_grids(_text(s), source=s.name),
    ),
)


def _grids(
    source: str | os.PathLike[str] | bytes | Grid | Iterable[Grid],
) -> tuple[str, list[Grid], list[str]]:
    if isinstance(source, Grid):
        return source.source, [source], []
    if not isinstance(source, str | bytes | os.PathLike):
        if not isinstance(source, Iterable):
            kind = type(source).__name__
            raise InputTypeError(f"read_selfeval() takes a path, text, bytes or grids, not {kind}")
        grids = list(source)
        if not all(isinstance(grid, Grid) for grid in grids):
            raise DocumentError("read_selfeval() takes a path, text, bytes or cell grids")
        return (grids[0].source if grids else "<grids>"), grids, []
    loaded = Source.load(source)
    if loaded.text is not None and not loaded.text.strip():
        raise DocumentError(f"{loaded.name}: the document is empty")
    reader = next((reader for reader in GRID_READERS if reader.sniff(loaded)), None)
    if reader is None:
        if loaded.text is None:
            raise DocumentError(
                loaded.problem or f"{loaded.name}: not a document perfmetrics reads"
            )
        problem = "not a cell grid or a word-processor export (PDF text is not read yet)"
        return loaded.name, [], [f"{loaded.name}: {problem}"]
    return loaded.name, list(reader.grids(loaded)), []


def read_selfeval(
    source: str | os.PathLike[str] | bytes | Grid | Iterable[Grid], *, year: int | None = None
) -> SelfEvaluation:
    """Read every self-evaluation table (绩效自评表) of a document.

    Args:
        source: a path, the text itself, its bytes (UTF-8 or GB 18030), or cell grids from any
            format reader. Text may be the word-processor export (one cell per tab-indented
            line) or a tab-separated grid (one row a line).
        year: the evaluation year, for tables that do not state one (also the reference year
            for dates written without one).

    Returns:
        The tables in document order (a ``list`` with ``source`` and ``warnings``). A document
        without a self-evaluation table gives an empty list with a warning.

    Raises:
        DocumentError: the file does not exist or is empty, binary, or in no known encoding.
        InputTypeError: ``source`` is none of those; ``year`` of the wrong type.

    >>> se = read_selfeval("tests/fixtures/selfeval/shanghai_putuo-sports-settlement.grid.tsv")
    >>> se[0].project, se[0].total_score, se[0].rows[4].verdict.met
    ('普陀体育中心与委托运营方结算费用', Decimal('98.62'), True)
    """
    require_year(year)
    name, grids, warnings = _grids(source)
    tables = [table for grid in grids for table in read_grid(grid, year=year)]
    if not tables and not warnings:
        warnings.append(f"{name}: no 绩效自评表 found (no header naming 完成值 or 得分 columns)")
    return SelfEvaluation(tables, source=name, warnings=warnings)
