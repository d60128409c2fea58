"""What the commands read: documents (warnings on stderr, a progress bar) and text files."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from perfmetrics.cli.output import progress
from perfmetrics.documents.model import Table
from perfmetrics.documents.reader import read_tables
from perfmetrics.errors import DocumentError

__all__ = ["read_documents", "read_text"]


def read_documents(paths: Sequence[str], year: int | None) -> list[tuple[str, list[Table]]]:
    """Read every document, printing its warnings on stderr: (path, tables) in order.

    Raises:
        DocumentError: a document cannot be read (see :func:`perfmetrics.read_tables`).

    """
    documents = []
    for path in progress(paths, "reading"):
        tables = read_tables(Path(path), year=year)
        for warning in [*tables.warnings, *(w for t in tables for w in t.warnings)]:
            print(f"perfmetrics: {path}: {warning}", file=sys.stderr)
        documents.append((path, list(tables)))
    return documents


def read_text(path: str) -> str:
    """Return a UTF-8 text file's text.

    Raises:
        DocumentError: it cannot be read or is not UTF-8.

    """
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path}: cannot be read ({exc})") from exc
