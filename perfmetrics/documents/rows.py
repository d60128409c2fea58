"""Build an indicator row from its named cells: the one place a document's value cell is parsed.

Every layout reader (word export, PDF export, and those to come) hands the cells it found to
:func:`make_row`; the row keeps the cell as written, its parsed value, or why it has none.
"""

from __future__ import annotations

from collections.abc import Mapping

from perfmetrics.documents.model import EMPTY_CELL, IndicatorRow
from perfmetrics.errors import PerfmetricsError
from perfmetrics.values.api import parse
from perfmetrics.values.model import Value

__all__ = ["make_row"]


def make_row(
    cells: Mapping[str, str],
    *,
    line: int,
    year: int | None,
    tiers: Mapping[str, str] | None = None,
    extra: Mapping[str, str] | None = None,
) -> IndicatorRow:
    """Build a row from its named cells (level1, level2, level3, description, raw, basis)."""
    raw = cells.get("raw", "").strip()
    value: Value | None = None
    error: str | None = None
    if not raw:
        error = EMPTY_CELL
    else:
        try:
            value = parse(raw, year=year)
        except PerfmetricsError as exc:
            error = str(exc).splitlines()[0]
    basis = cells.get("basis")
    return IndicatorRow(
        level1=cells.get("level1", "").strip(),
        level2=cells.get("level2", "").strip(),
        level3=cells.get("level3", "").strip(),
        description=cells.get("description", "").strip(),
        raw=raw,
        value=value,
        error=error,
        basis=None if basis is None else basis.strip(),
        tiers=tiers,
        extra=extra,
        line=line,
    )
