"""The document readers, in the order they are asked: the one place a format is added.

:func:`perfmetrics.read_tables` loads a :class:`~perfmetrics.documents.source.Source` and gives
it to the first reader whose ``sniff`` accepts it. To read another format or layout (.docx,
.xlsx, .pdf, .html, a 绩效自评表), write a module that defines ``READER =
Reader(name, sniff, read)`` and list it here, before any reader whose ``sniff`` it would lose to:
the PDF text export accepts any text, so it comes last.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from perfmetrics.documents import text_pdf, text_word
from perfmetrics.documents.model import Table
from perfmetrics.documents.source import Reader, Source

__all__ = ["READERS", "pick_reader"]

_Result = TypeVar("_Result")

#: Every reader of 绩效目标表 documents, most specific first.
READERS: tuple[Reader[list[Table]], ...] = (
    text_word.READER,  # one cell per tab-indented line
    text_pdf.READER,  # any other text: cells broken across lines and pages
)


def pick_reader(source: Source, readers: Sequence[Reader[_Result]]) -> Reader[_Result] | None:
    """Return the first of ``readers`` (``READERS``, or another layout's) accepting ``source``."""
    return next((reader for reader in readers if reader.sniff(source)), None)
