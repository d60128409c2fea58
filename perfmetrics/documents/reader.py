"""``read_tables``: find out what a document is, read it, and say what could not be read."""

from __future__ import annotations

import os

from perfmetrics.arithmetic import exact
from perfmetrics.boundaries import require_source, require_year
from perfmetrics.documents.model import Tables
from perfmetrics.documents.registry import READERS, pick_reader
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["read_tables"]


@exact
def read_tables(source: str | os.PathLike[str] | bytes, *, year: int | None = None) -> Tables:
    """Read every 绩效目标表 table of a document's text export.

    Args:
        source: a path (``str`` or ``Path``) to the text export, the text itself (any ``str``
            with a line break), or its bytes (UTF-8 or GB 18030).
        year: reference year for dates without one (``12月底前``), usually the budget year.

    Returns:
        The tables in document order (a ``list`` with ``warnings``, ``source`` and ``layout``,
        the name of the reader that read it: see :mod:`perfmetrics.documents.registry`).
        A document without tables gives an empty list with a warning.

    Raises:
        DocumentError: the file does not exist or is empty, binary, or in no known encoding.
        InputTypeError: ``source`` is not a path, str or bytes; ``year`` of the wrong type.

    """
    require_source(source, "read_tables()")
    require_year(year)
    loaded = Source.load(source)
    name = loaded.name
    if loaded.text is not None and not loaded.text.strip():
        raise DocumentError(f"{name}: the document is empty")
    reader = pick_reader(loaded, READERS)
    if reader is None:
        raise DocumentError(loaded.problem or f"{name}: not a document perfmetrics can read")
    tables = Tables(reader.read(loaded, year), source=name, layout=reader.name)
    if not tables:
        tables.warnings.append(
            f"{name}: no 绩效目标表 table found (no 单位： line or 活动编码 header)"
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
