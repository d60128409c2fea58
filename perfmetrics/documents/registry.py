"""The document readers, in the order they are asked: the one place a format is added.

:func:`perfmetrics.read_tables` loads a :class:`~perfmetrics.documents.source.Source` and gives
it to the first reader whose ``sniff`` accepts it. The binary formats (.docx, .xlsx, .xls, .html,
.pdf, .doc) are told by their content (``Source.kind``) and read through cell grids by
:mod:`~perfmetrics.documents.grid_tables`; the text exports come after them. To read another
format or layout, write a module that defines ``READER = Reader(name, sniff, read)`` (or a
``*_parts`` function giving grids) and list it here, before any reader whose ``sniff`` it would
lose to: the PDF text export accepts any text, so it comes last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from perfmetrics.documents import text_pdf, text_word
from perfmetrics.documents.format_doc import doc_parts
from perfmetrics.documents.format_docx import docx_parts
from perfmetrics.documents.format_html import html_parts
from perfmetrics.documents.format_pdf import pdf_parts
from perfmetrics.documents.format_xls import xls_parts
from perfmetrics.documents.format_xlsx import xlsx_parts
from perfmetrics.documents.grid import Part
from perfmetrics.documents.grid_tables import guarded, tables_reader
from perfmetrics.documents.model import Table
from perfmetrics.documents.source import Reader, Source

__all__ = ["FORMATS", "READERS", "parts_of", "pick_reader"]

_Result = TypeVar("_Result")

#: ``Source.kind`` → the function turning such a file into grids and paragraphs. The
#: self-evaluation reader (:mod:`perfmetrics.documents.selfeval.reader`) reads the same grids.
#: Each raises only DocumentError (``grid_tables.guarded``), whatever a damaged file does.
FORMATS: dict[str, Callable[[Source], list[Part]]] = {
    kind: guarded(kind, parts)
    for kind, parts in {
        "docx": docx_parts,
        "xlsx": xlsx_parts,
        "xls": xls_parts,
        "html": html_parts,
        "pdf": pdf_parts,
        "doc": doc_parts,
    }.items()
}

_NAMES = {"pdf": "pdf-file"}

#: Every reader of 绩效目标表 documents, most specific first.
READERS: tuple[Reader[list[Table]], ...] = (
    # A PDF file is "pdf-file": "pdf" names the PDF text export, as it always has.
    *(tables_reader(kind, parts, name=_NAMES.get(kind)) for kind, parts in FORMATS.items()),
    text_word.READER,  # one cell per tab-indented line
    text_pdf.READER,  # any other text: cells broken across lines and pages
)


def parts_of(source: Source) -> list[Part] | None:
    """Return the grids and paragraphs of a binary document, or None for text."""
    parts = FORMATS.get(source.kind)
    return None if parts is None else parts(source)


def pick_reader(source: Source, readers: Sequence[Reader[_Result]]) -> Reader[_Result] | None:
    """Return the first of ``readers`` (``READERS``, or another layout's) accepting ``source``."""
    return next((reader for reader in readers if reader.sniff(source)), None)
