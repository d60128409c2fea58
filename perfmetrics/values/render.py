"""Canonical text, JSON-ready dicts and HTML for parsed values (the inverse of parsing).

Values are told apart by their ``kind``, so this module needs only the primitives at run time and
the model can call it without an import cycle.

``parse(render(v)) == v`` for every value the parser produces: the canonical text is itself a
value the grammar reads back to an equal model.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any, cast

from perfmetrics.errors import InputTypeError
from perfmetrics.html_style import STYLE, cell
from perfmetrics.values.primitives import (
    Amount,
    Comparator,
    Kind,
    MonthDay,
    format_decimal,
    reads_as_calendar,
)
from perfmetrics.vocabulary import mapping

if TYPE_CHECKING:
    # Typing only: the model imports this module at run time, never the other way round.
    from perfmetrics.values.model import (
        DateValue,
        PeriodValue,
        QualitativeValue,
        QuantityValue,
        RangeValue,
        RecurringValue,
        Value,
    )

__all__ = ["render", "to_dict", "to_html"]


def _is_month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).month != day.month


def _day_text(day: dt.date) -> str:
    return f"{day.month}月底" if _is_month_end(day) else f"{day.month}月{day.day}日"


def _xun(first_day: int, last_day: int) -> str | None:
    """Return 上旬, 中旬 or 下旬 for a first and last day of a month (0: its end), or None."""
    for word, days in mapping("xun").items():
        if days == f"{first_day}-{last_day}":
            return word
    return None


def _dated_text(start: dt.date, end: dt.date) -> str:
    """Text of the calendar span [start, end]: `2022年`, `2022年5月`, `2022年12月底`, spans."""
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return f"{start.year}年"
    if (start.year, start.month) == (end.year, end.month) and start != end:
        xun = _xun(start.day, 0 if _is_month_end(end) else end.day)
        if xun is not None:
            return f"{start.year}年{start.month}月{xun}"
    whole_months = start.day == 1 and _is_month_end(end)
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月"
    if start == end:
        return f"{start.year}年{_day_text(start)}"
    if whole_months:
        return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
    return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"


def _period_text(start: dt.date, end: dt.date) -> str:
    """Text of a period, always a span form, so that it never reads back as a date."""
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return f"{start.year}年全年"
    if start.day == 1 and _is_month_end(end):
        return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
    return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"


def _month_day_text(point: MonthDay) -> str:
    return f"{point.month}月底" if point.day == 0 else f"{point.month}月{point.day}日"


def _yearless_text(first: MonthDay, last: MonthDay) -> str:
    """Text of a span without a year: `12月`, `12月底`, `1月至6月`, `3月5日至4月底`."""
    if first.day == 1 and last.day == 0:
        if first.month == last.month:
            return f"{first.month}月"
        return f"{first.month}月至{last.month}月"
    if first == last:
        return _month_day_text(first)
    xun = _xun(first.day, last.day) if first.month == last.month else None
    if xun is not None:
        return f"{first.month}月{xun}"
    return f"{_month_day_text(first)}至{_month_day_text(last)}"


_WHOLE_YEAR = (MonthDay(1, 1), MonthDay(12, 0))


def _date_value_text(value: DateValue) -> str:
    if value.yearless is not None:
        first, last = value.yearless.start, value.yearless.end
        assert first is not None and last is not None
        whole_year = (first, last) == _WHOLE_YEAR
        point = "年" if whole_year else _yearless_text(first, last)
    else:
        assert value.start is not None and value.end is not None
        whole_year = (value.start.month, value.start.day, value.end.month, value.end.day) == (
            1,
            1,
            12,
            31,
        )
        point = _dated_text(value.start, value.end)
    lead = value.note[: value.note_split]
    if value.op is Comparator.LE:
        return f"{lead}{point}内" if whole_year else f"{lead}{point}前"
    if value.op is Comparator.EQ:
        sign = value.op.symbol if value.op_explicit else ""  # `＝2025年1月1日` keeps its ＝
        return f"{sign}{lead}{point}"
    return f"{value.op.symbol}{lead}{point}"


#: Suffix words for a bound whose bare number would read as a month after a prefix (`≥2022.1`
#: is January 2022; `2022.1以上` is the number).
_SUFFIX_OF = {Comparator.GE: "以上", Comparator.LE: "以下", Comparator.GT: "多"}


def _quantity_text(value: QuantityValue) -> str:
    lead = value.note[: value.note_split]
    amount = value.amount
    suffix = _SUFFIX_OF.get(value.op) if value.op_explicit and not amount.unit else None
    if suffix is not None and reads_as_calendar(format_decimal(amount.magnitude), ""):
        return f"{lead}{amount}{suffix}"
    sign = value.op.symbol if value.op_explicit else ""
    return f"{sign}{lead}{amount}"


def _range_text(value: RangeValue) -> str:
    if value.lower.unit == value.upper.unit and value.lower.magnitude == -value.upper.magnitude:
        return f"{value.note[: value.note_split]}±{value.upper}"
    low = (
        format_decimal(value.lower.magnitude)
        if value.lower.unit == value.upper.unit
        else str(value.lower)
    )
    # `-1--1` would read `--` as the separator (-1 to 1): a negative upper end takes `~`.
    separator = "~" if value.upper.magnitude < 0 else "-"
    return f"{value.note[: value.note_split]}{low}{separator}{value.upper}"


def _period_value_text(value: PeriodValue) -> str:
    lead = value.note[: value.note_split]
    if value.yearless is not None:
        first, last = value.yearless.start, value.yearless.end
        assert first is not None and last is not None
        return lead + ("当年" if (first, last) == _WHOLE_YEAR else _yearless_text(first, last))
    assert value.start is not None and value.end is not None
    return lead + _period_text(value.start, value.end)


def _recurring_text(value: RecurringValue) -> str:
    point = "末" if value.day is None else f"{value.day}日"
    if value.month is not None and value.day is None:
        return f"每{value.period}{value.month}月{'底前' if value.op is Comparator.LE else ''}"
    return f"每{value.period}{point}{'前' if value.op is Comparator.LE else ''}"


def _qualitative_text(value: QualitativeValue) -> str:
    return value.text.strip() or value.content


_CORE_TEXT: dict[Kind, Any] = {
    Kind.QUANTITY: _quantity_text,
    Kind.RANGE: _range_text,
    Kind.DATE: _date_value_text,
    Kind.PERIOD: _period_value_text,
    Kind.RECURRING: _recurring_text,
    Kind.QUALITATIVE: _qualitative_text,
}


def _core_text(value: Value) -> str:
    return cast(str, _CORE_TEXT[value.kind](value))


def render(value: Value) -> str:
    """Return the canonical text of ``value``: ``≥8500台次/年``, ``2022年12月底前``.

    Multipliers are folded (``≥1.7万人`` renders as ``≥17000人``), units take their canonical
    spelling (平米 → 平方米, 百分比 → %), and a note follows the value after a space.

    Raises:
        InputTypeError: ``value`` is not a parsed value.

    """
    if not isinstance(getattr(value, "kind", None), Kind):
        raise InputTypeError(f"render() takes a parsed value, not {type(value).__name__}")
    if value.kind is Kind.QUALITATIVE:
        return _core_text(value)
    core = _core_text(value)
    trailing = value.note[value.note_split :].strip()
    return f"{core} {trailing}" if trailing else core


def _amount_fields(amount: Amount | None) -> tuple[str | None, str | None]:
    if amount is None:
        return None, None
    return format_decimal(amount.magnitude), amount.unit


def to_dict(value: Value) -> dict[str, Any]:
    """Return a JSON-ready dict of ``value``; numbers are strings so that no digit is lost.

    Keys: kind, op, op_explicit, magnitude, unit, low, high, start, end, note, warnings, text.
    """
    magnitude = unit = low = high = None
    if value.kind is Kind.QUANTITY:
        magnitude, unit = _amount_fields(cast("QuantityValue", value).amount)
    elif value.kind is Kind.RECURRING:
        recurring = cast("RecurringValue", value)
        magnitude = None if recurring.day is None else str(recurring.day)
        unit = recurring.period
    elif value.kind is Kind.RANGE:
        bounded = cast("RangeValue", value)
        low, _ = _amount_fields(bounded.lower)
        high, unit = _amount_fields(bounded.upper)
    start = value.start.isoformat() if value.start else None
    end = value.end.isoformat() if value.end else None
    return {
        "kind": value.kind.value,
        "op": value.op.value if value.op else None,
        "op_explicit": value.op_explicit,
        "magnitude": magnitude,
        "unit": unit,
        "low": low,
        "high": high,
        "start": start,
        "end": end,
        "note": value.note,
        "warnings": list(value.warnings),
        "text": value.text,
    }


def _value_cells(value: Value) -> dict[str, str | None]:
    """Return the cells a notebook shows for a value: kind, op, magnitude, unit, reading."""
    fields = to_dict(value)
    magnitude = fields["magnitude"]
    if fields["low"] is not None:
        magnitude = f"{fields['low']} – {fields['high']}"
    elif fields["start"] is not None or fields["end"] is not None:
        magnitude = f"{fields['start'] or '…'} – {fields['end'] or '…'}"
    return {
        "kind": fields["kind"],
        "op": value.op.symbol if value.op is not None else None,
        "magnitude": magnitude,
        "unit": fields["unit"],
        "reading": render(value),
    }


def to_html(value: Value) -> str:
    """Return an HTML table for notebooks: kind, op, magnitude, unit, reading, warnings.

    An op that was not written (``100%`` read as ``=``) is shown in grey italics.
    """
    cells = _value_cells(value)
    op_css = "" if value.op_explicit else "pm-implied"
    row = "".join(
        cell(cells[name], css=op_css if name == "op" else "pm-num" if name == "magnitude" else "")
        for name in cells
    )
    head = "".join(cell(name, tag="th") for name in [*cells, "warnings"])
    warnings = cell("; ".join(value.warnings) or None, css="pm-warn")
    title = html.escape(value.text, quote=True)
    return (
        f"{STYLE}<div class='pm-box pm-value' title=\"{title}\"><table><tr>{head}</tr>"
        f"<tr>{row}{warnings}</tr></table></div>"
    )
