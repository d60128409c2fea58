"""A target split in cells (comparator | number | unit) read as one 指标值.

Published tables write a target in one cell (``≥95%``) or in three: ``计算符号 | 指标值 |
计量单位`` or ``指标性质 | 目标值 | 度量单位`` holding ``≥ | 95 | %``, or ``定性`` and a text.
The target-table reader (:mod:`~perfmetrics.documents.text_word`) and the self-evaluation
reader both join the cells here, so a split target parses as the one-cell form does.
"""

from __future__ import annotations

import functools

import regex

from perfmetrics.values.api import parse
from perfmetrics.values.normalize import normalize
from perfmetrics.vocabulary import mapping, words

__all__ = ["comparator_cell", "join_target", "opens_with_comparator"]

_SPACES = regex.compile(r"\s+")


def _fold(text: str) -> str:
    return _SPACES.sub("", normalize(text))


@functools.cache
def _comparators() -> frozenset[str]:
    groups = ("ge_word", "le_word", "gt_word", "lt_word", "eq_word")
    return frozenset(normalize(word) for group in groups for word in words(group))


@functools.cache
def _equal_signs() -> frozenset[str]:
    return frozenset(normalize(word) for word in words("eq_word"))


def _leading_comparator(folded: str) -> str:
    """Return the longest comparator word ``folded`` opens with, else ``""``."""
    return max((w for w in _comparators() if w and folded.startswith(w)), key=len, default="")


def comparator_cell(text: str) -> str:
    """Return the comparator a 计算符号 or 指标性质 cell gives, else ``""``.

    A 指标性质 column holds comparators in some forms (``≥``, ``﹦``, ``>=``: returned as
    written), a direction in others (``正向``, ``反向指标``: ``>=`` and ``<=``, words.tsv
    ``direction_word``), and ``定量指标`` in others (nothing).

    >>> comparator_cell("﹦"), comparator_cell(">="), comparator_cell("定量指标")
    ('﹦', '>=', '')
    >>> comparator_cell("正向指标"), comparator_cell("反 向")
    ('>=', '<=')
    """
    folded = _fold(text)
    if folded in _comparators():
        return text.strip()
    return mapping("direction_word").get(folded, "")


def opens_with_comparator(text: str) -> bool:
    """Say whether a value cell already opens with a comparator (``≥95%``, ``不低于90%``).

    >>> [opens_with_comparator(text) for text in ("≥95%", "不低于90%", "95%")]
    [True, True, False]
    """
    return bool(_leading_comparator(_fold(text)))


_BARE_NUMBER = regex.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def join_target(op: str, value: str, unit: str) -> str:
    """Join a target split in comparator, number and unit cells into one 指标值 text.

    The unit joins a number (with or without its own comparator) only; the comparator joins when
    it is one (``定性`` is not) and the value cell does not write its own. An ``＝`` cell (the
    default of some budget systems) also gives way to a comparator written after the value
    (``90%以上``, ``3个工作日内``, ``2025年12月底前``).

    >>> join_target("≥", "95", "%"), join_target("定性", "好评", ""), join_target("", "达标", "个")
    ('≥95%', '好评', '达标')
    >>> join_target("正向", "≥90%", ""), join_target("", "≥90", "%")
    ('≥90%', '≥90%')
    >>> join_target("＝", "3个工作日内", ""), join_target("＝", "100", "%")
    ('3个工作日内', '＝100%')
    """
    value = value.strip()
    if not value:
        return ""
    folded = _fold(value)
    if unit.strip() and _BARE_NUMBER.fullmatch(folded[len(_leading_comparator(folded)) :]):
        value += unit.strip()
    if opens_with_comparator(value):
        return value  # the value cell writes its own comparator: a 指标性质 cell adds nothing
    if _fold(op) in _equal_signs() and parse(value).op_explicit:
        return value  # `＝` and `90%以上`: the value's own comparator says more
    return comparator_cell(op) + value
