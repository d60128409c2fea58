"""The review as one self-contained HTML page: findings grouped by table, rows highlighted.

No script and no external file: the styles are inline, tables fold with ``<details>``. For each
document the page shows the counts per rule, then every table that has findings: its
table-level findings, and all its rows, those with findings highlighted by their worst severity
and followed by the messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from perfmetrics.documents.model import Table
from perfmetrics.findings import Finding, Severity
from perfmetrics.review.report import Reviewed, counts_by_rule

__all__ = ["html_report"]

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_STYLE = """
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
summary { cursor: pointer; font-weight: 600; padding: .3em 0; }
table { border-collapse: collapse; margin: .5em 0 1em; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
tr.error td { background: #fde2e1; } tr.warning td { background: #fff4d6; }
tr.info td { background: #e6f0fb; } tr.clean td { color: #777; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85em;
         color: #fff; margin-right: .3em; }
.badge.error { background: #c62828; } .badge.warning { background: #b7791f; }
.badge.info { background: #2b6cb0; }
ul.findings { margin: .2em 0; padding-left: 1.2em; } .rule { color: #666; font-size: .85em; }
td.num { text-align: right; }
"""


def _badge(severity: Severity) -> str:
    return f'<span class="badge {severity.value}">{_LABEL[severity]}</span>'


def _item(finding: Finding) -> str:
    return (
        f"<li>{_badge(finding.severity)}{escape(finding.message)} "
        f'<span class="rule">[{escape(finding.rule or "")}/{escape(finding.code)}]</span></li>'
    )


def _worst(findings: Sequence[Finding]) -> Severity:
    return min((finding.severity for finding in findings), key=_ORDER.index)


def _summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "<p>未发现问题。</p>"
    head = "".join(f"<th>{_LABEL[s]}</th>" for s in _ORDER)
    body = []
    for rule, counts in counts_by_rule(findings).items():
        cells = "".join(f'<td class="num">{counts[s] or ""}</td>' for s in _ORDER)
        body.append(f"<tr><td>{escape(rule)}</td>{cells}</tr>")
    return f"<table><tr><th>规则</th>{head}</tr>{''.join(body)}</table>"


def _table_section(table: Table, number: int, findings: Sequence[Finding]) -> str:
    by_row: dict[int, list[Finding]] = {}
    whole = []
    for finding in findings:
        if finding.row is None:
            whole.append(finding)
        else:
            by_row.setdefault(finding.row, []).append(finding)
    budget = table.budget.to_dict()["total"]
    title = f"{number}. {escape(table.name)}" + (f"（预算数 {escape(budget)}）" if budget else "")
    head = f"{title} — {_badge(_worst(findings))}{len(findings)} 条"
    parts = [f'<details open id="t{number}"><summary>{head}</summary>']
    if whole:
        parts.append(f'<ul class="findings">{"".join(_item(f) for f in whole)}</ul>')
    parts.append(
        "<table><tr><th>#</th><th>一级指标</th><th>二级指标</th><th>三级指标</th>"
        "<th>指标值</th><th>审核意见</th></tr>"
    )
    for index, row in enumerate(table.rows):
        found = by_row.get(index, [])
        css = _worst(found).value if found else "clean"
        notes = f'<ul class="findings">{"".join(_item(f) for f in found)}</ul>' if found else ""
        parts.append(
            f'<tr class="{css}" id="t{number}-r{index + 1}"><td class="num">{index + 1}</td>'
            f"<td>{escape(row.level1)}</td><td>{escape(row.level2)}</td>"
            f"<td>{escape(row.level3)}</td><td>{escape(row.raw)}</td><td>{notes}</td></tr>"
        )
    parts.append("</table></details>")
    return "".join(parts)


def _document(document: Reviewed) -> str:
    parts = [f"<h1>{escape(document.source)}</h1>", _summary(document.findings)]
    by_table: dict[int, list[Finding]] = {}
    for finding in document.findings:
        by_table.setdefault(finding.table_index or 0, []).append(finding)
    clean = []
    for index, table in enumerate(document.tables):
        if index in by_table:
            parts.append(_table_section(table, index + 1, by_table[index]))
        else:
            clean.append(f"{index + 1}. {escape(table.name)}")
    if clean:
        parts.append(f"<p>无问题的表：{'；'.join(clean)}</p>")
    return "".join(parts)


def html_report(documents: Iterable[Reviewed], *, title: str = "绩效目标审核结果") -> str:
    """Return the review of ``documents`` as one HTML page (UTF-8, no script, styles inline)."""
    body = "".join(f"<section>{_document(document)}</section>" for document in documents)
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )
