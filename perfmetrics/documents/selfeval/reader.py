"""``read_selfeval``: a document's cell grids in, its self-evaluation tables out.

The reader never looks at a document's format: :func:`perfmetrics.documents.grid_readers.grids_of`
turns the document into :class:`~perfmetrics.documents.grid.Grid` objects (the grid text, the
word-processor export, and whatever format reader is listed in ``GRID_READERS``), and
:func:`~perfmetrics.documents.selfeval.layout.read_grid` reads the tables of each grid.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from perfmetrics.boundaries import require_year
from perfmetrics.documents.grid import Grid
from perfmetrics.documents.grid_readers import GRID_READERS, grids_of
from perfmetrics.documents.library_logs import summary
from perfmetrics.documents.selfeval.columns import is_indicator_header
from perfmetrics.documents.selfeval.layout import read_grid
from perfmetrics.documents.selfeval.model import SelfEvaluation
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError, InputTypeError

__all__ = ["holds_selfeval", "read_selfeval"]


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
    grids, warnings = grids_of(loaded)
    if loaded.damage:
        warnings.append(summary(loaded.name, loaded.damage))
    if not grids and loaded.text is None:
        known = ", ".join(reader.name for reader in GRID_READERS)
        problem = loaded.problem or f"{loaded.name}: not a document perfmetrics reads"
        raise DocumentError(f"{problem} (self-evaluation tables are read from: {known})")
    return loaded.name, grids, warnings


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


def holds_selfeval(source: Source) -> bool:
    """Say whether a loaded document holds a self-evaluation table.

    A self-evaluation indicator header (naming 完成值 or 得分 columns) is enough: then
    :func:`perfmetrics.read_tables`, which finds no 绩效目标表 in it, points at
    :func:`read_selfeval`.
    """
    grids, _ = grids_of(source)
    return any(is_indicator_header(row) for grid in grids for row in grid.rows)
