"""Strategies that draw 指标值 texts with the values they must parse to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

import regex
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from perfmetrics.strategies.words import (
    _FOLDING,
    HEDGES,
    MID_NOTES,
    NOTES,
    PREFIXES,
    QUALITATIVE,
    RECURRING_PERIODS,
    SUFFIXES,
    UNIT_FAMILIES,
    full_width,
)
from perfmetrics.units.names import units_of_family
from perfmetrics.values.model import (
    Amount,
    Comparator,
    DateValue,
    Kind,
    PeriodValue,
    QualitativeValue,
    QuantityValue,
    RangeValue,
    RecurringValue,
    Value,
    format_decimal,
)
from perfmetrics.values.primitives import reads_as_calendar
from perfmetrics.values.quantity_rules import MAX_PERCENT

__all__ = ["Labeled", "indicator_values", "quantities", "targets"]


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


#: Comparator words a note may follow (`不低于全年5%`): all but the one-character Han ones.
_NOTE_TAKING_PREFIXES = sorted(w for w in PREFIXES if not regex.fullmatch(r"\p{Han}", w))


@st.composite
def _quantity_samples(draw: st.DrawFn, family: str | None = None) -> Labeled:
    family = family or draw(st.sampled_from(sorted(UNIT_FAMILIES)))
    written_unit = draw(st.sampled_from(sorted(UNIT_FAMILIES[family])))
    unit = UNIT_FAMILIES[family][written_unit]
    ceiling = 1000 if family == "percent" else 10**7  # rates beyond 10⁶ % are refused as typos
    magnitude = draw(_magnitudes(places=draw(st.integers(0, 2)), max_value=ceiling))
    # `2022年` is the year and `2022.1` a month: such amounts are drawn as durations elsewhere
    assume(not reads_as_calendar(format_decimal(magnitude), written_unit))
    number = draw(_number_text(magnitude, may_fold=family in _FOLDING))
    form = draw(st.sampled_from(["bare", "prefix", "suffix", "hedge", "mid"]))
    tokens: list[str] = []
    op, explicit, notes, trailing_notes = Comparator.EQ, False, [], []
    if form in ("prefix", "mid"):
        # A one-character Han comparator before a note starts a word (`超总次数` reads like
        # `超期`), which the parser refuses; a note follows only the longer comparators.
        choices = _NOTE_TAKING_PREFIXES if form == "mid" else sorted(PREFIXES)
        word = draw(st.sampled_from(choices))
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


@st.composite
def _recurring_samples(draw: st.DrawFn) -> Labeled:
    """每月8号前, 每季度末, 每年年底: recurring deadlines."""
    written, period = draw(st.sampled_from(sorted(RECURRING_PERIODS.items())))
    before = draw(st.booleans())
    if draw(st.booleans()):
        day = draw(st.integers(1, 28))
        tokens = ["每" + written, str(day), draw(st.sampled_from(["日", "号"]))]
    else:
        day = None
        tokens = ["每" + written, draw(st.sampled_from(["底", "末"]))]
    if before:
        tokens.append("前")
    value = RecurringValue(period=period, day=day, op=Comparator.LE if before else Comparator.EQ)
    return _labeled(draw, tokens, value)


_BY_KIND = {
    Kind.QUANTITY: _quantity_samples,
    Kind.RANGE: _range_samples,
    Kind.DATE: _calendar_samples,
    Kind.PERIOD: _calendar_samples,
    Kind.RECURRING: _recurring_samples,
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

    def amounts(unit: str) -> st.SearchStrategy[Amount]:
        # rates beyond MAX_PERCENT are refused as typing errors: they are no written amounts
        top = (
            min(Decimal(max_value), MAX_PERCENT)
            if unit in units_of_family("percent")
            else Decimal(max_value)
        )
        if top < min_value:
            raise InvalidArgument(f"no {unit} amount reads back above {MAX_PERCENT}")
        magnitudes = st.decimals(min_value=min_value, max_value=top, places=places)
        drawn = st.builds(Amount, magnitudes, st.just(unit))
        return drawn if unit else drawn.filter(_no_month)

    return units.flatmap(amounts)


def _no_month(amount: Amount) -> bool:
    """Say whether a unitless amount reads as itself (a bare `2022.1` is January 2022)."""
    return not reads_as_calendar(format_decimal(amount.magnitude), "")


def targets(*, kind: str | None = None) -> st.SearchStrategy[Value]:
    """Draw target values (the parsed form) of one kind, or of any kind."""
    return indicator_values(kinds=kind).map(lambda sample: sample.value)
