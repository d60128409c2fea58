"""Lark Transformer: the parse tree of grammar/perfmetrics.lark → model objects.

One method per rule or alias, named like it. The transformer keeps no per-parse state, so one
instance is shared (it is handed to the LALR parser, which then builds no tree at all). Problems
found here (month 13, reversed range, several targets in one cell) raise :class:`SemanticError`
with the offending offset; parser.py turns it into a :class:`perfmetrics.ParseError`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

import regex
from lark import Token, Transformer

from perfmetrics.errors import SemanticError
from perfmetrics.units.registry import canonical_spelling
from perfmetrics.values.model import (
    COMPARATOR_OF_TERMINAL,
    Amount,
    Comparator,
    DateValue,
    MonthDay,
    PeriodValue,
    QuantityValue,
    RangeValue,
    Value,
    YearlessSpan,
)

__all__ = ["UNKNOWN_UNIT_WARNING", "Bound", "ValueTransformer", "chinese_number"]

#: 10**n for each multiplier word.
MULTIPLIER_EXPONENT = {
    "十": 1,
    "百": 2,
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "万亿": 12,
}
#: More significant digits than this would be rounded by Decimal arithmetic: refuse them.
MAX_DIGITS = 28
#: Percentages beyond this are not rates but typing errors (or overflow).
MAX_PERCENT = Decimal(1_000_000)

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: A trailing note that opens with an operator or a symbol continues the value (`*5趟*20天=200人次`,
#: `1+X`, `5%%`); one that opens with a list separator and holds a digit lists several targets
#: (`200M、300M`). Either way no single target can be read.
_OPERATOR_START = regex.compile(r"^[*×+=/%‰.#&~·^-]")
_SEPARATOR_START = regex.compile(r"^[、,;；]")
#: `1e309`: scientific notation is never used in these tables; reading 1 and a note would be wrong.
_EXPONENT_START = regex.compile(r"^[eE][+-]?\d")
#: A time unit followed by 前/后 names a point in time (`20日前`: before the 20th), not a duration.
_POINT_IN_TIME = ("前", "后", "以前", "以后", "之前", "之后")
_TIME_UNITS = frozenset({"天", "小时", "分钟", "秒", "周", "月", "年", "工作日", "季度"})
#: Single characters that follow numbers but are words, not units (`≤1 否`).
_NOT_UNITS = frozenset("是否有无及和或等内外前后上下多余起止共约每各")
#: A leading note ending in a negation turns the comparator around (`未超过5%`).
_NEGATION_END = ("未", "不", "无", "没", "非", "没有")
_ONE_HAN = regex.compile(r"^\p{Han}$")
#: A repeated cell is at most this long; longer digit-led tails are not re-parsed (which keeps
#: parsing linear: a tail of numbers is never read again and again).
_MAX_REPEAT = 40
#: Start of the warning given when an unknown word is kept as a unit (strict mode refuses it).
UNKNOWN_UNIT_WARNING = "not a known unit:"
_YEARLESS_WARNING = "year not written: pass year= to place it in a year"


#: Public attributes of the transformer that are not grammar rules (Lark's own API).
_NOT_RULES = frozenset({"transform", "visit_tokens"})


def chinese_number(text: str) -> int:
    """Read a small Chinese numeral.

    >>> [chinese_number(text) for text in ("两", "十二", "二十", "三百零五")]
    [2, 12, 20, 305]
    """
    total = 0
    digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + digit


def _pos(token: Token) -> int:
    return int(token.start_pos or 0)


def _end(token: Token) -> int:
    return int(token.end_pos or 0)


class _Number(NamedTuple):
    value: Decimal
    start: int
    end: int
    multiplied: bool
    negative: bool


class _Note(NamedTuple):
    text: str
    start: int


class Bound(NamedTuple):
    """A comparator read from the text, and where it starts (prefix) or ends (suffix)."""

    op: Comparator
    position: int


class _AmountPart(NamedTuple):
    amount: Amount
    start: int
    end: int
    warnings: tuple[str, ...]


class _Unit(NamedTuple):
    text: str
    end: int


class _Core(NamedTuple):
    """A value before its notes are attached: its class and fields, its span and note words.

    The model is built once, in ``start``, with everything in place (no evolve per parse).
    """

    cls: type[Value]
    fields: dict[str, Any]
    start: int
    end: int
    notes_before: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    notes_after: tuple[str, ...] = ()

    def build(self, fields: dict[str, Any] | None = None, **extra: Any) -> Value:
        """Instantiate the model; a validator's refusal becomes a SemanticError at the span."""
        try:
            return self.cls(**(self.fields if fields is None else fields), **extra)
        except ValueError as exc:
            raise SemanticError(str(exc), self.start) from exc


class _Deadline(NamedTuple):
    """How a date is bounded (``end`` 底, ``end_before`` 底前, ``before`` 前/内), and its end."""

    mode: str
    end: int


class _Point(NamedTuple):
    """A calendar point: a year (or None), and first/last month-day it covers."""

    year: int | None
    first: MonthDay
    last: MonthDay
    start: int
    end: int
    whole_year: bool = False


def _scaled(value: Decimal, multiplier: Token) -> Decimal:
    """Fold a multiplier word into the number, keeping plain notation (1.7万 → 17000)."""
    scaled = value.scaleb(MULTIPLIER_EXPONENT[str(multiplier)])
    _check_digits(scaled, _pos(multiplier))
    exponent = scaled.as_tuple().exponent
    return scaled.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else scaled


def _repeats(value: Value, repeated: Value | None) -> bool:
    """Say whether ``repeated`` is ``value`` written again (its comparator may be left out)."""
    if repeated is None:
        return False
    if repeated == value:
        return True
    return (
        isinstance(value, QuantityValue)
        and isinstance(repeated, QuantityValue)
        and not repeated.op_explicit
        and repeated.amount == value.amount
    )


def _check_digits(value: Decimal, position: int) -> None:
    _, digit_tuple, exponent = value.as_tuple()
    digits = len(digit_tuple) + (exponent if isinstance(exponent, int) and exponent > 0 else 0)
    if digits > MAX_DIGITS:
        raise SemanticError(
            f"number has {digits} significant digits; more than {MAX_DIGITS} cannot be kept exact",
            position,
        )


def _month(token: Any) -> tuple[int, int]:
    """Return (month, position) from a month_number subtree result."""
    number, position = token
    if not 1 <= number <= 12:
        raise SemanticError(f"there is no month {number}", position)
    return number, position


def _day(token: Any, month: int) -> MonthDay:
    number, position = token
    if not 1 <= number <= 31 or number > calendar.monthrange(2024, month)[1]:
        raise SemanticError(f"there is no day {number} in month {month}", position)
    return MonthDay.of(month, int(number))


def _year(token: Token) -> int:
    return int(str(token))


def _spread(method: Callable[..., Any]) -> Callable[[list[Any]], Any]:
    """Call ``method`` with the children as positional arguments, as ``v_args(inline=True)`` does.

    One lambda frame instead of Lark's two-frame visit wrapper: parse speed is a requirement, and
    the wrapper cost about a tenth of it (benchmarks/bench_parse.py).
    """
    return lambda children: method(*children)


class ValueTransformer(Transformer[Token, Value]):
    """Build a :class:`perfmetrics.values.model.Value` from a parse; holds no per-parse state.

    Methods are written with the rule's children as positional parameters; ``__init__`` binds each
    to a spreading callable, which Lark calls with the children list.
    """

    def __init__(self) -> None:
        super().__init__()
        for name in dir(type(self)):
            if not name.startswith("_") and name not in _NOT_RULES:
                setattr(self, name, _spread(getattr(self, name)))

    # ------------------------------------------------------------------ top level
    def start(self, *children: Any) -> Value:
        lead: _Note | None = None
        trail: Token | None = None
        core: _Core | None = None
        for child in children:
            if isinstance(child, _Core):
                core = child
            elif isinstance(child, Token):
                trail = child
            else:
                lead = child
        assert core is not None
        # Notes before the number are one run of characters (the lexer drops the spaces between
        # them, so they are joined without any); notes after the value are joined by spaces.
        before = list(core.notes_before)
        after = list(core.notes_after)
        warnings = list(core.warnings)
        fields = core.fields
        if lead is not None:
            if lead.text.endswith(_NEGATION_END):
                raise SemanticError(
                    f"a negation ({lead.text}) before the value turns its meaning around",
                    lead.start,
                    ambiguous=True,
                )
            before.insert(0, lead.text)
        if trail is not None:
            trail_text = str(trail).strip()
            self._check_trail(core, trail_text, _pos(trail))
            amount = fields.get("amount")
            if trail_text[0].isdigit():
                # _check_trail let it through: the same value written twice (PDF exports repeat
                # a cell), so the copy is dropped.
                trail_text = ""
            elif (
                isinstance(amount, Amount)
                and not amount.unit
                and _ONE_HAN.match(trail_text)
                and trail_text not in _NOT_UNITS
                and not before
                and not after
            ):
                # An unknown counting word (`≥30艘`): keep it as a unit of its own, and say so.
                fields = {**fields, "amount": Amount(amount.magnitude, trail_text)}
                warnings.append(
                    f"{UNKNOWN_UNIT_WARNING} {trail_text!r}: kept as a counting unit of its own"
                )
                trail_text = ""
            if trail_text:
                after.append(trail_text)
        return core.build(
            fields,
            note=" ".join(part for part in ("".join(before), " ".join(after)) if part),
            warnings=tuple(warnings),
            span=(core.start, core.end),
            note_split=len("".join(before)),
        )

    @staticmethod
    def _check_trail(core: _Core, trail_text: str, position: int) -> None:
        """Refuse a trailing text that shows the cell is not one target."""
        if (
            _OPERATOR_START.match(trail_text)
            or _EXPONENT_START.match(trail_text)
            or (_SEPARATOR_START.match(trail_text) and regex.search(r"\d", trail_text))
        ):
            raise SemanticError(
                f"{trail_text!r} continues the value: several targets or a calculation",
                position,
                ambiguous=True,
            )
        amount = core.fields.get("amount")
        if (
            core.cls is QuantityValue
            and isinstance(amount, Amount)
            and amount.unit in _TIME_UNITS
            and trail_text.startswith(_POINT_IN_TIME)
        ):
            raise SemanticError(
                f"{amount}{trail_text[0]} names a point in time, not a duration",
                position,
                ambiguous=True,
            )
        if trail_text[0].isdigit():
            if len(trail_text) > _MAX_REPEAT:
                raise SemanticError("a second number follows the value", position, ambiguous=True)
            from perfmetrics.values.parser import parse_value

            try:
                repeated = parse_value(trail_text)
            except ValueError:
                repeated = None
            if not _repeats(core.build(), repeated):
                raise SemanticError(
                    f"a second number ({trail_text!r}) follows the value", position, ambiguous=True
                )

    def hedge_lead(self, word: Token) -> _Note:
        return _Note(str(word), _pos(word))

    def lead_note(self, *chars: Token) -> _Note:
        return _Note("".join(str(c) for c in chars), _pos(chars[0]))

    mid_note = lead_note

    # ------------------------------------------------------------------ quantities
    def quantity(self, *children: Any) -> _Core:
        prefix: Bound | None = None
        suffix: Bound | None = None
        before: list[str] = []
        after: list[str] = []
        number: _Number | None = None
        unit: _Unit | None = None
        over = False
        end = 0
        for child in children:
            if isinstance(child, Bound):
                if number is None:
                    prefix = child
                else:
                    suffix = child
                    end = child.position
            elif isinstance(child, _Note):
                before.append(child.text)
            elif isinstance(child, _Number):
                number = child
                end = child.end
            elif isinstance(child, _Unit):
                unit = child
                end = child.end
            elif child.type == "OVER":
                over = True
            else:  # HEDGE_AFTER (左右)
                after.append(str(child))
                end = _end(child)
        assert number is not None
        part = self._make_amount(number, unit)
        start = prefix.position if prefix else part.start
        if prefix and suffix and prefix.op is not suffix.op:
            raise SemanticError(
                f"the comparator before ({prefix.op.symbol}) and after ({suffix.op.symbol}) "
                "disagree",
                start,
                ambiguous=True,
            )
        if over:
            if prefix or suffix:
                raise SemanticError(
                    "余/多 (more than) and a comparator together", start, ambiguous=True
                )
            prefix = Bound(Comparator.GT, part.start)
        bound = prefix or suffix
        fields = {
            "op": bound.op if bound else Comparator.EQ,
            "op_explicit": bound is not None,
            "amount": part.amount,
        }
        return _Core(QuantityValue, fields, start, end, tuple(before), part.warnings, tuple(after))

    def _prefix(self, token: Token) -> Bound:
        return Bound(COMPARATOR_OF_TERMINAL[token.type], _pos(token))

    ge = le = gt = lt = eq = _prefix

    def ge_suffix(self, *tokens: Token) -> Bound:
        return Bound(Comparator.GE, _end(tokens[-1]))

    def le_suffix(self, *tokens: Token) -> Bound:
        return Bound(Comparator.LE, _end(tokens[-1]))

    def _make_amount(self, number: _Number, unit: _Unit | None) -> _AmountPart:
        unit_text = unit.text if unit else ""
        warnings: tuple[str, ...] = ()
        if number.multiplied and not unit_text:
            warnings = (
                f"multiplier folded into {number.value}; no unit was written, so the unit is "
                "unknown",
            )
        if (
            number.negative
            and unit_text
            and "/" not in unit_text
            and unit_text not in ("%", "‰", "℃")
        ):
            raise SemanticError(
                f"a count or amount of {unit_text} cannot be negative", number.start
            )
        if unit_text in ("%", "‰") and abs(number.value) > MAX_PERCENT:
            raise SemanticError(
                f"{number.value}{unit_text} is not a plausible rate (more than {MAX_PERCENT}%)",
                number.start,
            )
        end = unit.end if unit else number.end
        return _AmountPart(Amount(number.value, unit_text), number.start, end, warnings)

    def arabic(self, *tokens: Token) -> _Number:
        negative = tokens[0].type == "MINUS"
        digits_token = tokens[1] if negative else tokens[0]
        value = Decimal(str(digits_token).replace(",", ""))
        _check_digits(value, _pos(digits_token))
        multiplied = False
        end = _end(digits_token)
        if tokens[-1].type == "MULT":
            value = _scaled(value, tokens[-1])
            multiplied = True
            end = _end(tokens[-1])
        if negative:
            value = -value
        return _Number(value, _pos(tokens[0]), end, multiplied, negative)

    def chinese(self, digits: Token, mult: Token | None = None) -> _Number:
        value = Decimal(chinese_number(str(digits)))
        end = _end(digits)
        if mult is not None:
            value = _scaled(value, mult)
            end = _end(mult)
        return _Number(value, _pos(digits), end, mult is not None, False)

    # ------------------------------------------------------------------ units
    def compound_unit(self, first: _Unit, *divisors: _Unit) -> _Unit:
        text = "/".join([first.text, *(d.text for d in divisors)])
        return _Unit(text, divisors[-1].end)

    def product(self, *atoms: _Unit) -> _Unit:
        return _Unit("·".join(a.text for a in atoms), atoms[-1].end)

    def _atom(self, token: Token) -> _Unit:
        return _Unit(canonical_spelling(str(token)), _end(token))

    money_unit = percent_unit = point_unit = count_unit = time_unit = other_unit = _atom
    year_unit = day_unit = month_unit = each_unit = _atom

    def _measured(self, _measure: Token, token: Token) -> _Unit:
        return _Unit(canonical_spelling(str(token)), _end(token))

    measured_time = measured_month = measured_year = measured_point = measured_count = _measured

    # ------------------------------------------------------------------ ranges
    def range(self, *children: Any) -> _Core:
        numbers: list[_Number] = []
        parts: list[_Unit | None] = [None, None]
        hedge: tuple[str, ...] = ()
        for child in children:
            if isinstance(child, _Number):
                numbers.append(child)
            elif isinstance(child, _Unit):
                parts[len(numbers) - 1] = child
            elif child.type == "HEDGE_AFTER":  # 左右
                hedge = (str(child),)
        low_number, high_number = numbers
        low_unit, high_unit = parts
        if low_unit is None and high_unit is not None:
            low_unit = _Unit(high_unit.text, low_number.end)
        low_part = self._make_amount(low_number, low_unit)
        high_part = self._make_amount(high_number, high_unit)
        low, high, start, end = low_part.amount, high_part.amount, low_part.start, high_part.end
        if low.unit != high.unit:
            from perfmetrics.units.registry import same_dimension

            if not same_dimension(low.unit, high.unit):
                raise SemanticError(
                    f"the two ends of the range are in different units ({low.unit or 'none'}, "
                    f"{high.unit or 'none'})",
                    start,
                )
        fields = {"lower": low, "upper": high}
        warnings = low_part.warnings + high_part.warnings
        return _Core(RangeValue, fields, start, end, (), warnings, hedge)

    # ------------------------------------------------------------------ calendar points
    def month_number(self, token: Token) -> tuple[int, int]:
        text = str(token)
        number = chinese_number(text) if token.type == "CN_NUMBER" else int(Decimal(text))
        if token.type == "NUMBER" and "." in text:
            raise SemanticError(f"a month or day is a whole number, not {text}", _pos(token))
        return number, _pos(token)

    def year_only(self, year: Token, word: Token) -> _Point:
        return _Point(_year(year), MonthDay(1, 1), MonthDay(12, 0), _pos(year), _end(word), True)

    def year_month(self, year: Token, _w: Token, month: Any, word: Token) -> _Point:
        number, _ = _month(month)
        return _Point(_year(year), MonthDay(number, 1), MonthDay(number, 0), _pos(year), _end(word))

    def year_month_day(
        self, year: Token, _w: Token, month: Any, _m: Token, day: Any, *word: Token
    ) -> _Point:
        number, _ = _month(month)
        point = _day(day, number)
        end = _end(word[0]) if word else day[1] + len(str(day[0]))
        return _Point(_year(year), point, point, _pos(year), end)

    def month_only(self, month: Any, word: Token) -> _Point:
        number, position = _month(month)
        return _Point(None, MonthDay(number, 1), MonthDay(number, 0), position, _end(word))

    def month_day(self, month: Any, _m: Token, day: Any, *word: Token) -> _Point:
        number, position = _month(month)
        point = _day(day, number)
        end = _end(word[0]) if word else day[1] + len(str(day[0]))
        return _Point(None, point, point, position, end)

    def bare_year(self, word: Token) -> _Point:
        return _Point(None, MonthDay(1, 1), MonthDay(12, 0), _pos(word), _end(word), True)

    def dotted_month(self, token: Token) -> _Point:
        year_text, month_text = regex.split(r"[./]", str(token))
        month = int(month_text)
        if not 1 <= month <= 12:
            raise SemanticError(f"there is no month {month}", _pos(token))
        return _Point(
            int(year_text), MonthDay(month, 1), MonthDay(month, 0), _pos(token), _end(token)
        )

    def dotted_date(self, token: Token) -> _Point:
        year_text, month_text, day_text = regex.split(r"[./-]", str(token))
        year, month, day = int(year_text), int(month_text), int(day_text)
        if day > calendar.monthrange(year, month)[1]:
            raise SemanticError(f"there is no day {day} in {year}-{month:02d}", _pos(token))
        point = MonthDay.of(month, day)
        return _Point(year, point, point, _pos(token), _end(token))

    # ------------------------------------------------------------------ dates
    def end_of(self, token: Token) -> _Deadline:
        return _Deadline("end", _end(token))

    def end_of_before(self, _end_word: Token, token: Token) -> _Deadline:
        return _Deadline("end_before", _end(token))

    def before(self, token: Token) -> _Deadline:
        return _Deadline("before", _end(token))

    def within(self, *tokens: Token) -> _Deadline:
        return _Deadline("before", _end(tokens[-1]))

    def date(self, *children: Any) -> _Core:
        by_word = isinstance(children[0], Token)
        point: _Point = children[1] if by_word else children[0]
        deadline = children[-1] if isinstance(children[-1], _Deadline) else None
        start = _pos(children[0]) if by_word else point.start
        return self._date(point, deadline, None if not by_word else Comparator.LE, start)

    def compared_date(self, prefix: Bound, point: _Point, *rest: Any) -> _Core:
        deadline: _Deadline | None = rest[0] if rest else None
        if deadline is not None and deadline.mode != "end" and prefix.op is not Comparator.LE:
            raise SemanticError(
                f"{prefix.op.symbol} and 前/内 after the date disagree",
                prefix.position,
                ambiguous=True,
            )
        return self._date(point, deadline, prefix.op, prefix.position)

    def short_month_end(self, month: Any, end_word: Token, *before: Token) -> _Core:
        """Read `12底前`: 月 was dropped, but a month number with 底 is still a month end."""
        number, position = _month(month)
        point = _Point(None, MonthDay(number, 0), MonthDay(number, 0), position, _end(end_word))
        deadline = (
            _Deadline("end_before", _end(before[0])) if before else _Deadline("end", _end(end_word))
        )
        return self._date(point, deadline, None, position)

    def _date(
        self, point: _Point, deadline: _Deadline | None, op: Comparator | None, start: int
    ) -> _Core:
        end = deadline.end if deadline else point.end
        mode = deadline.mode if deadline else None
        if mode in ("end", "end_before"):
            point = point._replace(first=point.last)
        if mode in ("before", "end_before"):
            op = Comparator.LE
        if op is None and point.whole_year and mode is None:
            if point.year is None:
                raise SemanticError("年 alone is not a date", point.start)
            whole = {"start": dt.date(point.year, 1, 1), "end": dt.date(point.year, 12, 31)}
            return _Core(PeriodValue, whole, start, end)
        explicit = op is not None
        op = op or Comparator.EQ
        fields: dict[str, Any] = {"op": op, "op_explicit": explicit}
        if point.year is None:
            fields["yearless"] = YearlessSpan(point.first, point.last)
            return _Core(DateValue, fields, start, end, (), (_YEARLESS_WARNING,))
        fields["start"] = point.first.on(point.year)
        fields["end"] = point.last.on(point.year)
        return _Core(DateValue, fields, start, end)

    # ------------------------------------------------------------------ periods
    def _period(self, first: _Point, last: _Point, start: int, end: int) -> _Core:
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
                return _Core(PeriodValue, {"yearless": span}, start, end, (), (_YEARLESS_WARNING,))
            raise SemanticError("only the second end of the period has a year", start)
        fields = {"start": first.first.on(year), "end": last.last.on(last_year)}
        return _Core(PeriodValue, fields, start, end)

    def span(self, first: _Point, _sep: Token, last: _Point) -> _Core:
        return self._period(first, last, first.start, last.end)

    def month_pair(
        self, year: Token, _w: Token, first: Any, _m1: Token, last: Any, word: Token
    ) -> _Core:
        first_month, _ = _month(first)
        last_month, _ = _month(last)
        begin = _Point(
            _year(year), MonthDay(first_month, 1), MonthDay(first_month, 0), _pos(year), 0
        )
        finish = _Point(
            _year(year), MonthDay(last_month, 1), MonthDay(last_month, 0), 0, _end(word)
        )
        return self._period(begin, finish, _pos(year), _end(word))

    month_span = month_pair

    def year_part_span(self, year: Token, _w: Token, part: tuple[MonthDay, MonthDay, int]) -> _Core:
        first, last, end = part
        number = _year(year)
        fields = {"start": first.on(number), "end": last.on(number)}
        return _Core(PeriodValue, fields, _pos(year), end)

    def whole_year(self, token: Token) -> tuple[MonthDay, MonthDay, int]:
        return MonthDay(1, 1), MonthDay(12, 0), _end(token)

    def half_year(self, token: Token) -> tuple[MonthDay, MonthDay, int]:
        if str(token) == "上半年":
            return MonthDay(1, 1), MonthDay(6, 0), _end(token)
        return MonthDay(7, 1), MonthDay(12, 0), _end(token)

    def quarter(self, *children: Any) -> tuple[MonthDay, MonthDay, int]:
        number, position = next(c for c in children if isinstance(c, tuple))
        if not 1 <= number <= 4:
            raise SemanticError(f"there is no quarter {number}", position)
        first_month = 3 * number - 2
        return MonthDay(first_month, 1), MonthDay(first_month + 2, 0), _end(children[-1])

    def this_year(self, token: Token) -> _Core:
        fields = {"yearless": YearlessSpan(MonthDay(1, 1), MonthDay(12, 0))}
        return _Core(PeriodValue, fields, _pos(token), _end(token), (), (_YEARLESS_WARNING,))
