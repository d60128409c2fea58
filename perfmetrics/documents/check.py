"""Check reported actuals (完成值) against the indicator rows of documents.

The actuals are a CSV with a header: ``indicator`` (the 三级指标 as written) and ``actual`` are
required; ``table`` (a table's title or 项目名称, or a part of it) picks among indicators of the
same name; ``weight`` asks for a score as well.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from attrs import frozen

from perfmetrics.documents.model import IndicatorRow, Table
from perfmetrics.errors import DocumentError, PerfmetricsError
from perfmetrics.judging.meets import Verdict
from perfmetrics.judging.scoring import score
from perfmetrics.values.api import parse

__all__ = ["Actual", "CheckResult", "check", "read_actuals"]


@frozen
class Actual:
    """One line of the actuals CSV."""

    indicator: str
    actual: str
    table: str = ""
    weight: str = ""
    line: int = 0


@frozen
class CheckResult:
    """The verdict (and score, if a weight was given) for one actual."""

    table: str
    row: IndicatorRow
    actual: Actual
    verdict: Verdict | None
    score: Decimal | None = None
    grade: str | None = None
    error: str | None = None

    @property
    def met(self) -> bool | None:
        """True, False, or None when it cannot be said (or the actual could not be judged)."""
        return None if self.verdict is None else self.verdict.met

    def to_dict(self) -> dict[str, str]:
        """Return the CSV/JSON record (table, indicator, target, actual, met, margin …)."""
        verdict = self.verdict
        # Never test a Verdict for truth here: bool() is its met (False, or raises on None).
        margin = None if verdict is None else verdict.margin_amount
        return {
            "table": self.table,
            "indicator": self.row.level3,
            "target": self.row.raw,
            "actual": self.actual.actual,
            "met": {True: "yes", False: "no", None: "unknown"}[self.met],
            "margin": "" if margin is None else str(margin),
            "score": "" if self.score is None else str(self.score),
            "grade": self.grade or "",
            "reason": self.error or ("" if verdict is None else verdict.reason),
        }


def read_actuals(text: str, *, name: str = "actuals") -> list[Actual]:
    """Read the actuals CSV; raise DocumentError naming the line of a malformed one."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = {c.strip() for c in reader.fieldnames or ()}
    missing = {"indicator", "actual"} - columns
    if missing:
        raise DocumentError(f"{name}: the header lacks {', '.join(sorted(missing))}")
    actuals = []
    for record in reader:
        cells = {(k or "").strip(): (v or "").strip() for k, v in record.items()}
        line = reader.line_num
        if not cells.get("indicator"):
            raise DocumentError(f"{name}, line {line}: the indicator is empty")
        actuals.append(
            Actual(
                indicator=cells["indicator"],
                actual=cells.get("actual", ""),
                table=cells.get("table", ""),
                weight=cells.get("weight", ""),
                line=line,
            )
        )
    return actuals


def check(
    tables: Iterable[Table],
    actuals: Sequence[Actual],
    *,
    rule: str = "proportional",
    rounding: str | None = None,
    year: int | None = None,
    name: str = "actuals",
) -> list[CheckResult]:
    """Judge every actual against its indicator row.

    Raises:
        DocumentError: an actual names no indicator, or one that several tables share and
            its ``table`` column does not pick out.

    """
    candidates = [(table, row) for table in tables for row in table.rows]
    results = []
    for actual in actuals:
        table, row = _find(candidates, actual, name)
        results.append(_judge(table, row, actual, rule=rule, rounding=rounding, year=year))
    return results


def _find(
    candidates: Sequence[tuple[Table, IndicatorRow]], actual: Actual, name: str
) -> tuple[Table, IndicatorRow]:
    found = [
        (table, row)
        for table, row in candidates
        if row.level3 == actual.indicator
        and (not actual.table or actual.table in f"{table.title or ''} {table.project or ''}")
    ]
    where = f"{name}, line {actual.line}"
    if not found:
        raise DocumentError(f"{where}: no indicator {actual.indicator!r} in the targets")
    if len(found) > 1:
        raise DocumentError(
            f"{where}: {len(found)} indicators are named {actual.indicator!r}; "
            "add a table column to pick one"
        )
    return found[0]


def _judge(
    table: Table,
    row: IndicatorRow,
    actual: Actual,
    *,
    rule: str,
    rounding: str | None,
    year: int | None,
) -> CheckResult:
    try:
        # Parse the actual once and judge it once: score takes the verdict, grade the value. A
        # row without a value raises in meets before the actual is read.
        value = actual.actual if row.value is None else parse(actual.actual, year=year)
        verdict = row.meets(value, year=year)
        points = (
            score(
                verdict.target,
                verdict.actual,
                actual.weight,
                category=row.category,
                rule=rule,
                rounding=rounding,
                verdict=verdict,
            )
            if actual.weight and verdict.met is not None
            else None
        )
        tier = row.grade(value, year=year)
    except PerfmetricsError as exc:
        return CheckResult(table.name, row, actual, None, error=str(exc).splitlines()[0])
    return CheckResult(table.name, row, actual, verdict, points, tier)
