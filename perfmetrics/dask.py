"""Indicator rows of many documents as a dask DataFrame: reading past one machine.

:func:`read_indicators` makes one partition per document; each partition is read where the
scheduler runs it (a ``distributed`` cluster, or dask's local schedulers) with
:func:`perfmetrics.read_tables`, and holds the columns of ``perfmetrics extract``: ``source``,
``ROW_COLUMNS`` and ``VALUE_COLUMNS`` (:mod:`perfmetrics.records`), every value a Python object.
A document that cannot be read gives one row with its ``source`` and the reason in ``error``,
so one bad file never stops the others. dask is the optional extra ``perfmetrics[dask]``.

>>> import perfmetrics.dask as pmd  # doctest: +SKIP
>>> frame = pmd.read_indicators(["a.docx", "b.pdf"])  # doctest: +SKIP
>>> frame.groupby("category").size().compute()  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from perfmetrics.documents.optional import require
from perfmetrics.documents.reader import read_tables
from perfmetrics.errors import DocumentError
from perfmetrics.records import ROW_COLUMNS, VALUE_COLUMNS, error_record, row_records

__all__ = ["COLUMNS", "read_indicators"]

#: The columns of every partition.
COLUMNS = ("source", *ROW_COLUMNS, *VALUE_COLUMNS)


def _records(path: str, year: int | None) -> list[tuple[Any, ...]]:
    try:
        tables = read_tables(path, year=year)
    except DocumentError as exc:
        blank = (None,) * len(ROW_COLUMNS)
        return [(path, *blank, *error_record(str(exc)))]
    return [(path, *record) for record in row_records(tables)]


def _partition(path: str, year: int | None) -> Any:
    import pandas as pd

    return pd.DataFrame.from_records(
        _records(path, year), columns=list(COLUMNS), coerce_float=False
    ).astype(object)


def read_indicators(paths: Sequence[str | os.PathLike[str]], *, year: int | None = None) -> Any:
    """Return a lazy ``dask.dataframe.DataFrame`` of the indicator rows of ``paths``.

    One partition per document, in the order of ``paths``; nothing is read until the frame is
    computed (``.compute()``, or on a ``distributed.Client``).

    Raises:
        DocumentError: dask is not installed (the message names ``pip install``).

    """
    require("dask", "dask", "reading documents with dask")
    dd = require("dask.dataframe", "dask", "reading documents with dask")
    import pandas as pd

    meta = pd.DataFrame({column: pd.Series([], dtype=object) for column in COLUMNS})
    sources = [os.fspath(path) for path in paths]
    return dd.from_map(_partition, sources, year=year, meta=meta, enforce_metadata=False)
