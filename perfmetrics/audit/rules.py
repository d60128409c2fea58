"""Recomputing a row's score under a scoring rule, and inferring the rule a table was scored by.

A :class:`Rule` is a scoring rule (:data:`perfmetrics.judging.scoring.RULES`), a rounding and the
bands of worded verdicts. :func:`allowed` gives the scores a rule allows a row: one number for
numeric targets, the whole band for a worded verdict under ``band`` (the published rules let the
evaluator pick inside the band). :func:`infer_rule` returns the first candidate that explains
every scored row of a table, or None when none does.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from perfmetrics.documents.selfeval.model import SelfEvalRow, SelfEvalTable
from perfmetrics.errors import PerfmetricsError
from perfmetrics.judging.bands import BANDS, Bands
from perfmetrics.judging.scoring import ROUNDINGS, score
from perfmetrics.values.model import QualitativeValue, format_decimal

__all__ = ["CANDIDATES", "TOLERANCE", "Rule", "allowed", "expected_score", "infer_rule", "scored"]

#: How far a published score may be from an exact one without a rounding rule (a printed 0.01).
TOLERANCE = Decimal("0.005")


@frozen
class Rule:
    """A scoring rule as an audit applies it."""

    name: str = "proportional"
    rounding: str | None = None
    bands: Bands = BANDS

    def describe(self) -> str:
        """Say the rule in Chinese, for messages."""
        words = {
            "proportional": "比例计分（正向 权重×B/A，反向 权重×A/B，不超过权重）",
            "all_or_nothing": "达成得满分、未达成不得分",
            "attainment": "权重×完成率",
            "band": (
                "比例计分，定性指标分档（达成{}，部分达成{}，未达成{}）".format(
                    *(_band_text(self.bands.band(o)) for o in ("met", "partial", "not_met"))
                )
            ),
        }[self.name]
        if self.rounding:
            mode, quantum = self.rounding.split(":")
            how = "四舍五入" if mode == "half_up" else "舍去"
            words += f"，{how}到{quantum}分"
        return words


def _band_text(band: tuple[Decimal, Decimal]) -> str:
    low, high = band
    return f"{format_decimal(high * 100)}%–{format_decimal(low * 100)}%"


#: Rules tried, in order, when a table states none (the first that explains every row wins).
CANDIDATES: tuple[Rule, ...] = (
    *(
        Rule(name, rounding)
        for name in ("proportional", "all_or_nothing")
        for rounding in (None, *ROUNDINGS)
    ),
    Rule("band"),
)


def scored(table: SelfEvalTable) -> list[SelfEvalRow]:
    """Return the rows a rule can be checked on: judged, with a published weight and score."""
    return [
        row
        for row in table.rows
        if not row.part
        and row.verdict.met is not None
        and row.weight is not None
        and row.score is not None
    ]


def _worded(row: SelfEvalRow) -> bool:
    return isinstance(row.verdict.actual, QualitativeValue) or isinstance(
        row.verdict.target, QualitativeValue
    )


def expected_score(row: SelfEvalRow, rule: Rule) -> Decimal | None:
    """Return the score ``rule`` gives ``row`` (None when the row cannot be scored)."""
    if row.weight is None or row.verdict.met is None:
        return None
    try:
        return score(
            row.target,
            row.actual,
            row.weight,
            rule=rule.name,
            rounding=rule.rounding,
            verdict=row.verdict,
            bands=rule.bands,
        )
    except PerfmetricsError:
        return None


def allowed(row: SelfEvalRow, rule: Rule) -> tuple[Decimal, Decimal] | None:
    """Return the (lowest, highest) score ``rule`` allows ``row``, or None when it has none."""
    point = expected_score(row, rule)
    if point is None or row.weight is None:
        return None
    if rule.name == "band" and (_worded(row) or row.verdict.partial):
        low, high = rule.bands.band(row.verdict.outcome)
        return row.weight * low, row.weight * high
    if rule.rounding is not None:
        return point, point
    return point - TOLERANCE, point + TOLERANCE


def explains(row: SelfEvalRow, rule: Rule) -> bool:
    """Say whether ``rule`` allows the row's published score."""
    span = allowed(row, rule)
    return span is not None and row.score is not None and span[0] <= row.score <= span[1]


def infer_rule(table: SelfEvalTable, candidates: Sequence[Rule] = CANDIDATES) -> Rule | None:
    """Return the first candidate rule that explains every scored row, or None.

    A table whose scored rows are all met at full marks is explained by every rule; the first
    candidate (``proportional``, exact) is returned.
    """
    rows = scored(table)
    if not rows:
        return None
    return next((rule for rule in candidates if all(explains(row, rule) for row in rows)), None)
