"""The findings reports of ``audit`` and ``review``: one renderer for their five formats.

Both commands write the same formats (text, csv, json, xlsx, html) of their own records; a
command gives its writers as a :class:`ReportWriters` and :func:`render_report` picks one.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from perfmetrics.cli.output import json_records, open_output, write_csv

__all__ = ["ReportWriters", "emit", "render_report"]

_D = TypeVar("_D")


class ReportWriters(NamedTuple, Generic[_D]):
    """What a command writes its documents' findings with, format by format."""

    records: Callable[[Sequence[_D]], Iterable[Mapping[str, Any]]]
    columns: Sequence[str]
    text: Callable[[Sequence[_D]], str]
    html: Callable[[Sequence[_D]], str]
    xlsx: Callable[[Sequence[_D]], bytes]


def render_report(
    documents: Sequence[_D], form: str, writers: ReportWriters[_D], *, raw: bool = False
) -> str | bytes:
    """Return the report of ``documents`` in ``form`` (``raw``: CSV cells as they are).

    Raises:
        ImportError: ``xlsx`` without openpyxl.

    """
    if form == "xlsx":
        return writers.xlsx(documents)
    if form == "html":
        return writers.html(documents)
    if form == "json":
        return json_records(list(writers.records(documents)))
    if form == "csv":
        buffer = io.StringIO()
        write_csv(list(writers.records(documents)), writers.columns, buffer, raw=raw)
        return buffer.getvalue()
    return writers.text(documents)


def emit(data: str | bytes, output: str | None) -> None:
    """Write a rendered report to ``output`` (a path; ``-`` or None: stdout), text or bytes."""
    with open_output(output, binary=isinstance(data, bytes)) as out:
        out.write(data)
