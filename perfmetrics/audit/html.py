"""The audit as one self-contained HTML page a reviewer can read (no script, no external file).

The page opens with the counts and a bar chart (inline SVG) of each table's published total
against the total perfmetrics recomputes; then, table by table, its facts, its budget line, its
rows coloured by verdict (met green, partly met amber, not met red, undecidable grey) with the
findings of each row beside it, and the table's findings.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from perfmetrics.audit.report import Audited, TableTotals, totals
from perfmetrics.documents.selfeval.html_view import OUTCOME_COLOURS, OUTCOME_WORDS
from perfmetrics.documents.selfeval.model import SelfEvalTable
from perfmetrics.findings import Finding, Severity
from perfmetrics.values.model import format_decimal

__all__ = ["html_report", "score_chart"]

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #f3f3f3; }
section { margin-bottom: 2.5em; }
.facts { color: #555; }
li.error { color: #b3261e; } li.warning { color: #8a5a00; } li.info { color: #3b5b8a; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border: 1px solid #ccc; }
td.codes { font-size: 12px; color: #b3261e; }
"""
_SEVERITY_WORDS = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_PUBLISHED, _RECOMPUTED = "#7a9cc6", "#e8954a"


def _e(text: object) -> str:
    return html.escape(str(text))


def _n(number: Decimal | None) -> str:
    if number is None:
        return ""
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        number = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return format_decimal(number)


def score_chart(rows: Sequence[TableTotals]) -> str:
    """Return an inline SVG bar chart: per table, the published and the recomputed total."""
    top = max([Decimal(100), *(r.published for r in rows), *(r.recomputed for r in rows)])
    label_width, bar_width, height = 260, 420, 40
    scale = Decimal(bar_width) / top
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_width + bar_width + 80}' "
        f"height='{height * len(rows) + 30}' role='img' aria-label='公布总分与重算总分'>"
    ]
    for index, row in enumerate(rows):
        y = 10 + index * height
        name = row.name if len(row.name) <= 18 else row.name[:17] + "…"
        parts.append(f"<text x='0' y='{y + 17}' font-size='13'>{_e(name)}</text>")
        for offset, value, colour, word in (
            (0, row.published, _PUBLISHED, "公布" if row.printed else "公布各项之和"),
            (15, row.recomputed, _RECOMPUTED, "重算"),
        ):
            width = int(value * scale)
            parts.append(
                f"<rect x='{label_width}' y='{y + offset}' width='{width}' height='13' "
                f"fill='{colour}'><title>{word} {_n(value)}</title></rect>"
                f"<text x='{label_width + width + 4}' y='{y + offset + 11}' font-size='11'>"
                f"{word} {_e(_n(value))}</text>"
            )
    legend_y = 10 + height * len(rows) + 8
    parts.append(
        f"<rect x='{label_width}' y='{legend_y}' width='12' height='10' fill='{_PUBLISHED}'/>"
        f"<text x='{label_width + 16}' y='{legend_y + 9}' font-size='11'>公布</text>"
        f"<rect x='{label_width + 60}' y='{legend_y}' width='12' height='10' "
        f"fill='{_RECOMPUTED}'/><text x='{label_width + 76}' y='{legend_y + 9}' "
        "font-size='11'>重算</text></svg>"
    )
    return "".join(parts)


def _rows(table: SelfEvalTable, findings: Sequence[Finding]) -> str:
    by_row: dict[int, list[str]] = {}
    for finding in findings:
        if finding.row is not None:
            by_row.setdefault(finding.row, []).append(finding.code)
    head = (
        "一级",
        "二级",
        "三级",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "判断",
        "理由",
        "发现",
    )
    body = []
    for index, row in enumerate(table.rows):
        outcome = row.verdict.outcome
        cells = (
            row.level1 or "",
            row.level2 or "",
            ("　" if row.part else "") + row.level3,
            row.target,
            row.actual,
            _n(row.weight),
            _n(row.score),
            OUTCOME_WORDS[outcome],
            row.verdict.reason_zh,
        )
        tds = "".join(f"<td>{_e(cell)}</td>" for cell in cells)
        codes = "<br>".join(_e(code) for code in by_row.get(index, []))
        body.append(
            f"<tr class='{outcome}' style='background:{OUTCOME_COLOURS[outcome]}'>"
            f"{tds}<td class='codes'>{codes}</td></tr>"
        )
    ths = "".join(f"<th>{name}</th>" for name in head)
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _budget(table: SelfEvalTable) -> str:
    line = table.budget
    if line is None:
        return ""
    facts = [
        f"{label} {_n(amount.magnitude)}{_e(amount.unit)}"
        for label, amount in (("预算数", line.budget), ("执行数", line.executed))
        if amount is not None
    ]
    facts += [f"执行率 {_e(line.rate_text)}"] if line.rate_text else []
    facts += [f"分值 {_n(line.weight)}"] if line.weight is not None else []
    facts += [f"得分 {_n(line.score)}"] if line.score is not None else []
    return f"<p class='facts'>预算执行：{' · '.join(facts)}</p>" if facts else ""


def _table(document: Audited, position: int, table: SelfEvalTable, summary: TableTotals) -> str:
    findings = [
        f
        for f in document.findings
        if (f.table_index if f.table_index is not None else 0) == position
    ]
    facts = [document.source]
    facts += [f"{table.year}年度"] if table.year else []
    facts += [f"格式 {table.layout}", f"计分规则：{summary.rule.describe()}"]
    facts += [f"总分 {_n(table.total_score)}"] if table.total_score is not None else []
    items = "".join(
        f"<li class='{f.severity.value}'>[{_SEVERITY_WORDS[f.severity]}] <code>{_e(f.code)}</code> "
        f"{_e(f.message)}</li>"
        for f in findings
    )
    listing = f"<ul>{items}</ul>" if items else "<p>未发现问题。</p>"
    return (
        f"<section><h2>{_e(table.name)}</h2><p class='facts'>{' · '.join(map(_e, facts))}</p>"
        f"{_budget(table)}{_rows(table, findings)}"
        f"<h3>发现（{len(findings)}）</h3>{listing}</section>"
    )


def html_report(documents: Sequence[Audited]) -> str:
    """Return the whole report as one HTML page."""
    every = [finding for document in documents for finding in document.findings]
    counts = Counter(finding.severity for finding in every)
    summary = "，".join(
        f"{_SEVERITY_WORDS[s]} {counts[s]}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    tables = [(d, i, t, totals(t, d.rule)) for d in documents for i, t in enumerate(d.tables)]
    legend = "".join(
        f"<span style='background:{OUTCOME_COLOURS[key]}'>{word}</span>"
        for key, word in OUTCOME_WORDS.items()
    )
    sections = "".join(_table(d, i, t, s) for d, i, t, s in tables)
    chart = score_chart([s for *_, s in tables]) if tables else ""
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>绩效自评表审核报告</title><style>{_STYLE}</style></head><body>"
        f"<h1>绩效自评表审核报告</h1><p>{len(documents)} 份文件，{len(tables)} 张表，"
        f"{len(every)} 条发现（{summary}）。</p>"
        f"<h2>各表总分：公布与重算</h2>{chart}<p class='legend'>行的颜色：{legend}</p>"
        f"{sections}</body></html>\n"
    )
