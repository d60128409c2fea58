"""Actuals written as words: a verdict (达成预期指标, 部分完成, 未达成) or a restated target.

Self-evaluation tables often answer a target with a verdict instead of a value, or restate a
qualitative target (``及时`` / ``及时``, ``效果明显`` / ``效果不明显``). This module reads the words
into an :class:`Outcome`; :func:`perfmetrics.meets` turns it into a verdict. The words are data
(``words.tsv``: ``verdict_met``, ``verdict_partial``, ``verdict_not_met``, ``text_negation``,
``text_partial``, ``text_lead_verb``).
"""

from __future__ import annotations

import enum
import functools

import regex

from perfmetrics.values.normalize import normalize
from perfmetrics.vocabulary import words

__all__ = ["Outcome", "restated", "stated_outcome"]


class Outcome(enum.StrEnum):
    """What a worded actual says: met, partially met, or not met."""

    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not_met"

    @property
    def met(self) -> bool:
        """True only for MET (a partial outcome is not met)."""
        return self is Outcome.MET

    def __repr__(self) -> str:
        """Show the plain value."""
        return repr(self.value)


#: Spaces, end punctuation and quotes that do not change a worded answer.
_PUNCTUATION = regex.compile(r"[\s。.,，;；:：!！\"'“”‘’]+")
#: Bracketed asides inside a target (``获得目的国(地区)受众欢迎``).
_ASIDE = regex.compile(r"[(\[【][^)\]】]*[)\]】]")


def _fold(text: str) -> str:
    return _PUNCTUATION.sub("", normalize(text)).lower()


@functools.cache
def _verdict_words() -> dict[str, Outcome]:
    found: dict[str, Outcome] = {}
    for group, outcome in (
        ("verdict_met", Outcome.MET),
        ("verdict_partial", Outcome.PARTIAL),
        ("verdict_not_met", Outcome.NOT_MET),
    ):
        found.update({_fold(word): outcome for word in words(group)})
    return found


def stated_outcome(text: str) -> Outcome | None:
    """Return the outcome an actual written as a verdict states, or None for any other text.

    >>> stated_outcome("达成预期指标"), stated_outcome("部分完成"), stated_outcome("未达成。")
    ('met', 'partial', 'not_met')
    >>> stated_outcome("已完成普陀体育中心费用结算") is None
    True
    """
    return _verdict_words().get(_fold(text))


def _gaps(needle: str, haystack: str) -> list[str] | None:
    """Return what ``haystack`` adds around ``needle`` found in it in order, or None.

    The match is greedy from the left. Item ``i`` is what stands before the ``i``-th matched
    character; the last item is what trails the match.

    >>> _gaps("明显", "显著") is None, _gaps("效果明显", "效果不明显")
    (True, ['', '', '不', '', ''])
    """
    gaps = [""]
    position = 0
    for char in haystack:
        if position < len(needle) and char == needle[position]:
            position += 1
            gaps.append("")
        else:
            gaps[-1] += char
    return gaps if position == len(needle) else None


def _strip_lead_verb(text: str) -> str:
    for verb in words("text_lead_verb"):
        if text.startswith(verb) and len(text) > len(verb):
            return text[len(verb) :]
    return text


def restated(target: str, actual: str) -> Outcome | None:
    """Judge a qualitative actual that restates a qualitative target, or return None.

    The actual restates the target when the target's words appear in it in order (bracketed
    asides and a leading verb such as 获得 may be left out) with at most a few words added. The
    added words decide: a negation (不, 未 …) → not met; 基本/部分 → partial; anything else (显著,
    较好, 有) → met. A yes/no question (``是否利于企业走出去``) is answered yes by any statement
    that does not open with a negation.

    >>> restated("及时", "及时"), restated("效果明显", "效果不明显"), restated("及时", "基本及时")
    ('met', 'not_met', 'partial')
    >>> restated("获得目的国(地区)受众欢迎", "受目的国受众欢迎显著")
    'met'
    >>> restated("是否利于企业走出去", "有利于推动企业走出去"), restated("保障", "增加收入") is None
    ('met', True)
    """
    wanted, given = _fold(_ASIDE.sub("", target)), _fold(actual)
    if not wanted or not given:
        return None
    negations = words("text_negation")
    if wanted.startswith(words("question_lead")):
        return Outcome.NOT_MET if given.startswith(negations) else Outcome.MET
    for needle in dict.fromkeys((wanted, _strip_lead_verb(wanted))):
        gaps = _gaps(needle, given)
        if gaps is None or sum(map(len, gaps)) > max(4, len(needle)):
            continue
        inside = "".join(gaps[:-1])  # what stands before a word of the target, not after it
        if any(word in inside for word in negations):
            return Outcome.NOT_MET
        if any(word in inside for word in words("text_partial")):
            return Outcome.PARTIAL
        return Outcome.MET
    return None
