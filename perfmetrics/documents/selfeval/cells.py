"""Reading single cells of a self-evaluation grid: labels, numbers, rates, placeholders.

A label is compared folded (:func:`label_key`): traditional characters, widths and spaces folded,
bracketed asides dropped (``年初目标值(A)`` → ``年初目标值``, ``產 出 指 標 (50分)`` →
``产出指标``).
Numbers are read as published: thousands commas dropped, placeholders (``—``, ``/``, ``-``) are
None, a trailing ``分`` or ``%`` understood.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import regex

from perfmetrics.documents.targets import comparator_cell, join_target, opens_with_comparator
from perfmetrics.values.normalize import normalize
from perfmetrics.vocabulary import mapping, unit_entries, words

__all__ = [
    "PLACEHOLDERS",
    "comparator_cell",
    "fold",
    "header_field",
    "is_part_name",
    "join_target",
    "label_key",
    "lookup",
    "money_unit",
    "number",
    "opens_with_comparator",
    "placeholder_name",
    "points_in",
    "rate",
    "year_in",
]

#: Cells that stand for "nothing here" in published tables (words.tsv ``empty_cell``), folded.
PLACEHOLDERS = frozenset({"", *(normalize(word) for word in words("empty_cell"))})

_SPACES = regex.compile(r"\s+")
_ASIDE = regex.compile(r"[(\[【][^)\]】]*[)\]】]")
_LABEL_END = regex.compile(r"[:：]+$")
_NUMBER = regex.compile(r"[+-]?(?:\d+(?:,\d{3})*|\d*)(?:\.\d+)?")
_POINTS = regex.compile(r"(\d+(?:\.\d+)?)\s*分")
_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年")
#: Form placeholders in a 三级 cell: ``指标1``, ``指标2``, ``……``.
_PLACEHOLDER_NAME = regex.compile(r"(?:指标\d*|[.…·。]+|[-—]+)")
#: Cells seen again and again (headers, labels, every row's cells asked for every field) are
#: folded once: the cache holds this many distinct texts.
_CACHED_TEXTS = 1 << 14


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def fold(text: str) -> str:
    """Return ``text`` normalized (traditional, widths) with every space removed.

    >>> fold("產 出 指 標 (50分)")
    '产出指标(50分)'
    """
    return _SPACES.sub("", normalize(text))


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def label_key(text: str) -> str:
    """Return a label as the vocabulary spells it: folded, bracketed asides and colons dropped.

    >>> label_key("年初目标值(A)"), label_key("實施單位 (盖章)"), label_key("项目名称：")
    ('年初目标值', '实施单位', '项目名称')
    """
    return _LABEL_END.sub("", _ASIDE.sub("", fold(text)))


def lookup(group: str, text: str) -> str | None:
    """Return the value ``words.tsv`` gives a label in ``group``, or None.

    >>> lookup("selfeval_column", "實際完成值"), lookup("budget_column", "执行率(B/A)")
    ('actual', 'rate')
    """
    return mapping(group).get(label_key(text))


#: A header cell longer than this (folded) is text, not a column name read by its ending.
MAX_HEADER = 16


@functools.cache
def _endings(group: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(mapping(group).items(), key=lambda item: -len(item[0])))


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def header_field(group: str, text: str) -> str | None:
    """Return the field a header cell names: its exact word in ``group``, else its ending.

    The endings are the group ``<group>_ending`` of ``words.tsv`` (the longest that matches wins),
    so headers no table of the fixtures uses still read: ``年终完成值``, ``全年实际完成值(B)``.
    A cell holding a number, or longer than :data:`MAX_HEADER` characters, names nothing.

    >>> header_field("selfeval_column", "年终完成值"), header_field("selfeval_column", "自评得分")
    ('actual', 'score')
    >>> header_field("budget_column", "全年预算执行数"), header_field("selfeval_column", "95%")
    ('executed', None)
    """
    key = lookup(group, text)
    if key is not None or not text.strip():
        return key
    folded = label_key(text)
    if len(folded) > MAX_HEADER or number(text) is not None:
        return None
    return next((field for end, field in _endings(f"{group}_ending") if folded.endswith(end)), None)


def number(text: str) -> Decimal | None:
    """Read a published number: ``215,457.6``, ``10.00``, ``8分``; None for a placeholder.

    >>> number("215,457.6"), number("8分"), number("—") is None, number("好") is None
    (Decimal('215457.6'), Decimal('8'), True, True)
    """
    folded = fold(text).removesuffix("分")
    if folded in PLACEHOLDERS or not _NUMBER.fullmatch(folded):
        return None
    try:
        value = Decimal(folded.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def rate(text: str, *, percent: bool = False) -> Decimal | None:
    """Read a rate as a fraction: ``86.19%`` → 0.8619; a bare number is a percentage if ``percent``.

    A bare number above 1 is a percentage too (``执行率 100``); ``0`` and ``1`` stay as written.

    >>> rate("86.19%"), rate("100.00", percent=True), rate("0"), rate("/") is None
    (Decimal('0.8619'), Decimal('1.00'), Decimal('0'), True)
    """
    folded = fold(text)
    if folded.endswith("%"):
        value = number(folded[:-1])
        return None if value is None else value / 100
    value = number(folded)
    if value is None:
        return None
    return value / 100 if percent or value > 1 else value


def points_in(text: str) -> Decimal | None:
    """Return the points written inside a label: ``产出指标(50分)`` → 50.

    >>> points_in("产 出 指 标 (50分)"), points_in("得分(20分*执行率)"), points_in("产出指标")
    (Decimal('50'), Decimal('20'), None)
    """
    found = _POINTS.search(fold(text))
    return None if found is None else Decimal(found.group(1))


@functools.cache
def _money_units() -> dict[str, str]:
    """Map each spelling of a budget money unit (units.tsv money words ending in 元) to its unit."""
    base = next(entry.word for entry in unit_entries() if entry.definition == "[money]")
    return {
        normalize(spelling): entry.word
        for entry in unit_entries()
        if entry.family == "money"
        for spelling in entry.spellings
        if normalize(spelling).endswith(base)
    }


@functools.cache
def _money() -> regex.Pattern[str]:
    return regex.compile("|".join(map(regex.escape, sorted(_money_units(), key=len, reverse=True))))


def money_unit(text: str) -> str | None:
    """Return the money unit a label names (``项目资金(万元)`` → 万元), or None.

    The units are the money units of ``units.tsv`` (元 and its multiples), longest first.

    >>> money_unit("項目資金 (萬元)"), money_unit("金额单位: 万元"), money_unit("分值")
    ('万元', '万元', None)
    >>> money_unit("资金(百万元)")
    '百万元'
    """
    found = _money().search(fold(text))
    return None if found is None else _money_units()[found.group()]


def year_in(text: str) -> int | None:
    """Return the year a title states (``(2022 年度)`` → 2022), or None.

    >>> year_in("(2022 年度)"), year_in("2019年度)"), year_in("部门整体绩效自评表")
    (2022, 2019, None)
    """
    found = _YEAR.search(fold(text))
    return None if found is None else int(found.group(1))


def is_part_name(text: str) -> bool:
    """Say whether a 三级 name opens a breakdown of the row above (``其中桃树种植面积``).

    >>> is_part_name("其中桃树种植面积"), is_part_name("桃树种植面积")
    (True, False)
    """
    return fold(text).startswith(words("selfeval_part_lead"))


def placeholder_name(text: str) -> bool:
    """Say whether a 三级 cell is a form placeholder (``指标2``, ``……``) rather than a name.

    >>> placeholder_name("指标2"), placeholder_name("……"), placeholder_name("指标1工程完工率")
    (True, True, False)
    """
    return bool(_PLACEHOLDER_NAME.fullmatch(fold(text)))
