"""The reason of a verdict in Chinese, written from what the verdict holds.

``Verdict.reason`` keeps its English sentence; ``Verdict.reason_zh`` gives this one, for the
people who read self-evaluation audits (they write in Chinese). Nothing here judges: the
sentence is built from the verdict's fields (met, partial, op, margin, the two parsed values).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfmetrics.judging.answers import stated_outcome
from perfmetrics.values.model import (
    Comparator,
    DateValue,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    format_decimal,
)

if TYPE_CHECKING:
    from perfmetrics.judging.meets import Verdict

__all__ = ["OP_WORDS", "chinese_reason"]

#: How a comparator reads in a sentence about an actual.
OP_WORDS = {
    Comparator.GE: "不低于",
    Comparator.GT: "高于",
    Comparator.LE: "不高于",
    Comparator.LT: "低于",
    Comparator.EQ: "等于",
}
_OUTCOME_WORDS = {"met": "达成", "partial": "部分达成", "not_met": "未达成"}


def _quoted(text: str) -> str:
    return f"“{text.strip()}”"


def _undecided(verdict: Verdict) -> str:
    target, actual = verdict.target, verdict.actual
    if not actual.text.strip():
        return "未填写完成值，无法判断"
    if not target.text.strip():
        return "未填写指标值，无法判断"
    if isinstance(target, DateValue | PeriodValue) and target.end is None:
        return f"指标值{_quoted(target.text)}未写年份，无法判断"
    if isinstance(actual, DateValue | PeriodValue) and actual.end is None:
        return f"完成值{_quoted(actual.text)}未写年份，无法判断"
    if isinstance(target, QualitativeValue):
        return (
            f"指标值{_quoted(target.text)}为文字表述，"
            f"完成值{_quoted(actual.text)}无法据此判断是否达成"
        )
    return f"完成值{_quoted(actual.text)}未给出可与指标值{_quoted(target.text)}比较的数值"


def _margin(verdict: Verdict) -> str:
    margin = verdict.margin_amount
    if margin is None or margin.magnitude == 0:
        return ""
    size = format_decimal(abs(margin.magnitude))
    if isinstance(verdict.target, DateValue | PeriodValue):
        return f"，{'晚' if margin.magnitude > 0 else '早'}{size}天"
    return f"，{'高出' if margin.magnitude > 0 else '相差'}{size}{margin.unit}"


def chinese_reason(verdict: Verdict) -> str:
    """Return one Chinese sentence saying why ``verdict`` is what it is.

    >>> from perfmetrics.judging.meets import meets
    >>> meets("100%", "72.74%", indicator="政府采购执行率").reason_zh
    '完成值“72.74%”未达到指标值“100%”（不低于），相差27.26%'
    >>> meets("严格执行相关制度规定", "达成预期指标").reason_zh
    '完成值“达成预期指标”表明达成'
    >>> meets("100%", "无").reason_zh
    '完成值“无”未给出可与指标值“100%”比较的数值'
    """
    if verdict.met is None:
        return _undecided(verdict)
    target, actual = verdict.target, verdict.actual
    outcome = _OUTCOME_WORDS[verdict.outcome]
    if isinstance(actual, QualitativeValue) and not isinstance(target, QualitativeValue):
        return f"完成值{_quoted(actual.text)}表明{outcome}"
    if isinstance(target, QualitativeValue):
        if isinstance(actual, QualitativeValue) and actual.content == target.content:
            return f"完成值与指标值{_quoted(target.text)}一致，{outcome}"
        if stated_outcome(actual.text) is not None:
            return f"完成值{_quoted(actual.text)}表明{outcome}"
        return f"完成值{_quoted(actual.text)}对照指标值{_quoted(target.text)}，视为{outcome}"
    if isinstance(target, RangeValue):
        where = "在" if verdict.met else "不在"
        shown = f"完成值{_quoted(actual.text)}{where}指标值{_quoted(target.text)}的范围内"
        return shown + _margin(verdict)
    op = verdict.op or Comparator.EQ
    relation = "符合" if verdict.met else "未达到"
    if isinstance(target, QuantityValue) and not verdict.met and op.is_ceiling:
        relation = "超出"
    return (
        f"完成值{_quoted(actual.text)}{relation}指标值{_quoted(target.text)}"
        f"（{OP_WORDS[op]}）{_margin(verdict)}"
    )
