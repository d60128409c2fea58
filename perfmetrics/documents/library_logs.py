"""Keep what the format libraries log while they read a file, instead of printing it.

pdfminer (under pdfplumber) logs a warning for each damaged object of a PDF; with no logging set
up, Python prints each one on stderr (hundreds for one damaged file, in the middle of a command's
output). While perfmetrics reads a file, :func:`collected` keeps the records of this thread from
those libraries' loggers; the reader then gives one document warning that sums them up
(:func:`summary`). A program that set up logging still receives every record as before: nothing
stops them from propagating.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["LOGGERS", "collected", "summary"]

#: The loggers of the libraries behind the file formats (see pyproject's extras).
LOGGERS = ("pdfminer", "pdfplumber", "openpyxl", "xlrd", "docx", "bs4", "html5lib", "lxml")

_local = threading.local()
_lock = threading.Lock()
_users = [0]  # readers inside collected(), guarded by _lock


class _Keeper(logging.Handler):
    """Keeps the warnings of the thread that is reading a file; prints nothing."""

    def emit(self, record: logging.LogRecord) -> None:
        kept: list[str] | None = getattr(_local, "kept", None)
        if kept is not None and record.thread == threading.get_ident():
            kept.append(record.getMessage())


_KEEPER = _Keeper(logging.WARNING)


@contextmanager
def collected() -> Iterator[list[str]]:
    """Keep the warnings the format libraries log in this thread; yield the list they go to."""
    kept: list[str] = []
    outer = getattr(_local, "kept", None)
    _local.kept = kept
    with _lock:
        if _users[0] == 0:
            for name in LOGGERS:
                logging.getLogger(name).addHandler(_KEEPER)
        _users[0] += 1
    try:
        yield kept
    finally:
        with _lock:
            _users[0] -= 1
            if _users[0] == 0:
                for name in LOGGERS:
                    logging.getLogger(name).removeHandler(_KEEPER)
        _local.kept = outer
        if outer is not None:
            outer.extend(kept)


def summary(name: str, kept: list[str]) -> str:
    """Sum up the kept warnings of reading ``name`` in one document warning.

    >>> summary("a.pdf", ["Data-loss while decompressing corrupted data"] * 3)
    'a.pdf: the file is damaged: its reader reported 3 problems (first: Data-loss while decompressing corrupted data); text may be missing from what was read'
    """  # noqa: E501
    first = " ".join(kept[0].split())
    first = first if len(first) <= 120 else first[:119] + "…"
    count = f"{len(kept)} problem" + ("s" if len(kept) != 1 else "")
    return (
        f"{name}: the file is damaged: its reader reported {count} (first: {first}); "
        "text may be missing from what was read"
    )
