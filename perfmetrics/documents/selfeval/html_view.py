"""The HTML a notebook shows for a self-evaluation table: its rows, coloured by verdict."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from perfmetrics.values.model import format_decimal

if TYPE_CHECKING:
    from decimal import Decimal

    from perfmetrics.documents.selfeval.model import SelfEvalRow, SelfEvalTable

__all__ = ["OUTCOME_COLOURS", "OUTCOME_WORDS", "rows_html", "table_html"]

#: Background colour of a row by its verdict's outcome.
OUTCOME_COLOURS = {
    "met": "#e6f4ea",
    "partial": "#fff4ce",
    "not_met": "#fce8e6",
    "unknown": "#eeeeee",
}
#: How an outcome reads in Chinese.
OUTCOME_WORDS = {"met": "达成", "partial": "部分达成", "not_met": "未达成", "unknown": "无法判断"}


def _figure(number: Decimal | None) -> str:
    return "" if number is None else format_decimal(number)


def rows_html(rows: tuple[SelfEvalRow, ...] | list[SelfEvalRow]) -> str:
    """Return an HTML table of rows: names, target, actual, weight, score, verdict."""
    head = ("一级", "二级", "三级", "年度指标值", "实际完成值", "分值", "得分", "判断", "理由")
    body = []
    for row in rows:
        outcome = row.verdict.outcome
        cells = (
            row.level1 or "",
            row.level2 or "",
            row.level3,
            row.target,
            row.actual,
            _figure(row.weight),
            _figure(row.score),
            OUTCOME_WORDS[outcome],
            row.verdict.reason_zh,
        )
        tds = "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
        body.append(
            f"<tr class='{outcome}' style='background:{OUTCOME_COLOURS[outcome]}'>{tds}</tr>"
        )
    ths = "".join(f"<th>{name}</th>" for name in head)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def table_html(table: SelfEvalTable) -> str:
    """Return the HTML of one table: its name, year, total and rows."""
    facts = [f"{table.year}年度" if table.year else "", table.layout]
    if table.total_score is not None:
        facts.append(f"总分 {_figure(table.total_score)}")
    shown = " · ".join(html.escape(fact) for fact in facts if fact)
    return (
        f"<div class='perfmetrics-selfeval'><b>{html.escape(table.name)}</b> {shown}"
        f"{rows_html(table.rows)}</div>"
    )
