"""Transformer rules for calendar values: points, deadlines, dates and periods.

A mixin of :class:`perfmetrics.values.transformer.ValueTransformer`; each method is named after
the grammar rule or alias it builds (grammar/perfmetrics.lark, sections "dates" and "periods").
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, NamedTuple

import regex
from lark import Token

from perfmetrics.errors import SemanticError
from perfmetrics.values.model import (
    Comparator,
    DateValue,
    MonthDay,
    PeriodValue,
    YearlessSpan,
)
from perfmetrics.values.notices import WarningCode, warning
from perfmetrics.values.numerals import chinese_number
from perfmetrics.values.pieces import Bound, Core, end, pos
from perfmetrics.vocabulary import mapping

__all__ = ["YEARLESS_WARNING", "CalendarRules"]

#: The warning of a date or period whose year was not written and not given.
YEARLESS_WARNING = warning(
    WarningCode.YEARLESS, "year not written: pass year= to place it in a year"
)


#: A month or a day has at most two digits; more is not a calendar number (and `int()` of a
#: 4,301-digit text raises).
_MAX_CALENDAR_DIGITS = 2


class Deadline(NamedTuple):
    """How a date is bounded (``end`` 底, ``end_before`` 底前, ``before`` 前/内), and its end."""

    mode: str
    end: int


class Point(NamedTuple):
    """A calendar point: a year (or None), and first/last month-day it covers."""

    year: int | None
    first: MonthDay
    last: MonthDay
    start: int
    end: int
    whole_year: bool = False
    bare_day: bool = False  # a day with no 日/号 after it (`3月5`)


def month_of(token: Any) -> tuple[int, int]:
    """Return (month, position) from a month_number result; refuse month 13."""
    number, position = token
    if not 1 <= number <= 12:
        raise SemanticError(f"there is no month {number}", position)
    return number, position


def day_of(token: Any, month: int) -> MonthDay:
    """Return the day of ``month`` from a month_number result; refuse day 32 or 2月30日."""
    number, position = token
    if not 1 <= number <= 31 or number > calendar.monthrange(2024, month)[1]:
        raise SemanticError(f"there is no day {number} in month {month}", position)
    return MonthDay.of(month, int(number))


def year_of(token: Token) -> int:
    """Return the year a YEAR token names."""
    return int(str(token))


class CalendarRules:
    """Rules of calendar points, dates (``2022年12月底前``) and periods (``2024年1-12月``)."""

    # ------------------------------------------------------------------ calendar points
    def quarter_number(self, token: Token) -> tuple[int, int]:
        text = str(token)
        if not text.isascii():
            return chinese_number(text), pos(token)
        if len(text) > _MAX_CALENDAR_DIGITS:
            raise SemanticError(f"a quarter is a small whole number, not {text}", pos(token))
        return int(text), pos(token)

    def month_number(self, token: Token) -> tuple[int, int]:
        text = str(token)
        if token.type == "CN_NUMBER":
            return chinese_number(text), pos(token)
        if not text.isdigit() or len(text) > _MAX_CALENDAR_DIGITS:
            # `1,000月`, `6.5月`, a thousand-digit day: no month or day is written so.
            raise SemanticError(f"a month or day is a small whole number, not {text}", pos(token))
        return int(text), pos(token)

    def year_alone(self, year: Token) -> Point:
        """`2023底前`: a year whose 年 was dropped before 底."""
        return Point(year_of(year), MonthDay(1, 1), MonthDay(12, 0), pos(year), end(year), True)

    def this_year_month(self, _this: Token, month: Any, word: Token) -> Point:
        """`当年12月之前`: a month of the document's year."""
        number, position = month_of(month)
        return Point(None, MonthDay(number, 1), MonthDay(number, 0), position, end(word))

    def year_only(self, year: Token, word: Token) -> Point:
        return Point(year_of(year), MonthDay(1, 1), MonthDay(12, 0), pos(year), end(word), True)

    def year_month(self, year: Token, _w: Token, month: Any, word: Token) -> Point:
        number, _ = month_of(month)
        return Point(year_of(year), MonthDay(number, 1), MonthDay(number, 0), pos(year), end(word))

    def year_month_day(
        self, year: Token, _w: Token, month: Any, _m: Token, day: Any, *word: Token
    ) -> Point:
        number, _ = month_of(month)
        point = day_of(day, number)
        stop = end(word[0]) if word else day[1] + len(str(day[0]))
        return Point(year_of(year), point, point, pos(year), stop, bare_day=not word)

    def year_month_xun(self, year: Token, _w: Token, month: Any, _m: Token, xun: Token) -> Point:
        """`2023年10月上旬`: ten days of a month (the last 旬 runs to the month's end)."""
        number, _ = month_of(month)
        first, last = _xun_days(xun)
        return Point(
            year_of(year), MonthDay(number, first), MonthDay(number, last), pos(year), end(xun)
        )

    def month_xun(self, month: Any, _m: Token, xun: Token) -> Point:
        number, position = month_of(month)
        first, last = _xun_days(xun)
        return Point(None, MonthDay(number, first), MonthDay(number, last), position, end(xun))

    def month_only(self, month: Any, word: Token) -> Point:
        number, position = month_of(month)
        return Point(None, MonthDay(number, 1), MonthDay(number, 0), position, end(word))

    def month_day(self, month: Any, _m: Token, day: Any, *word: Token) -> Point:
        number, position = month_of(month)
        point = day_of(day, number)
        stop = end(word[0]) if word else day[1] + len(str(day[0]))
        return Point(None, point, point, position, stop, bare_day=not word)

    def bare_year(self, word: Token) -> Point:
        return Point(None, MonthDay(1, 1), MonthDay(12, 0), pos(word), end(word), True)

    def dotted_month_day(self, token: Token) -> Point:
        """`6.30前`: a month and day of the document's year."""
        month_text, day_text = str(token).split(".")
        point = day_of((int(day_text), pos(token) + len(month_text) + 1), int(month_text))
        return Point(None, point, point, pos(token), end(token))

    def this_year_deadline(self, this: Token, deadline: Deadline) -> Core:
        """`今年底前`, `本年度内`: a deadline in the document's year."""
        point = Point(None, MonthDay(1, 1), MonthDay(12, 0), pos(this), end(this), True)
        return self._date(point, deadline, None, pos(this))

    def dotted_month(self, token: Token) -> Point:
        year_text, month_text = regex.split(r"[./]", str(token))
        month = int(month_text)
        if not 1 <= month <= 12:
            raise SemanticError(f"there is no month {month}", pos(token))
        return Point(int(year_text), MonthDay(month, 1), MonthDay(month, 0), pos(token), end(token))

    def dotted_date(self, token: Token) -> Point:
        year_text, month_text, day_text = regex.split(r"[./-]", str(token))
        year, month, day = int(year_text), int(month_text), int(day_text)
        if day > calendar.monthrange(year, month)[1]:
            raise SemanticError(f"there is no day {day} in {year}-{month:02d}", pos(token))
        point = MonthDay.of(month, day)
        return Point(year, point, point, pos(token), end(token))

    # ------------------------------------------------------------------ dates
    def end_of(self, token: Token) -> Deadline:
        return Deadline("end", end(token))

    def end_of_before(self, _end_word: Token, token: Token) -> Deadline:
        return Deadline("end_before", end(token))

    def year_end_of(self, _year: Token, token: Token) -> Deadline:
        return Deadline("end", end(token))

    def year_end_of_before(self, _year: Token, _end_word: Token, token: Token) -> Deadline:
        return Deadline("end_before", end(token))

    def before(self, token: Token) -> Deadline:
        return Deadline("before", end(token))

    def within(self, *tokens: Token) -> Deadline:
        return Deadline("before", end(tokens[-1]))

    def date(self, *children: Any) -> Core:
        by_word = isinstance(children[0], Bound)
        point: Point = children[1] if by_word else children[0]
        deadline = children[-1] if isinstance(children[-1], Deadline) else None
        start = children[0].position if by_word else point.start
        return self._date(point, deadline, None if not by_word else Comparator.LE, start)

    def by(self, token: Token) -> Bound:
        """`截至`, `不晚于`, `最迟`: on or before (a date), at most (an amount)."""
        return Bound(Comparator.LE, pos(token))

    def compared_date(self, prefix: Bound, point: Point, *rest: Any) -> Core:
        deadline: Deadline | None = rest[0] if rest else None
        if deadline is not None and deadline.mode != "end" and prefix.op is not Comparator.LE:
            raise SemanticError(
                f"{prefix.op.symbol} and 前/内 after the date disagree",
                prefix.position,
                ambiguous=True,
            )
        return self._date(point, deadline, prefix.op, prefix.position)

    def short_month_end(self, month: Any, end_word: Token, *before: Token) -> Core:
        """Read `12底前`: 月 was dropped, but a month number with 底 is still a month end."""
        number, position = month_of(month)
        point = Point(None, MonthDay(number, 0), MonthDay(number, 0), position, end(end_word))
        deadline = (
            Deadline("end_before", end(before[0])) if before else Deadline("end", end(end_word))
        )
        return self._date(point, deadline, None, position)

    def _date(
        self, point: Point, deadline: Deadline | None, op: Comparator | None, start: int
    ) -> Core:
        stop = deadline.end if deadline else point.end
        mode = deadline.mode if deadline else None
        if mode in ("end", "end_before"):
            point = point._replace(first=point.last)
        if mode in ("before", "end_before"):
            op = Comparator.LE
        if point.whole_year and mode is None:
            if point.year is None:
                raise SemanticError("年 alone is not a date", point.start)  # nor `≥年`, `=年`
            if op is None:
                whole = {"start": dt.date(point.year, 1, 1), "end": dt.date(point.year, 12, 31)}
                return Core(PeriodValue, whole, start, stop)
        fields: dict[str, Any] = {"op": op or Comparator.EQ, "op_explicit": op is not None}
        bare = point.bare_day and deadline is None  # `3月5次`: 5 may be a count, not the 5th
        if point.year is None:
            fields["yearless"] = YearlessSpan(point.first, point.last)
            return Core(DateValue, fields, start, stop, (), (YEARLESS_WARNING,), bare_end=bare)
        fields["start"] = point.first.on(point.year)
        fields["end"] = point.last.on(point.year)
        return Core(DateValue, fields, start, stop, bare_end=bare)

    # ------------------------------------------------------------------ periods
    def _period(self, first: Point, last: Point, start: int, stop: int) -> Core:
        year = first.year
        last_year = last.year if last.year is not None else year
        if year is None or last_year is None:
            if first.year is None and last.year is None:
                span = YearlessSpan(first.first, last.last)
                if (span.start and span.end) and (span.start.month, span.start.day or 31) > (
                    span.end.month,
                    span.end.day or 31,
                ):
                    raise SemanticError("the period ends before it starts", start)
                return Core(PeriodValue, {"yearless": span}, start, stop, (), (YEARLESS_WARNING,))
            raise SemanticError("only the second end of the period has a year", start)
        fields = {"start": first.first.on(year), "end": last.last.on(last_year)}
        return Core(PeriodValue, fields, start, stop)

    def compared_period(self, prefix: Bound, period: Core) -> Core:
        """`＝2025年1月至12月`: the 计算符号 cell's ＝ before a period, which it only confirms."""
        if prefix.op is not Comparator.EQ:
            raise SemanticError(
                f"{prefix.op.symbol} before a period: a period has no comparator",
                prefix.position,
                ambiguous=True,
            )
        return period._replace(start=prefix.position)

    def span(self, first: Point, _sep: Token, last: Point) -> Core:
        return self._period(first, last, first.start, last.end)

    def month_pair(
        self, year: Token, _w: Token, first: Any, _m1: Token, last: Any, word: Token
    ) -> Core:
        first_month, _ = month_of(first)
        last_month, _ = month_of(last)
        begin = Point(
            year_of(year), MonthDay(first_month, 1), MonthDay(first_month, 0), pos(year), 0
        )
        finish = Point(
            year_of(year), MonthDay(last_month, 1), MonthDay(last_month, 0), 0, end(word)
        )
        return self._period(begin, finish, pos(year), end(word))

    month_span = month_pair

    def year_part_span(self, year: Token, _w: Token, part: tuple[MonthDay, MonthDay, int]) -> Core:
        first, last, stop = part
        number = year_of(year)
        fields = {"start": first.on(number), "end": last.on(number)}
        return Core(PeriodValue, fields, pos(year), stop)

    def whole_year(self, token: Token) -> tuple[MonthDay, MonthDay, int]:
        return MonthDay(1, 1), MonthDay(12, 0), end(token)

    def half_year(self, token: Token) -> tuple[MonthDay, MonthDay, int]:
        return _half(token)

    def quarter(self, *children: Any) -> tuple[MonthDay, MonthDay, int]:
        return _quarter(children)

    def this_year(self, token: Token) -> Core:
        return _yearless_part(MonthDay(1, 1), MonthDay(12, 0), pos(token), end(token))

    def this_year_half(self, token: Token) -> Core:
        """`上半年`, `下半年完成`: a half of the document's year."""
        first, last, stop = _half(token)
        return _yearless_part(first, last, pos(token), stop)

    def this_year_quarter(self, *children: Any) -> Core:
        """`第三季度`, `4季度完成`: a quarter of the document's year."""
        first, last, stop = _quarter(children)
        start = children[0]
        return _yearless_part(
            first, last, pos(start) if isinstance(start, Token) else start[1], stop
        )

    def yearless_month_span(self, months: Token, word: Token) -> Core:
        """`1-12月`: months of the document's year."""
        first, last = (int(part) for part in regex.findall(r"[0-9]+", str(months)))
        begin = Point(None, MonthDay(first, 1), MonthDay(first, 0), pos(months), 0)
        finish = Point(None, MonthDay(last, 1), MonthDay(last, 0), 0, end(word))
        return self._period(begin, finish, pos(months), end(word))

    def dotted_short_span(self, token: Token) -> Core:
        """`2021.1.1-12.31`: the second date takes the first one's year."""
        year, month, day, last_month, last_day = (
            int(part) for part in regex.findall(r"[0-9]+", str(token))
        )
        first = day_of((day, pos(token)), month)
        last = day_of((last_day, pos(token)), last_month)
        begin = Point(year, first, first, pos(token), 0)
        finish = Point(year, last, last, 0, end(token))
        return self._period(begin, finish, pos(token), end(token))


def _yearless_part(first: MonthDay, last: MonthDay, start: int, stop: int) -> Core:
    """Return a span of the document's year (the year comes from ``year=``), with a warning."""
    fields = {"yearless": YearlessSpan(first, last)}
    return Core(PeriodValue, fields, start, stop, (), (YEARLESS_WARNING,))


def _half(token: Token) -> tuple[MonthDay, MonthDay, int]:
    """Return the months of 上半年 or 下半年, and where the word ends."""
    if str(token) == "上半年":
        return MonthDay(1, 1), MonthDay(6, 0), end(token)
    return MonthDay(7, 1), MonthDay(12, 0), end(token)


def _quarter(children: tuple[Any, ...]) -> tuple[MonthDay, MonthDay, int]:
    """Return the months of quarter N (`第3季度`) and where 季度 ends; refuse a fifth one."""
    number, position = next(c for c in children if isinstance(c, tuple))
    if not 1 <= number <= 4:
        raise SemanticError(f"there is no quarter {number}", position)
    first_month = 3 * number - 2
    return MonthDay(first_month, 1), MonthDay(first_month + 2, 0), end(children[-1])


def _xun_days(xun: Token) -> tuple[int, int]:
    """Return the first and last day of 上旬, 中旬 or 下旬 (0: the month's last day)."""
    first, last = mapping("xun")[str(xun)].split("-")
    return int(first), int(last)
