"""Read many documents, in a pool of processes when asked: the same tables, in input order.

:func:`read_many` reads every document with :func:`~perfmetrics.read_tables`; with ``jobs`` > 1
the documents are shared out to that many worker processes (the parser is loaded once per
process), and the results come back in input order, equal to ``jobs=1``. A document that cannot
be read gives its :class:`~perfmetrics.errors.DocumentError` in its place, never an abort of
the others. :func:`expand_paths` turns files and folders into the files to read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from perfmetrics.documents.model import Tables
from perfmetrics.documents.reader import read_tables
from perfmetrics.documents.source import MAX_BYTES
from perfmetrics.errors import DocumentError

__all__ = ["DOCUMENT_SUFFIXES", "expand_paths", "read_many"]

#: The files a folder is searched for (a file named directly is read whatever its name).
DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".html", ".htm", ".xlsm"}
)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the files to read: each file as given, each folder's documents sorted by path.

    A folder is searched recursively for files with a :data:`DOCUMENT_SUFFIXES` suffix (hidden
    files and folders left out).

    Raises:
        DocumentError: a path does not exist.

    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = (
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(sorted(found))
        elif path.exists():
            files.append(path)
        else:
            raise DocumentError(f"{path}: no such file")
    return files


def _read_one(task: tuple[str, int | None, int]) -> Tables | DocumentError:
    path, year, max_bytes = task
    try:
        return read_tables(Path(path), year=year, max_bytes=max_bytes)
    except DocumentError as exc:
        return exc


def read_many(
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    year: int | None = None,
    max_bytes: int = MAX_BYTES,
    done: Callable[[int], None] | None = None,
) -> list[Tables | DocumentError]:
    """Read every document of ``paths``; the result for each, in the order of ``paths``.

    Args:
        paths: the files to read (see :func:`expand_paths` for folders).
        jobs: the number of worker processes; 1 reads in this process.
        year: the reference year for dates without one, as for :func:`read_tables`.
        max_bytes: the largest document read, as for :func:`read_tables`.
        done: called with the number of documents read so far, after each (a progress bar).

    Returns:
        One :class:`~perfmetrics.documents.model.Tables` per path, or the ``DocumentError``
        that document raised.

    Raises:
        ValueError: ``jobs`` is below 1.

    """
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    tasks = [(str(path), year, max_bytes) for path in paths]
    results: list[Tables | DocumentError] = []
    if jobs == 1 or len(tasks) < 2:
        for task in tasks:
            results.append(_read_one(task))
            if done is not None:
                done(len(results))
        return results
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        for result in pool.map(_read_one, tasks):
            results.append(result)
            if done is not None:
                done(len(results))
    return results
