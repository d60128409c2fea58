"""What the rules ask of a row: its folded name, its category, and its target as a number.

Word lists come from the vocabulary (``words.tsv``: ``rate_ending``, ``satisfaction_word``,
``timeliness_word`` and the direction endings); nothing here spells a word out.

>>> fold(" 公众号读者 满意度 ")
'公众号读者满意度'
>>> stem("服务对象满意度指标")
'服务对象满意度'
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

import regex

from perfmetrics.documents.model import IndicatorRow
from perfmetrics.errors import PerfmetricsError, UnitMismatchError
from perfmetrics.units.registry import convert, same_dimension
from perfmetrics.values.api import parse
from perfmetrics.values.model import Amount, QuantityValue, RangeValue, Value
from perfmetrics.values.normalize import normalize
from perfmetrics.values.notices import WarningCode, has_warning
from perfmetrics.vocabulary import mapping, unit_entries, words

__all__ = [
    "bare_name",
    "category_match",
    "contains_word",
    "ending",
    "fold",
    "is_money",
    "is_time",
    "money_amount",
    "money_unit",
    "percent",
    "row_amount",
    "stated_unit",
    "states_a_unit",
    "stem",
    "target_amount",
    "with_stated_unit",
]

#: The suffix every category name may carry.
_SUFFIX = "指标"
#: The unit of percentages (units.tsv), and the ones that convert to it.
PERCENT = "%"
_PER_MILLE = "‰"
#: A bracketed aside closing an indicator name: ``公猪舍(≥**平方米)``, ``合格率(%)``.
_TRAILING_ASIDE = regex.compile(r"\(([^()]{1,12})\)$")
#: Placeholders of a name template (``≥**人``, ``≥xx人``).
_PLACEHOLDER = regex.compile(r"[*xX×]+")


@functools.lru_cache(maxsize=8192)  # names and category cells repeat across rows and rules
def fold(text: str) -> str:
    """Return ``text`` with widths and look-alikes folded and all whitespace removed."""
    return "".join(normalize(text).split())


@functools.lru_cache(maxsize=1024)
def stem(category: str) -> str:
    """Return a category name without its trailing 指标: ``社会效益指标`` → ``社会效益``."""
    folded = fold(category)
    return folded.removesuffix(_SUFFIX) or folded


@functools.cache
def _words(group: str) -> tuple[str, ...]:
    # Longest first, so that an ending reports the most specific word (任务完成及时率: 及时率).
    return tuple(sorted(words(group), key=len, reverse=True))


def bare_name(name: str) -> str:
    """Return a name folded, without the aside that may close it: ``合格率(%)`` → ``合格率``.

    >>> bare_name("种植作物成活率(≥**%)"), bare_name("故障率")
    ('种植作物成活率', '故障率')
    """
    folded = fold(name)
    return _TRAILING_ASIDE.sub("", folded) or folded


def ending(name: str, group: str) -> str | None:
    """Return the word of ``group`` that ``name`` ends with, an aside after it left out; or None."""
    folded = bare_name(name)
    return next((word for word in _words(group) if folded.endswith(word)), None)


def contains_word(name: str, group: str) -> str | None:
    """Return the first word of ``group`` found in ``name``, or None."""
    folded = fold(name)
    return next((word for word in _words(group) if word in folded), None)


def category_match(row: IndicatorRow, categories: Sequence[str]) -> str | None:
    """Return the first of ``categories`` the row stands under, or None.

    A category matches when its stem (``数量``, ``社会效益``, ``满意度``) is part of the row's 二级
    or 一级 name: ``成本`` matches ``经济成本指标``, ``效益`` matches ``社会效益指标`` and
    ``可持续影响指标`` (under 一级 ``效益指标``).
    """
    levels = (fold(row.level2), fold(row.level1))
    return next((name for name in categories if any(stem(name) in level for level in levels)), None)


def target_amount(value: Value | None) -> Amount | None:
    """Return the single amount a value sets: a quantity's, or a range's upper bound."""
    if isinstance(value, QuantityValue):
        return value.amount
    if isinstance(value, RangeValue):
        return value.upper
    return None


def percent(amount: Amount, *, fractions: bool = False) -> Decimal | None:
    """Return an amount in percent: ``95%`` → 95, ``5‰`` → 0.5; others None.

    With ``fractions``, a plain number below 1 counts as a fraction (``0.95`` → 95).

    >>> percent(Amount(Decimal("95"), "%")), percent(Amount(Decimal("0.95"), ""), fractions=True)
    (Decimal('95'), Decimal('95.00'))
    """
    if amount.unit == PERCENT:
        return amount.magnitude
    if amount.unit == _PER_MILLE:
        return amount.magnitude / 10
    if fractions and amount.unit == "" and 0 < amount.magnitude < 1:
        return amount.magnitude * 100
    return None


def is_money(unit: str) -> bool:
    """Say whether a canonical unit is an amount of money (元, 万元, 亿元; not 元/人)."""
    if not unit:
        return False
    try:
        return same_dimension(unit, "元")
    except UnitMismatchError:
        return False


@functools.cache
def _time_units() -> frozenset[str]:
    entries = (entry for entry in unit_entries() if entry.family == "time")
    return frozenset(spelling for entry in entries for spelling in entry.spellings)


def is_time(unit: str) -> bool:
    """Say whether a unit involves time: a duration (天, 工作日) or a frequency (次/月).

    >>> is_time("工作日"), is_time("次/月"), is_time("个"), is_time("")
    (True, True, False, False)
    """
    atoms = (atom for group in unit.split("/") for atom in group.split("·"))
    return any(atom in _time_units() for atom in atoms)


def with_stated_unit(row: IndicatorRow, amount: Amount | None) -> Amount | None:
    """Return ``amount`` (one of the row's target's) in the unit the row states, if it has none.

    ``合格率(%)`` with ``120`` is 120%, ``购置成本(万元)`` with ``≤50`` is 50万元 (see
    :func:`stated_unit`); an amount with a unit of its own keeps it.
    """
    if amount is None or amount.unit:
        return amount
    unit = stated_unit(row)
    return amount if unit is None else Amount(amount.magnitude, unit)


def row_amount(row: IndicatorRow) -> Amount | None:
    """Return the single amount a row's target sets (:func:`target_amount`), unit stated or not."""
    return with_stated_unit(row, target_amount(row.value))


def money_amount(row: IndicatorRow, unit: str, *, bare_wan_as_yuan: bool) -> Decimal | None:
    """Return the money a row's target sets, in ``unit`` (a range counts by its upper bound).

    The unit may be stated in the name or a column (``购置成本(万元)`` ``≤50``). With
    ``bare_wan_as_yuan``, a number written with 万 but no unit anywhere (``≤2013 万``, which the
    parser keeps as 20130000 of no unit) is read as 元, as a reader of a cost row would.
    """
    value = row.value
    amount = row_amount(row)
    if amount is None or value is None:
        return None
    if amount.unit == "" and bare_wan_as_yuan:
        if has_warning(value.warnings, WarningCode.MULTIPLIER_WITHOUT_UNIT):
            return convert(amount.magnitude, "元", unit)
        return None
    if not is_money(amount.unit):
        return None
    return convert(amount.magnitude, amount.unit, unit)


def _unit_of(text: str) -> str | None:
    """Return the unit ``text`` names when a number is put in front of it (``≥台`` → 台)."""
    for at in range(len(text) + 1):
        try:
            value = parse(f"{text[:at]}1{text[at:]}", strict=True)
        except PerfmetricsError:
            continue
        if (
            isinstance(value, QuantityValue)
            and value.amount.unit
            and not value.note
            and not has_warning(value.warnings, WarningCode.UNKNOWN_UNIT)
        ):
            return value.amount.unit
    return None


@functools.cache
def _name_unit(name: str) -> str | None:
    found = _TRAILING_ASIDE.search(fold(name))
    if found is None:
        return None
    inner = _PLACEHOLDER.sub("", found.group(1))
    label = next((word for word in _unit_labels() if inner.startswith(word)), "")
    inner = inner.removeprefix(label).removeprefix(":")  # (单位:人), (计量单位:万元)
    # An aside that reads as a value of its own (人数(2022年), 项目(一期)) names no unit.
    return _unit_of(inner) if inner and not _is_value(inner) else None


def _is_value(text: str) -> bool:
    try:
        return parse(text).is_structured
    except PerfmetricsError:
        return False


@functools.cache
def _unit_columns() -> frozenset[str]:
    found = mapping("selfeval_column").items()
    return frozenset(word for word, field in found if field == "target_unit")


@functools.cache
def _unit_labels() -> tuple[str, ...]:
    """Return the headers of unit columns (计量单位, 单位 …), longest first."""
    return tuple(sorted(_unit_columns(), key=len, reverse=True))


def stated_unit(row: IndicatorRow) -> str | None:
    """Return the unit a row states outside its value cell, or None.

    Forms that put the unit in the name (``公猪舍(≥**平方米)``, ``资金到位率(%)``, the common
    indicator libraries' ``名称(单位)``) or in a column of its own (计量单位, 度量单位: kept in
    ``row.extra``) give the value cell a unit without writing it there.

    >>> from perfmetrics.documents.rows import make_row
    >>> stated_unit(make_row({"level3": "公猪舍(≥**平方米)", "raw": "22.8"}, line=0, year=None))
    '平方米'
    >>> stated_unit(make_row({"level3": "验收合格率（%）", "raw": "100"}, line=0, year=None))
    '%'
    >>> stated_unit(make_row({"level3": "人数(2022年)", "raw": "3"}, line=0, year=None)) is None
    True
    """
    for header, cell in row.extra.items():
        if fold(header) in _unit_columns() and fold(cell):
            return _unit_of(fold(cell))  # None for a cell that names no unit the parser knows
    return _name_unit(row.level3)


def states_a_unit(row: IndicatorRow) -> bool:
    """Say whether a row writes a unit outside its value cell, known to the parser or not."""
    columns = (cell for header, cell in row.extra.items() if fold(header) in _unit_columns())
    return any(fold(cell) for cell in columns) or stated_unit(row) is not None


@functools.lru_cache(maxsize=256)
def money_unit(text: str | None) -> str | None:
    """Return the unit of money a budget figure's unit text names (``金额单位：万元`` → 万元).

    None when the text names no amount of money: the figure cannot be compared with costs.

    >>> money_unit("万元"), money_unit("金额单位：万元"), money_unit("元（保留两位小数）")
    ('万元', '万元', '元')
    >>> money_unit("人") is None, money_unit("") is None
    (True, True)
    """
    folded = fold(text or "")
    for part in (folded, regex.split(r"[:：]", folded)[-1]):
        try:
            value = parse(f"1{part}") if part else None
        except PerfmetricsError:
            continue
        if isinstance(value, QuantityValue) and is_money(value.amount.unit):
            return value.amount.unit
    return None
