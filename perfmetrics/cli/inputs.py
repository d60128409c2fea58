"""What the commands read: documents (warnings above the progress bar) and small text files.

A CSV saved by Excel on Chinese Windows is GB18030 (ANSI) or UTF-16 ("Unicode text"), and one
saved elsewhere UTF-8 with or without a byte-order mark: :func:`decode` reads all four.
"""

from __future__ import annotations

import codecs
import stat
from collections.abc import Sequence
from pathlib import Path

from perfmetrics.cli.progress import note, progress
from perfmetrics.documents.model import Table
from perfmetrics.documents.reader import read_tables
from perfmetrics.errors import DocumentError

__all__ = ["MAX_TEXT_BYTES", "decode", "read_documents", "read_text"]

#: The largest text file (an actuals CSV) the commands read: 64 MiB.
MAX_TEXT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_documents(paths: Sequence[str], year: int | None) -> list[tuple[str, list[Table]]]:
    """Read every document, printing its warnings on stderr: (path, tables) in order.

    Raises:
        DocumentError: a document cannot be read (see :func:`perfmetrics.read_tables`), or is
            not a regular file (a device, a FIFO).

    """
    documents = []
    for path in progress(paths, "reading"):
        _regular_file(path)
        tables = read_tables(Path(path), year=year)
        for warning in [*tables.warnings, *(w for t in tables for w in t.warnings)]:
            note(f"perfmetrics: {path}: {warning}")
        documents.append((path, list(tables)))
    return documents


def _regular_file(path: str) -> None:
    """Refuse a device (``/dev/zero`` never ends) or a FIFO (blocks forever) before reading it."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return  # the reader says what is wrong with a missing or unreadable file
    if not stat.S_ISREG(mode):
        raise DocumentError(f"{path}: not a regular file")


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the codec of UTF-16 text without a byte-order mark (ASCII-heavy CSV), or None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > len(data) // 4 and even == 0:
        return "utf-16-le"
    if even > len(data) // 4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, *, name: str) -> str:
    """Return the text of ``data``: UTF-8 (with or without BOM), UTF-16/32 (BOM), or GB18030.

    Raises:
        DocumentError: it is none of these.

    >>> decode("指标,1".encode("gb18030"), name="a.csv"), decode("指标".encode("utf-16"), name="a")
    ('指标,1', '指标')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: not valid {codec} text ({exc.reason})") from exc
    wide = _utf16_without_bom(data)
    for codec in (*((wide,) if wide else ()), "utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise DocumentError(f"{name}: not UTF-8, UTF-16 or GB18030 text")


def read_text(path: str) -> str:
    """Return the text of a small file in any encoding :func:`decode` reads.

    Raises:
        DocumentError: it cannot be read, is not a regular file (a FIFO, a device), is over
            :data:`MAX_TEXT_BYTES`, or is in no encoding :func:`decode` reads.

    """
    _regular_file(path)
    try:
        info = Path(path).stat()
        if info.st_size > MAX_TEXT_BYTES:
            raise DocumentError(f"{path}: larger than {MAX_TEXT_BYTES // 2**20} MiB")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return decode(data, name=path)
