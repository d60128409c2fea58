"""``read_tables``: find out what a document is, read it, and say what could not be read."""

from __future__ import annotations

import os
from typing import IO

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_source, require_year
from perfmetrics.documents.library_logs import summary
from perfmetrics.documents.model import Tables
from perfmetrics.documents.registry import READERS, pick_reader
from perfmetrics.documents.selfeval.reader import holds_selfeval
from perfmetrics.documents.source import MAX_BYTES, Source
from perfmetrics.errors import DocumentError

__all__ = ["read_tables"]


@exact
def read_tables(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    year: int | None = None,
    max_bytes: int = MAX_BYTES,
) -> Tables:
    """Read every 绩效目标表 table of a document: .docx, .xlsx, .xls, .html, .pdf, .doc or text.

    The format is told from the content, never from the file name alone. Reading a .docx needs
    the extra ``perfmetrics[docx]``; .xlsx and .xls ``[xlsx]``; .pdf ``[pdf]``; all of them
    ``[documents]``; a .doc is converted by LibreOffice (``soffice`` on the PATH).

    Args:
        source: a path (``str`` or ``Path``), a binary file object, the text itself (any ``str``
            with a line break, or one line naming no file), or bytes (text in UTF-8 or GB 18030).
        year: reference year for dates without one (``12月底前``), usually the budget year.
        max_bytes: the largest input read (:data:`~perfmetrics.documents.source.MAX_BYTES`,
            64 MiB, unless given).

    Returns:
        The tables in document order (a ``list`` with ``warnings``, ``source`` and ``layout``,
        the name of the reader that read it: see :mod:`perfmetrics.documents.registry`).
        A document without tables gives an empty list with a warning.

    Raises:
        DocumentError: the file does not exist, is not a regular file, is larger than
            ``max_bytes``, is empty, is binary in no format read here, is in no known encoding,
            or needs an extra that is not installed (the message names the ``pip`` command).
        InputTypeError: ``source`` is not a path, str, bytes or binary file object; ``year`` of
            the wrong type.

    """
    require_source(source, "read_tables()")
    require_year(year)
    loaded = Source.load(source, max_bytes=max_bytes)
    name = loaded.name
    if loaded.text is not None and not loaded.text.strip():
        raise DocumentError(f"{name}: the document is empty")
    reader = pick_reader(loaded, READERS)
    if reader is None:
        raise DocumentError(loaded.problem or f"{name}: not a document perfmetrics can read")
    tables = Tables(reader.read(loaded, year), source=name, layout=reader.name)
    if loaded.damage:
        tables.warnings.append(summary(name, loaded.damage))
    if not tables:
        tables.warnings.append(
            f"{name}: no 绩效目标表 table found (no 单位： line or 活动编码 header)"
            + (
                "; it holds a 绩效自评表: read it with read_selfeval"
                if holds_selfeval(loaded)
                else ""
            )
        )
    cut = _cut_short(loaded.text, tables)
    if cut is not None:
        tables.warnings.append(f"{name}: {cut}")
    return tables


def _cut_short(text: str | None, tables: Tables) -> str | None:
    """Say how the document looks truncated in its last row, or None.

    An export ends with a line break; a text that stops inside the last row's cells (``≥90%``
    cut to ``≥9``) reads as a valid, wrong value, so the row is pointed out.
    """
    if text is None or not tables or not tables[-1].rows:
        return None
    if text.rstrip(" \t").endswith(("\n", "\r")):
        return None
    last_line = text.rstrip(" \t").rsplit("\n", 1)[-1].strip()
    row = tables[-1].rows[-1]
    cells = {row.raw, row.level3, row.description, *row.tiers.values(), *row.extra.values()}
    if not last_line or not any(
        cell and cell.strip() and last_line.endswith(cell.strip()) for cell in cells
    ):
        return None
    return (
        f"the document ends inside its last row (line {row.line}, value {row.raw!r}) with no "
        "final line break: it may be cut short, and the last value with it"
    )
