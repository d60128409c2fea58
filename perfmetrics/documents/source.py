"""What a document reader is given (:class:`Source`) and what it provides (:class:`Reader`).

``Source.load`` turns what :func:`perfmetrics.read_tables` was handed (a path, text, bytes or a
binary file object) into a ``Source``: the name to show, the bytes as read, the format the bytes
are in (told from their content, never from the file name alone: :func:`detect_format`) and the
text when the bytes are text (UTF-8 or GB 18030, no NUL byte). A reader for a text export looks
at ``text``; a reader for a binary format (.docx, .xlsx, .xls, .pdf, .doc) looks at ``kind``
and ``data``.

Only regular files are read: a device, a FIFO or a directory is refused, and so is anything larger
than ``max_bytes`` (:data:`MAX_BYTES`, 64 MiB unless the caller passes another limit), so that a
wrong path never hangs or exhausts memory.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import regex
from attrs import field, frozen

from perfmetrics.errors import DocumentError

__all__ = ["MAX_BYTES", "Reader", "Source", "detect_format"]

#: What a reader returns: the tables of a 绩效目标表 document (``list[Table]``), or, for a
#: reader of another layout, what that layout holds.
Result = TypeVar("Result")

#: Encodings tried in turn; Chinese government exports are UTF-8 or GB 18030 (GBK).
_ENCODINGS = ("utf-8-sig", "gb18030")

#: The largest input read (bytes) unless ``max_bytes`` says otherwise: far above any published
#: 绩效目标表 document (the largest seen are a few MiB), far below what would exhaust memory.
MAX_BYTES = 64 * 1024 * 1024

#: A one-line ``str`` ending like a file name (``x.docx``) is a path, never text.
_FILE_SUFFIX = regex.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = regex.compile(rb"^\s*(?:<!doctype\s+html|<html|<table|<\?xml[^>]*>\s*<html)", regex.I)


class _BinaryFile(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def detect_format(data: bytes) -> str:
    """Tell a document's format from its first bytes (and, for a zip or OLE2 file, its parts).

    Returns one of ``"pdf"``, ``"docx"``, ``"xlsx"``, ``"doc"``, ``"xls"``, ``"html"``,
    ``"text"`` or ``"binary"`` (anything else, including a zip that is neither Word nor Excel).

    >>> detect_format(b"%PDF-1.7"), detect_format(b"<!DOCTYPE html><table>"), detect_format(b"a")
    ('pdf', 'html', 'text')
    """
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(_OLE2):
        return _ole2_format(data)
    if _HTML.match(data[:4096].removeprefix(b"\xef\xbb\xbf")):
        return "html"
    return "binary" if b"\x00" in data else "text"


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "binary"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "binary"


def _ole2_format(data: bytes) -> str:
    # An OLE2 compound file names its streams in UTF-16 in its directory sectors.
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if any(name.encode("utf-16-le") in data for name in ("Workbook", "Book")):
        return "xls"
    return "binary"


@frozen(kw_only=True)
class Source:
    """A document as a reader sees it.

    Attributes:
        name: the path as given, or ``<text>`` / ``<bytes>`` / ``<file>``; used in messages and
            ``Tables.source``.
        data: the bytes as read, or None when the text itself was given.
        text: the decoded text, or None when the bytes are binary or in no known encoding.
        problem: why ``text`` is None (a sentence), else None.
        suffix: the file name's suffix in lower case (``".txt"``), ``""`` without a path.
        kind: the format told from the content (:func:`detect_format`); ``"text"`` for text.
        damage: what the format's library reported while reading a damaged file (filled in by
            the reading; see :mod:`perfmetrics.documents.library_logs`).
    """

    name: str
    data: bytes | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)
    problem: str | None = None
    suffix: str = ""
    kind: str = "text"
    damage: list[str] = field(factory=list, repr=False, eq=False)

    @classmethod
    def load(
        cls,
        source: str | os.PathLike[str] | bytes | _BinaryFile,
        *,
        max_bytes: int = MAX_BYTES,
    ) -> Source:
        """Read a path or a binary file object, or take text or bytes.

        A ``str`` is the text itself when it holds a line break, starts with markup (``<``) or
        names no file (one line such as ``12月底前``); one line ending like a file name
        (``x.docx``) or holding a path separator is a path.

        Raises:
            DocumentError: no such file; not a regular file (a directory, device or FIFO);
                larger than ``max_bytes``; it cannot be read; or ``source`` is of another type.

        """
        if isinstance(source, bytes | bytearray | memoryview):
            data = bytes(source)
            _check_size("<bytes>", len(data), max_bytes)
            return cls.from_bytes(data, name="<bytes>")
        if isinstance(source, str) and _is_text(source):
            return cls.from_text(source)
        if hasattr(source, "read") and not isinstance(source, str | os.PathLike):
            return cls._from_file(source, max_bytes)
        if not isinstance(source, str | os.PathLike):
            raise DocumentError(
                "read_tables() takes a path, a str, bytes or a binary file, "
                f"not {type(source).__name__}"
            )
        path = Path(source)
        data = _read_path(path, max_bytes)
        return cls.from_bytes(data, name=str(path), suffix=path.suffix.lower())

    @classmethod
    def _from_file(cls, file: _BinaryFile, max_bytes: int) -> Source:
        name = str(getattr(file, "name", "") or "<file>")
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise DocumentError(f"{name}: cannot be read ({exc})") from exc
        if isinstance(data, str):
            return cls.from_text(data, name=name)
        _check_size(name, len(data), max_bytes)
        return cls.from_bytes(bytes(data), name=name, suffix=Path(name).suffix.lower())

    @classmethod
    def from_text(cls, text: str, *, name: str = "<text>") -> Source:
        """Return the source of a text given as it is (a NUL character makes it binary)."""
        if "\x00" in text:
            return cls(name=name, problem=_binary(name), kind="binary")
        kind = "html" if _HTML.match(text[:4096].encode("utf-8", "replace")) else "text"
        return cls(name=name, text=text, kind=kind)

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str, suffix: str = "") -> Source:
        """Return the source of bytes, with their format and their text when they are text."""
        kind = detect_format(data)
        if kind not in ("text", "html"):
            return cls(name=name, data=data, problem=_binary(name), suffix=suffix, kind=kind)
        for encoding in _ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return cls(name=name, data=data, text=text, suffix=suffix, kind=kind)
        if kind == "html":  # the page declares its own encoding; its reader decodes it
            return cls(name=name, data=data, suffix=suffix, kind=kind)
        return cls(
            name=name, data=data, problem=f"{name}: not UTF-8 or GB 18030 text", suffix=suffix
        )


def _is_text(given: str) -> bool:
    if "\n" in given or not given.strip() or given.lstrip().startswith("<"):
        return True  # several lines, blank, or markup (a page on one line)
    if "/" in given or os.sep in given or _FILE_SUFFIX.search(given.strip()):
        return False
    return not os.path.exists(given)


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(
            f"{name}: larger than the limit of {max_bytes:,} bytes "
            "(pass max_bytes= to read a larger document)"
        )


def _read_path(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        what = "a directory" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
        raise DocumentError(f"{path}: not a regular file ({what})")
    _check_size(str(path), info.st_size, max_bytes)
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
    _check_size(str(path), len(data), max_bytes)
    return data


def _binary(name: str) -> str:
    return f"{name}: this is a binary file, not a text export"


@frozen
class Reader(Generic[Result]):
    """One document format or layout: its name, how to recognise it, and how to read it.

    Attributes:
        name: what ``Tables.layout`` says (``"word"``, ``"pdf"``).
        sniff: tells whether a source is in this format (cheap: looks, does not read).
        read: reads a source ``sniff`` accepted, given the reference year for dates written
            without one; a 绩效目标表 reader returns its tables in document order.
    """

    name: str
    sniff: Callable[[Source], bool] = field(repr=False)
    read: Callable[[Source, int | None], Result] = field(repr=False)
