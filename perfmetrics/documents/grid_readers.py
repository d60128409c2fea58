"""The formats that become cell grids, in the order they are asked: the one place to add one.

A layout reader that works on :class:`~perfmetrics.documents.grid.Grid` objects (the 绩效自评表
reader, :func:`perfmetrics.read_selfeval`) asks :func:`grids_of` for the grids of a document and
never looks at its format. :data:`GRID_READERS` lists the formats: the tab-separated grid text of
tests/fixtures, the word-processor text export (:mod:`perfmetrics.documents.word_grid`), and
every file format of :data:`perfmetrics.documents.registry.FORMATS` (.docx, .xlsx, .xls, .html,
.pdf, .doc), whose grids the 绩效目标表 reader reads too. A new format is one more entry there;
no layout reader changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from attrs import field, frozen

from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.grid_tables import selfeval_grids
from perfmetrics.documents.registry import FORMATS
from perfmetrics.documents.source import Source
from perfmetrics.documents.word_grid import (
    looks_like_grid_text,
    looks_like_word_export,
    word_export_grids,
)

__all__ = ["GRID_READERS", "GridReader", "grids_of"]


@frozen
class GridReader:
    """One format that becomes cell grids: its name, how to recognise it, how to read it.

    Attributes:
        name: a short name (``"grid"``, ``"word"``, ``"docx"``).
        sniff: ``sniff(source) -> bool``, cheap: a text format looks at ``source.text``, a
            binary one at ``source.data`` and ``source.suffix``.
        grids: ``grids(source) -> Iterator[Grid]``, one grid per table of the document, in order;
            a grid's ``source`` and ``where`` say where it is (``x.docx``, ``table 2``).
    """

    name: str
    sniff: Callable[[Source], bool] = field(repr=False)
    grids: Callable[[Source], Iterator[Grid]] = field(repr=False)


def _text(source: Source) -> str:
    return source.text or ""


def _format_reader(kind: str) -> GridReader:
    """Return the grid reader of files of ``kind`` (.docx, .xlsx, .xls, .html, .pdf, .doc)."""
    return GridReader(kind, lambda s: s.kind == kind, lambda s: selfeval_grids(FORMATS[kind](s)))


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
    *(_format_reader(kind) for kind in FORMATS),
)


def grids_of(source: Source) -> tuple[list[Grid], list[str]]:
    r"""Return the grids of a loaded document, and a warning when no grid format accepts it.

    >>> grids, warnings = grids_of(Source.from_text("a\tb\n\tc\n"))
    >>> [grid.rows for grid in grids], warnings
    ([(('a', 'b'), ('', 'c'))], [])
    """
    reader = next((reader for reader in GRID_READERS if reader.sniff(source)), None)
    if reader is None:
        known = ", ".join(reader.name for reader in GRID_READERS)
        return [], [f"{source.name}: not a document read as cell grids (formats read: {known})"]
    return list(reader.grids(source)), []
