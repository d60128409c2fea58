"""``Tables.summary()``: one line per table: rows by kind, unreadable cells, warnings, budget."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import frozen

from perfmetrics.documents.html_view import summary_html
from perfmetrics.errors import display_width
from perfmetrics.values.primitives import Kind

if TYPE_CHECKING:
    from perfmetrics.documents.model import Table

__all__ = ["Summary", "summarize"]


@frozen
class Summary:
    """What a document holds, a record per table; shown as a table in notebooks and terminals.

    ``records`` are dicts with the keys ``table``, ``rows``, one per kind (``quantity``,
    ``range``, ``date``, ``period``, ``recurring``, ``qualitative``), ``unreadable`` (cells
    that could not be read), ``warnings`` and ``budget`` (``"83.65万元"`` or None).
    """

    records: tuple[dict[str, Any], ...]

    def __str__(self) -> str:
        if not self.records:
            return "no tables"
        names = list(self.records[0])
        texts = [[("" if r[n] is None else str(r[n])) for n in names] for r in self.records]
        widths = [
            max(display_width(t) for t in [n, *column])
            for n, column in zip(names, zip(*texts, strict=True), strict=True)
        ]

        def line(cells: list[str]) -> str:
            padded = (c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True))
            return "  ".join(padded).rstrip()

        return "\n".join([line(names), *(line(t) for t in texts)])

    def _repr_html_(self) -> str:
        return summary_html(self.records)


def summarize(tables: list[Table]) -> Summary:
    """Return the :class:`Summary` of a document's tables."""
    records = []
    for table in tables:
        kinds = [row.value.kind for row in table.rows if row.value is not None]
        record: dict[str, Any] = {"table": table.name, "rows": len(table.rows)}
        record.update({kind.value: kinds.count(kind) for kind in Kind})
        record["unreadable"] = sum(row.value is None for row in table.rows)
        record["warnings"] = len(table.warnings)
        record["budget"] = table.budget.to_dict()["total"]
        records.append(record)
    return Summary(tuple(records))
