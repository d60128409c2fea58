"""``read_tables``: find out what a document is, read it, and say what could not be read."""

from __future__ import annotations

import os
from pathlib import Path

from perfmetrics.documents.model import Tables
from perfmetrics.documents.text_pdf import read_pdf_export
from perfmetrics.documents.text_word import looks_like_word_export, read_word_export
from perfmetrics.errors import DocumentError

__all__ = ["read_tables"]

#: Encodings tried in turn; Chinese government exports are UTF-8 or GB 18030 (GBK).
_ENCODINGS = ("utf-8-sig", "gb18030")


def read_tables(source: str | os.PathLike[str] | bytes, *, year: int | None = None) -> Tables:
    """Read every 绩效目标表 table of a document's text export.

    Args:
        source: a path (``str`` or ``Path``) to the text export, the text itself (any ``str``
            with a line break), or its bytes (UTF-8 or GB 18030).
        year: reference year for dates without one (``12月底前``), usually the budget year.

    Returns:
        The tables in document order (a ``list`` with ``warnings``, ``source`` and ``layout``).
        A document without tables gives an empty list with a warning.

    Raises:
        DocumentError: the file does not exist or is empty, binary, or in no known encoding.

    """
    name, text = _load(source)
    if not text.strip():
        raise DocumentError(f"{name}: the document is empty")
    if "\x00" in text:
        raise DocumentError(f"{name}: this is a binary file, not a text export")
    layout = "word" if looks_like_word_export(text) else "pdf"
    reader = read_word_export if layout == "word" else read_pdf_export
    tables = Tables(reader(text, year=year), source=name, layout=layout)
    if not tables:
        tables.warnings.append(
            f"{name}: no 绩效目标表 table found (no 单位： line or 活动编码 header)"
        )
    return tables


def _load(source: str | os.PathLike[str] | bytes) -> tuple[str, str]:
    if isinstance(source, bytes):
        return "<bytes>", _decode(source, "<bytes>")
    if isinstance(source, str) and ("\n" in source or not source.strip()):
        return "<text>", source
    if not isinstance(source, str | os.PathLike):
        raise DocumentError(
            f"read_tables() takes a path, a str or bytes, not {type(source).__name__}"
        )
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if isinstance(source, str) and not source.endswith(".txt") and os.sep not in source:
            return "<text>", source  # one line of text, not a file name
        raise DocumentError(f"{path}: no such file") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
    return str(path), _decode(data, str(path))


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise DocumentError(f"{name}: this is a binary file, not a text export")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name}: not UTF-8 or GB 18030 text")
