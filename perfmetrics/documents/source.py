"""What a document reader is given (:class:`Source`) and what it provides (:class:`Reader`).

``Source.load`` turns what :func:`perfmetrics.read_tables` was handed (a path, text or bytes) into
a ``Source``: the name to show, the bytes as read, and the text when the bytes decode (UTF-8 or
GB 18030, no NUL byte). A reader for a text export looks at ``text``; a reader for a binary
format (.docx, .xlsx, .pdf) looks at ``data`` and ``suffix``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from attrs import field, frozen

from perfmetrics.errors import DocumentError

__all__ = ["Reader", "Source"]

#: What a reader returns: the tables of a 绩效目标表 document (``list[Table]``), or, for a
#: reader of another layout, what that layout holds.
Result = TypeVar("Result")

#: Encodings tried in turn; Chinese government exports are UTF-8 or GB 18030 (GBK).
_ENCODINGS = ("utf-8-sig", "gb18030")


@frozen(kw_only=True)
class Source:
    """A document as a reader sees it.

    Attributes:
        name: the path as given, or ``<text>`` / ``<bytes>``; used in messages and
            ``Tables.source``.
        data: the bytes as read, or None when the text itself was given.
        text: the decoded text, or None when the bytes are binary or in no known encoding.
        problem: why ``text`` is None (a sentence), else None.
        suffix: the file name's suffix in lower case (``".txt"``), ``""`` without a path.
    """

    name: str
    data: bytes | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)
    problem: str | None = None
    suffix: str = ""

    @classmethod
    def load(cls, source: str | os.PathLike[str] | bytes) -> Source:
        """Read a path, or take text or bytes, as :func:`perfmetrics.read_tables` accepts them.

        Raises:
            DocumentError: no such file, or it cannot be read, or ``source`` is of another type.

        """
        if isinstance(source, bytes):
            return cls.from_bytes(source, name="<bytes>")
        if isinstance(source, str) and ("\n" in source or not source.strip()):
            return cls.from_text(source)
        if not isinstance(source, str | os.PathLike):
            raise DocumentError(
                f"read_tables() takes a path, a str or bytes, not {type(source).__name__}"
            )
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if isinstance(source, str) and not source.endswith(".txt") and os.sep not in source:
                return cls.from_text(source)  # one line of text, not a file name
            raise DocumentError(f"{path}: no such file") from None
        except OSError as exc:
            raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
        return cls.from_bytes(data, name=str(path), suffix=path.suffix.lower())

    @classmethod
    def from_text(cls, text: str, *, name: str = "<text>") -> Source:
        """Return the source of a text given as it is (a NUL character makes it binary)."""
        if "\x00" in text:
            return cls(name=name, problem=_binary(name))
        return cls(name=name, text=text)

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str, suffix: str = "") -> Source:
        """Return the source of bytes, with their text when they decode."""
        if b"\x00" in data:
            return cls(name=name, data=data, problem=_binary(name), suffix=suffix)
        for encoding in _ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return cls(name=name, data=data, text=text, suffix=suffix)
        return cls(
            name=name, data=data, problem=f"{name}: not UTF-8 or GB 18030 text", suffix=suffix
        )


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
