"""Hypothesis strategies for fuzzing code that reads 指标值, each draw with its known answer.

Install with ``pip install perfmetrics[fuzz]``; this module imports hypothesis and is never
imported by ``import perfmetrics``.

>>> from hypothesis import given
>>> from perfmetrics.strategies import indicator_values
>>> @given(indicator_values())
... def test_my_reader(sample):
...     text, expected = sample.text, sample.value
...     assert my_reader(text) == expected.to_dict()["magnitude"]   # doctest: +SKIP

Strategies:

- :func:`indicator_values` draws :class:`Labeled` samples: a messy text as real tables write it
  (comparator words and symbols, full-width forms, stray spaces, 万 multipliers, thousands
  separators, % ％ 百分比, compound rates, ranges, deadlines, periods, notes, qualitative phrases)
  and the value ``perfmetrics.parse`` must return for it.
- :func:`quantities` draws amounts in a unit; :func:`targets` draws parsed targets of a kind;
  :func:`actuals_for` draws actual texts that meet (or miss) a given target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from perfmetrics.values.model import (
    Amount,
    Comparator,
    DateValue,
    Kind,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    Value,
    format_decimal,
)
from perfmetrics.values.render import render

__all__ = [
    "COUNT_UNITS",
    "Labeled",
    "actuals_for",
    "indicator_values",
    "quantities",
    "targets",
]


class Labeled(NamedTuple):
    """A drawn text and the value it must parse to.

    ``tokens`` are the pieces the text was joined from; joining them with spaces, or folding the
    ASCII characters to full width, must parse to the same value.
    """

    text: str
    value: Value
    tokens: tuple[str, ...]

    @property
    def pair(self) -> tuple[str, Value]:
        """The ``(text, expected)`` pair: ``indicator_values().map(lambda s: s.pair)``."""
        return self.text, self.value


#: Written comparator → (comparator, whether it is written after the number).
PREFIXES: dict[str, Comparator] = {
    "≥": Comparator.GE,
    ">=": Comparator.GE,
    "≧": Comparator.GE,
    "不低于": Comparator.GE,
    "不少于": Comparator.GE,
    "至少": Comparator.GE,
    "达到": Comparator.GE,
    "不小于": Comparator.GE,
    "大于等于": Comparator.GE,
    "≤": Comparator.LE,
    "<=": Comparator.LE,
    "≦": Comparator.LE,
    "不超过": Comparator.LE,
    "不高于": Comparator.LE,
    "不大于": Comparator.LE,
    "控制在": Comparator.LE,
    ">": Comparator.GT,
    "大于": Comparator.GT,
    "超过": Comparator.GT,
    "高于": Comparator.GT,
    "<": Comparator.LT,
    "小于": Comparator.LT,
    "低于": Comparator.LT,
    "少于": Comparator.LT,
    "不满": Comparator.LT,
    "=": Comparator.EQ,
    "等于": Comparator.EQ,
}
SUFFIXES: dict[str, Comparator] = {
    "以上": Comparator.GE,
    "及以上": Comparator.GE,
    "以下": Comparator.LE,
    "以内": Comparator.LE,
    "之内": Comparator.LE,
}
#: Counting words drawn by default; each is its own dimension.
COUNT_UNITS = ("人", "人次", "台次", "个", "家", "篇", "场", "项", "户", "套", "件", "份", "次")
#: Written unit → canonical unit, by family.
UNIT_FAMILIES: dict[str, dict[str, str]] = {
    "count": {unit: unit for unit in COUNT_UNITS},
    "money": {"元": "元", "万元": "万元", "亿元": "亿元"},
    "percent": {"%": "%", "％": "%", "百分比": "%"},
    "time": {
        "天": "天",
        "小时": "小时",
        "个工作日": "工作日",
        "个月": "月",
        "年": "年",
        "分钟": "分钟",
    },
    "rate": {
        "元/人/月": "元/人/月",
        "次/月": "次/月",
        "人/项": "人/项",
        "台次/年": "台次/年",
        "元/人·月": "元/人·月",
        "天/期": "天/期",
    },
    "area": {"平方米": "平方米", "平米": "平方米", "㎡": "平方米"},
    "score": {"分": "分"},
    "none": {"": ""},
}
#: Units on which a 万 multiplier is folded into the number (a plain number with 万 has an
#: unknown unit and a warning, so it is left out).
_FOLDING = ("count", "area")
NOTES = (
    "反映参与人员情况",
    "按计划完成",
    "全年累计",
    "(含续签)",
    "根据年度工作计划",
    "其中线上办理",
)
MID_NOTES = ("总次数", "全年", "预算")
HEDGES = ("预计", "约", "力争")
QUALITATIVE = (
    "保障",
    "提升",
    "及时",
    "是",
    "否",
    "达到标准",
    "无投诉意见",
    "有效保障",
    "显著提高",
    "按标准拨付",
    "稳步提升",
    "正常运转",
)
_FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})


def full_width(text: str) -> str:
    """Fold the ASCII characters of ``text`` to their full-width forms (``>95%`` → ``＞９５％``).

    >>> full_width("≥95%")
    '≥９５％'
    """
    return text.translate(_FULL_WIDTH)


def _magnitudes(*, places: int, max_value: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False
    )


@st.composite
def _number_text(draw: st.DrawFn, value: Decimal, *, may_fold: bool) -> tuple[str, ...]:
    """Write ``value`` as tables do: plain, with separators, full-width, or with 万."""
    plain = format_decimal(value)
    styles = ["plain", "full"]
    if value == value.to_integral_value() and value >= 1000:
        styles.append("separated")
    if may_fold and value >= 10000 and (value / 10000) == (value / 10000).quantize(Decimal("0.01")):
        styles.append("wan")
    style = draw(st.sampled_from(styles))
    if style == "full":
        return (full_width(plain),)
    if style == "separated":
        return (f"{int(value):,}",)
    if style == "wan":
        return (format_decimal((value / 10000).normalize()), "万")
    return (plain,)


@st.composite
def _quantity_samples(draw: st.DrawFn, family: str | None = None) -> Labeled:
    family = family or draw(st.sampled_from(sorted(UNIT_FAMILIES)))
    written_unit = draw(st.sampled_from(sorted(UNIT_FAMILIES[family])))
    unit = UNIT_FAMILIES[family][written_unit]
    ceiling = 1000 if family == "percent" else 10**7  # rates beyond 10⁶ % are refused as typos
    magnitude = draw(_magnitudes(places=draw(st.integers(0, 2)), max_value=ceiling))
    number = draw(_number_text(magnitude, may_fold=family in _FOLDING))
    form = draw(st.sampled_from(["bare", "prefix", "suffix", "hedge", "mid"]))
    tokens: list[str] = []
    op, explicit, notes, trailing_notes = Comparator.EQ, False, [], []
    if form in ("prefix", "mid"):
        word = draw(st.sampled_from(sorted(PREFIXES)))
        op, explicit = PREFIXES[word], True
        tokens.append(word)
        if form == "mid":
            note = draw(st.sampled_from(MID_NOTES))
            tokens.append(note)
            notes.append(note)
    elif form == "hedge":
        hedge = draw(st.sampled_from(HEDGES))
        tokens.append(hedge)
        notes.append(hedge)
    tokens.extend(number)
    if written_unit:
        tokens.append(written_unit)
    if form == "suffix":
        word = draw(st.sampled_from(sorted(SUFFIXES)))
        op, explicit = SUFFIXES[word], True
        tokens.append(word)
    trailing = draw(st.one_of(st.none(), st.sampled_from(NOTES)))
    if trailing:
        tokens.append(trailing)
        trailing_notes.append(trailing)
    lead = "".join(notes)
    value = QuantityValue(
        op=op,
        op_explicit=explicit,
        amount=Amount(magnitude, unit),
        note=" ".join(part for part in (lead, *trailing_notes) if part),
        note_split=len(lead),
    )
    return _labeled(draw, tokens, value)


def _labeled(draw: st.DrawFn, tokens: Sequence[str], value: Value) -> Labeled:
    """Join tokens the way a table might: compact, or with the PDF export's spaces."""
    spaced = draw(st.booleans())
    text = (" " if spaced else "").join(tokens)
    return Labeled(text, value, tuple(tokens))


@st.composite
def _range_samples(draw: st.DrawFn) -> Labeled:
    family = draw(st.sampled_from(["count", "money", "percent", "rate", "none"]))
    written_unit = draw(st.sampled_from(sorted(UNIT_FAMILIES[family])))
    unit = UNIT_FAMILIES[family][written_unit]
    low = draw(_magnitudes(places=0, max_value=10**5))
    high = low + draw(_magnitudes(places=0, max_value=10**5))
    separator = draw(st.sampled_from(["-", "~", "至", "—", "～"]))
    both_units = draw(st.booleans()) and bool(written_unit)
    tokens = [
        format_decimal(low),
        *([written_unit] if both_units else []),
        separator,
        format_decimal(high),
        *([written_unit] if written_unit else []),
    ]
    value = RangeValue(lower=Amount(low, unit), upper=Amount(high, unit))
    return _labeled(draw, tokens, value)


def _last_day(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@st.composite
def _calendar_samples(draw: st.DrawFn) -> Labeled:
    year = draw(st.integers(2000, 2035))
    month = draw(st.integers(1, 12))
    last = _last_day(year, month)
    day = draw(st.integers(1, last.day))
    form = draw(
        st.sampled_from(
            [
                "month_end_before",
                "day_before",
                "month",
                "year_within",
                "year_end_before",
                "span",
                "month_span",
                "whole_year",
                "half_year",
                "day_span",
            ]
        )
    )
    y, m = str(year), str(month)
    le, eq = Comparator.LE, Comparator.EQ
    if form == "month_end_before":
        tokens = [y, "年", m, "月", "底前"]
        value: Value = DateValue(op=le, op_explicit=True, start=last, end=last)
    elif form == "day_before":
        point = dt.date(year, month, day)
        tokens = [y, "年", m, "月", str(day), "日前"]
        value = DateValue(op=le, op_explicit=True, start=point, end=point)
    elif form == "month":
        tokens = [y, "年", m, "月"]
        value = DateValue(op=eq, op_explicit=False, start=dt.date(year, month, 1), end=last)
    elif form == "year_within":
        tokens = [y, "年内", "完成"]
        value = DateValue(
            op=le,
            op_explicit=True,
            start=dt.date(year, 1, 1),
            end=dt.date(year, 12, 31),
            note="完成",
        )
    elif form == "year_end_before":
        tokens = [y, "年底前"]
        end = dt.date(year, 12, 31)
        value = DateValue(op=le, op_explicit=True, start=end, end=end)
    elif form == "span":
        other = draw(st.integers(month, 12))
        tokens = [
            y,
            "年",
            m,
            "月",
            draw(st.sampled_from(["至", "-", "—"])),
            y,
            "年",
            str(other),
            "月",
        ]
        value = PeriodValue(start=dt.date(year, month, 1), end=_last_day(year, other))
    elif form == "month_span":
        other = draw(st.integers(month, 12))
        tokens = [y, "年", m, "-", str(other), "月"]
        value = PeriodValue(start=dt.date(year, month, 1), end=_last_day(year, other))
    elif form == "whole_year":
        tokens = [y, "年", "全年"]
        value = PeriodValue(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    elif form == "half_year":
        first = draw(st.booleans())
        tokens = [y, "年", "上半年" if first else "下半年"]
        start, end = (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if first
            else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
        value = PeriodValue(start=start, end=end)
    else:
        other = draw(st.integers(month, 12))
        other_day = draw(st.integers(1, _last_day(year, other).day))
        if other == month:
            day, other_day = sorted((day, other_day))
        tokens = [
            y,
            "年",
            m,
            "月",
            str(day),
            "日",
            "至",
            y,
            "年",
            str(other),
            "月",
            str(other_day),
            "日",
        ]
        value = PeriodValue(start=dt.date(year, month, day), end=dt.date(year, other, other_day))
    return _labeled(draw, tokens, value)


@st.composite
def _qualitative_samples(draw: st.DrawFn) -> Labeled:
    text = draw(st.sampled_from(QUALITATIVE))
    return Labeled(text, QualitativeValue(content=text, text=text), (text,))


_BY_KIND = {
    Kind.QUANTITY: _quantity_samples,
    Kind.RANGE: _range_samples,
    Kind.DATE: _calendar_samples,
    Kind.PERIOD: _calendar_samples,
    Kind.QUALITATIVE: _qualitative_samples,
}


def _kinds(kinds: Sequence[str] | str | None) -> list[Kind]:
    if kinds is None:
        return list(Kind)
    names = [kinds] if isinstance(kinds, str) else list(kinds)
    try:
        chosen = [Kind(name) for name in names]
    except ValueError as exc:
        raise InvalidArgument(
            f"kinds must be among {[k.value for k in Kind]}, not {names}"
        ) from exc
    if not chosen:
        raise InvalidArgument("kinds must name at least one kind")
    return chosen


def indicator_values(*, kinds: Sequence[str] | str | None = None) -> st.SearchStrategy[Labeled]:
    """Draw messy 指标值 texts with the value each must parse to.

    Args:
        kinds: restrict to these kinds (``"quantity"``, ``"range"``, ``"date"``, ``"period"``,
            ``"qualitative"``); default all.
    """
    chosen = _kinds(kinds)
    strategies = {_BY_KIND[kind] for kind in chosen}
    drawn = st.one_of(*(strategy() for strategy in strategies))
    if Kind.DATE in chosen and Kind.PERIOD not in chosen:
        return drawn.filter(lambda sample: sample.value.kind is not Kind.PERIOD)
    if Kind.PERIOD in chosen and Kind.DATE not in chosen:
        return drawn.filter(lambda sample: sample.value.kind is not Kind.DATE)
    return drawn


def quantities(
    *, unit: str | None = None, min_value: int = 0, max_value: int = 10**7, places: int = 2
) -> st.SearchStrategy[Amount]:
    """Draw exact amounts in ``unit`` (a canonical unit text such as ``万元`` or ``人/项``).

    Without ``unit``, the unit is drawn from every family of :data:`UNIT_FAMILIES`.
    """
    if min_value < 0 or max_value < min_value or places < 0:
        raise InvalidArgument("need 0 <= min_value <= max_value and places >= 0")
    units = (
        st.just(unit)
        if unit is not None
        else st.sampled_from(
            sorted(
                {canonical for family in UNIT_FAMILIES.values() for canonical in family.values()}
            )
        )
    )
    magnitudes = st.decimals(min_value=min_value, max_value=max_value, places=places)
    return st.builds(Amount, magnitudes, units)


def targets(*, kind: str | None = None) -> st.SearchStrategy[Value]:
    """Draw target values (the parsed form) of one kind, or of any kind."""
    return indicator_values(kinds=kind).map(lambda sample: sample.value)


def _number(value: Decimal, unit: str) -> str:
    return str(Amount(value, unit))


def actuals_for(target: Value | str, *, met: bool = True) -> st.SearchStrategy[str]:
    """Draw actual texts whose verdict against ``target`` (no category) is ``met``.

    Raises:
        InvalidArgument: no actual can give that verdict (``≥0人`` cannot be missed; a free-text
            target can be neither met nor missed except by its own text or a 是/否 answer).
    """
    if isinstance(target, str):
        from perfmetrics.values.api import parse

        target = parse(target)
    if isinstance(target, QuantityValue):
        return _quantity_actuals(target, met)
    if isinstance(target, RangeValue):
        return _range_actuals(target, met)
    if isinstance(target, DateValue | PeriodValue):
        return _date_actuals(target, met)
    return _text_actuals(target, met)


def _deltas(scale: Decimal) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=Decimal("0.01"), max_value=max(scale, Decimal(1)), places=2)


def _quantity_actuals(target: QuantityValue, met: bool) -> st.SearchStrategy[str]:
    t, unit, op = target.magnitude, target.unit, target.op
    up = _deltas(t).map(lambda d: _number(t + d, unit))
    same = st.just(_number(t, unit))
    down = _deltas(t).filter(lambda d: d <= t).map(lambda d: _number(t - d, unit))
    can_go_down = t >= Decimal("0.01")
    choices: list[st.SearchStrategy[str]]
    if op is Comparator.GE:
        choices = [up, same] if met else [down]
    elif op is Comparator.GT:
        choices = [up] if met else [same, down]
    elif op is Comparator.LE:
        choices = [same, down] if met else [up]
    elif op is Comparator.LT:
        choices = [down] if met else [same, up]
    else:
        choices = [same] if met else [up, down]
    if not can_go_down:
        choices = [c for c in choices if c is not down]
    if not choices:
        raise InvalidArgument(f"no actual is {'meeting' if met else 'missing'} {render(target)!r}")
    if met and unit == "万元" and op in (Comparator.EQ, Comparator.GE, Comparator.LE):
        choices.append(st.just(_number(t * 10000, "元")))  # the same amount in another unit
    return st.one_of(choices)


def _range_actuals(target: RangeValue, met: bool) -> st.SearchStrategy[str]:
    low, high, unit = target.lower.magnitude, target.upper.magnitude, target.unit
    if met:
        return st.decimals(min_value=low, max_value=high, places=2).map(lambda v: _number(v, unit))
    above = _deltas(high).map(lambda d: _number(high + d, unit))
    if low >= Decimal("0.01"):
        below = _deltas(low).filter(lambda d: d <= low).map(lambda d: _number(low - d, unit))
        return st.one_of(above, below)
    return above


def _date_actuals(target: DateValue | PeriodValue, met: bool) -> st.SearchStrategy[str]:
    if target.start is None or target.end is None:
        raise InvalidArgument("the target has no year; resolve it first (value.resolve(year))")
    start, end = target.start, target.end
    op = target.op if isinstance(target, DateValue) else Comparator.EQ
    days = st.integers(1, 400).map(lambda n: dt.timedelta(days=n))
    inside = st.integers(0, (end - start).days).map(lambda n: start + dt.timedelta(days=n))
    if op is Comparator.LE:
        dates = (days.map(lambda d: end - d) | st.just(end)) if met else days.map(lambda d: end + d)
    elif op is Comparator.GE:
        dates = (
            (days.map(lambda d: start + d) | st.just(start))
            if met
            else days.map(lambda d: start - d)
        )
    elif op is Comparator.LT:
        dates = days.map(lambda d: start - d) if met else inside
    elif op is Comparator.GT:
        dates = days.map(lambda d: end + d) if met else inside
    else:
        dates = inside if met else (days.map(lambda d: end + d) | days.map(lambda d: start - d))
    return dates.map(_date_text)


def _date_text(day: dt.date) -> str:
    """Write a date as tables do (``2025年12月31日``); ISO forms are tested elsewhere."""
    return f"{day.year}年{day.month}月{day.day}日"


def _text_actuals(target: Value, met: bool) -> st.SearchStrategy[str]:
    assert isinstance(target, QualitativeValue)
    if target.content in ("是", "否"):
        if met:
            return st.just(target.content)
        return st.just("否" if target.content == "是" else "是")
    if met:
        return st.sampled_from([target.content, f" {target.content} "])
    raise InvalidArgument(
        f"a free-text target ({target.content!r}) cannot be missed, only undecided"
    )
