"""Review submitted targets (绩效目标审核): run a rule set over tables and report findings.

>>> import perfmetrics as pm
>>> from importlib import resources
>>> sample = resources.files("perfmetrics").joinpath("data", "sample_document.txt")
>>> tables = pm.read_tables(sample.read_bytes())
>>> pm.review(tables)  # the default rules find nothing in the bundled sample
[]
>>> stricter = {"rules": {"satisfaction_floor": {"floor": "95%", "severity": "error"}}}
>>> [(f.table_index, f.row, f.indicator, f.severity) for f in pm.review(tables, rules=stricter)]
[(0, 5, '公众号读者满意度', 'error'), (2, 16, '积分业务服务人员满意度', 'error')]
>>> print(pm.review(tables, rules=stricter)[0].message)
满意度目标“≥90%”（90%）低于95%。请提高目标值，或说明目标偏低的理由。
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from perfmetrics.documents.model import IndicatorRow, Table
from perfmetrics.errors import InputTypeError
from perfmetrics.findings import Finding, Severity
from perfmetrics.review.catalog import CATALOG
from perfmetrics.review.custom import custom_check
from perfmetrics.review.model import (
    Hit,
    RowCheck,
    RowContext,
    RuleConfig,
    RuleSet,
    TableContext,
)
from perfmetrics.review.ruleset import load_rules

__all__ = ["has_errors", "review", "review_table"]


class _Blank(dict[str, str]):
    """Message placeholders; one a rule did not fill reads as empty text."""

    def __missing__(self, key: str) -> str:
        return ""


def review(
    tables: Iterable[Table] | Table,
    *,
    rules: str | os.PathLike[str] | Mapping[str, Any] | RuleSet | None = None,
) -> list[Finding]:
    """Review the tables of a document against a rule set; return the findings in table order.

    Args:
        tables: what :func:`perfmetrics.read_tables` returned (or any tables, or one table).
        rules: ``None`` for the default set; a path to a TOML or YAML rule set; a mapping of
            the same shape; the name of a packaged set (``"district_example"``); a ``RuleSet``.

    Within a table, table-level findings (a missing category, costs over budget) come first,
    then the rows in order, each row's findings in the rule set's order.

    Raises:
        RuleSetError: the rule set cannot be used (names the file, the rule and the key).
        InputTypeError: ``tables`` holds something that is not a table.

    """
    ruleset = load_rules(rules)
    if not isinstance(tables, Table | Iterable) or isinstance(tables, str | bytes):
        raise InputTypeError(f"review takes tables, not {type(tables).__name__}")
    items = [tables] if isinstance(tables, Table) else list(tables)
    findings: list[Finding] = []
    for index, table in enumerate(items):
        if not isinstance(table, Table):
            raise InputTypeError(f"review takes tables, not {type(table).__name__}")
        findings.extend(review_table(table, ruleset, index=index))
    return findings


def review_table(table: Table, ruleset: RuleSet, *, index: int = 0) -> list[Finding]:
    """Review one table; ``index`` is its position in the document (kept in the findings)."""
    context = TableContext(table=table, index=index, ruleset=ruleset)
    ranked: list[tuple[int, int, int, Finding]] = []
    for order, config in enumerate(ruleset.rules):
        if not config.enabled:
            continue
        for serial, hit in enumerate(_hits(context, config)):
            finding = _finding(context, config, hit)
            row = -1 if hit.row is None else hit.row
            ranked.append((row, order, serial, finding))
    return [finding for *_, finding in sorted(ranked, key=lambda item: item[:3])]


def _hits(context: TableContext, config: RuleConfig) -> Iterator[Hit]:
    spec = CATALOG.get(config.id)
    row_check: RowCheck
    if config.custom is not None:
        row_check = custom_check
    elif spec is not None and spec.row_check is not None:
        row_check = spec.row_check
    else:
        if spec is not None and spec.table_check is not None:
            yield from spec.table_check(context, config)
        return
    for row_index, row in enumerate(context.table.rows):
        yield from row_check(RowContext(table=context, index=row_index, row=row), config)


def _row_fields(row: IndicatorRow | None) -> dict[str, str]:
    if row is None:
        return dict.fromkeys(("name", "raw", "category", "level1", "level2", "line"), "")
    return {
        "name": row.level3,
        "raw": row.raw.strip(),
        "category": row.level2 or row.level1,
        "level1": row.level1,
        "level2": row.level2,
        "line": str(row.line),
    }


def _finding(context: TableContext, config: RuleConfig, hit: Hit) -> Finding:
    table = context.table
    row = table.rows[hit.row] if hit.row is not None else None
    fields = _Blank(_row_fields(row))
    fields.update(
        rule=config.id,
        code=hit.code,
        table=table.name,
        row="" if hit.row is None else str(hit.row + 1),
    )
    fields.update(hit.fields)
    template = config.messages.get(hit.code, "{code}")
    return Finding(
        code=hit.code,
        message=template.format_map(fields),
        severity=config.severity_of(hit.code),
        table=table.name,
        row=hit.row,
        indicator=None if row is None else row.level3,
        rule=config.id,
        table_index=context.index,
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    """Say whether any finding is an error (``perfmetrics review`` then exits 1)."""
    return any(finding.severity is Severity.ERROR for finding in findings)
