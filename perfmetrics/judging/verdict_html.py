"""The notebook HTML of a verdict: a coloured outcome, the comparison, margin and reason.

:class:`perfmetrics.judging.meets.Verdict` calls :func:`verdict_html`; this module reads the
verdict it is given and imports the class for type checking only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfmetrics.html_style import STYLE, cell, outcome_badge

if TYPE_CHECKING:
    from perfmetrics.judging.meets import Verdict

__all__ = ["verdict_html"]


def verdict_html(verdict: Verdict) -> str:
    """Return the outcome badge, then target, op, actual, margin and reason as one table row."""
    margin = verdict.margin_amount
    cells = (
        cell(verdict.target.text or str(verdict.target)),
        cell(None if verdict.op is None else verdict.op.symbol),
        cell(verdict.actual.text or str(verdict.actual)),
        cell(None if margin is None else str(margin), css="pm-num"),
        cell(verdict.reason),
    )
    head = "".join(cell(h, tag="th") for h in ("outcome", "target", "op", "actual", "margin"))
    return (
        f"{STYLE}<div class='pm-box pm-verdict'><table><tr>{head}<th>reason</th></tr>"
        f"<tr><td>{outcome_badge(verdict.outcome)}</td>{''.join(cells)}</tr></table></div>"
    )
