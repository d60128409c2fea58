"""The look of perfmetrics in notebooks: one small style sheet and the verdict colours.

Every ``_repr_html_`` (values, verdicts, rows, tables, documents, summaries) starts with
:data:`STYLE`, scoped to the ``pm-`` classes, so the output looks the same in Jupyter, VS Code
and exported HTML. Headers are English and name the frame columns (``kind``, ``op``,
``magnitude``, ``unit``) so that what a notebook shows and what ``to_frame`` holds agree.
"""

from __future__ import annotations

import html

__all__ = ["OUTCOME_CLASS", "OUTCOME_TEXT", "STYLE", "cell", "outcome_badge"]

STYLE = (
    "<style>"
    ".pm-box{font-family:system-ui,sans-serif;font-size:13px}"
    ".pm-box table{border-collapse:collapse;margin:4px 0}"
    ".pm-box th,.pm-box td{border:1px solid #ddd;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
    ".pm-box th{background:#f3f3f3}"
    ".pm-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".pm-implied{color:#666;font-style:italic}"
    ".pm-badge{border-radius:3px;padding:0 4px;font-weight:600}"
    ".pm-met{background:#e6f4ea;color:#137333}"
    ".pm-not-met{background:#fce8e6;color:#c5221f}"
    ".pm-partial{background:#fef7e0;color:#b06000}"
    ".pm-unknown{background:#eceff1;color:#455a64}"
    ".pm-warn{color:#b06000}"
    ".pm-error{color:#c5221f}"
    "</style>"
)

#: Verdict outcome (``Verdict.outcome``) → CSS class.
OUTCOME_CLASS = {
    "met": "pm-met",
    "not_met": "pm-not-met",
    "partial": "pm-partial",
    "unknown": "pm-unknown",
}

#: Verdict outcome → the words shown (with a mark that survives a colour-blind reader).
OUTCOME_TEXT = {
    "met": "✓ met",
    "not_met": "✗ not met",
    "partial": "◐ partly met",
    "unknown": "? unknown",
}


def outcome_badge(outcome: str) -> str:
    """Return the coloured badge of a verdict outcome (``met``, ``not_met`` …)."""
    return f"<span class='pm-badge {OUTCOME_CLASS[outcome]}'>{OUTCOME_TEXT[outcome]}</span>"


def cell(text: object, *, css: str = "", tag: str = "td") -> str:
    """Return one escaped table cell; ``None`` is an empty cell.

    >>> cell("<b>"), cell(None), cell(3, css="pm-num")
    ('<td>&lt;b&gt;</td>', '<td></td>', "<td class='pm-num'>3</td>")
    """
    shown = "" if text is None else html.escape(str(text))
    attribute = f" class='{css}'" if css else ""
    return f"<{tag}{attribute}>{shown}</{tag}>"
