"""Run the LALR parser of :mod:`perfmetrics.values.lark_build` and turn Lark's errors into ours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import regex
from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    MissingNumberError,
    ParseError,
    SemanticError,
)
from perfmetrics.values.lark_build import START_SYMBOLS, grammar_text
from perfmetrics.values.lark_build import tree_parser as _tree_parser
from perfmetrics.values.lark_build import value_parser as _value_parser
from perfmetrics.values.normalize import Cleaned, clean, visible
from perfmetrics.values.notices import WarningCode, find_warning
from perfmetrics.values.pieces import Repeated
from perfmetrics.vocabulary import words

if TYPE_CHECKING:
    from perfmetrics.values.model import Value

__all__ = ["START_SYMBOLS", "check_strict", "grammar_text", "parse_tree", "parse_value"]

#: Readable names for the terminals an error message may list as expected.
_TERMINAL_NAMES = {
    "NUMBER": "a number",
    "CN_NUMBER": "a number",
    "$END": "the end of the text",
    "TRAIL_NOTE": "a note",
    "GE_SUFFIX": "以上",
    "LE_SUFFIX": "以下/以内",
    "MONTH_WORD": "月",
    "DAY_WORD": "日",
    "YEAR_WORD": "年",
    "RANGE_SEP": "a range separator (- ~ 至)",
}
#: Terminals never worth naming in an error (free-text catch-alls).
_UNSHOWN = frozenset({"LEAD_CHAR", "NEGATION", "TRAIL_NOTE"})


def _expected_names(names: set[str] | frozenset[str]) -> tuple[str, ...]:
    shown = {_TERMINAL_NAMES.get(name, name) for name in names if name not in _UNSHOWN}
    return tuple(sorted(shown))


#: Malformed values whose errors name the error class, for Lark's ``match_examples``: an error in
#: the same parser state (and with the same token) as one of these gets that class.
_ERROR_EXAMPLES: dict[str, list[str]] = {
    "dangling": ["≥", "不超过", "大于", "<"],
    "missing_number": ["≥%", "不低于人", "≥万元", "≥≥", "≥年", "不低于个"],
}
_ERROR_CLASSES: dict[str | None, tuple[type[ParseError], str | None]] = {
    "dangling": (DanglingComparatorError, "the comparator has no number after it"),
    "missing_number": (MissingNumberError, "no number here"),
    None: (ParseError, None),
}


#: Labels already matched, per (parser state, token type, token text); bounded.
_LABELS: dict[tuple[object, ...], str | None] = {}
_MAX_LABELS = 4096


def _error_label(exc: UnexpectedInput) -> str | None:
    """Return the example label for an error; remembered per parser state and token."""
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedCharacters) or token is None or exc.state is None:
        return None
    state = exc.state
    stack = getattr(state, "state_stack", None)
    where = (len(stack), stack[-1]) if stack else (state,)
    key = (*where, token.type, str(token))
    if key not in _LABELS:
        parser = _value_parser()

        def parse(text: str) -> Any:
            # Only the parser's own errors are compared: an example that the transformer
            # refuses (a SemanticError) parsed, as far as the tables go.
            try:
                return parser.parse(text, start="start")
            except (SemanticError, VisitError):
                return None

        # use_accepts=False: with it, lark 1.3 formats a ParserState with %d in a debug message
        # and raises TypeError whenever two states match with different accepts.
        label = exc.match_examples(
            parse, _ERROR_EXAMPLES, token_type_match_fallback=True, use_accepts=False
        )
        if len(_LABELS) >= _MAX_LABELS:
            _LABELS.clear()
        _LABELS[key] = label if isinstance(label, str) else None
    return _LABELS[key]


def _position(text: str, exc: UnexpectedInput) -> int:
    if isinstance(exc, UnexpectedEOF):
        return len(text.rstrip())
    if isinstance(exc, UnexpectedCharacters):
        return int(exc.pos_in_stream or 0)
    token = getattr(exc, "token", None)
    if token is not None and token.type != "$END":
        return int(token.start_pos or 0)
    return len(text.rstrip())


def _translate(text: str, cleaned: Cleaned, exc: UnexpectedInput) -> ParseError:
    """Turn a Lark error on the cleaned text into a ParseError on the caller's text."""
    expected: set[str] = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    position = _position(cleaned.text, exc)
    at_end = position >= len(cleaned.text.rstrip())
    cls, reason = _ERROR_CLASSES[_error_label(exc)]
    if reason is None:
        reason = "unexpected end of text" if at_end else f"unexpected {cleaned.text[position]!r}"
    _detach(exc)
    return cls(text, cleaned.original(position), reason, _expected_names(expected))


def _detach(exc: UnexpectedInput) -> None:
    """Drop the parser state a Lark error holds, once it is read.

    The error stays the ``__cause__`` of ours, and the state (the parse table, the transformer's
    callbacks) would make ours unpicklable where pickling follows causes (tblib, used by Dask
    and pytest-xdist), and keep the parser's objects alive in the parse cache.
    """
    for name in ("state", "interactive_parser", "considered_rules", "token_history"):
        if hasattr(exc, name):
            setattr(exc, name, None)


def parse_value(text: str) -> Value:
    """Parse ``text`` into a model value, or raise :class:`ParseError` (never a Lark error).

    The value carries no ``text`` yet; :func:`perfmetrics.parse` fills it in.
    """
    return _run(text, "start")


def check_strict(text: str, value: Value) -> Value:
    """Return ``value`` read by the ``strict`` start symbol: the whole text, nothing around it.

    ``value`` is the reading of :func:`parse_value`; it places the error when the strict reading
    fails (text before or after the value, an unknown unit).

    Raises:
        ParseError: the text is more than one structured value.

    """
    try:
        return _run(text, "strict")
    except ParseError as exc:
        start, stop = value.span
        unknown = find_warning(value.warnings, WarningCode.UNKNOWN_UNIT)
        if unknown is not None:
            reason, position = str(unknown), stop
        elif exc.position <= start:
            leading = text[:start]
            reason = "text before the value is not part of it"
            position = len(leading) - len(leading.lstrip())
        elif exc.position >= stop:
            after = text[stop:]
            reason = "text after the value is not part of it"
            position = stop + len(after) - len(after.lstrip())
        else:
            raise
        raise ParseError(text, position, reason) from exc


def _run(text: str, start: str) -> Value:
    cleaned = clean(text)
    try:
        value: Value | Repeated = _value_parser().parse(cleaned.text, start=start)  # type: ignore[assignment]
    except (UnexpectedInput, SemanticError, VisitError) as exc:
        error: tuple[ParseError, Exception] | None = (_error_of(text, cleaned, exc), _cause(exc))
    else:
        error = None
    if error is not None:
        raise error[0] from error[1]
    if isinstance(value, Repeated):
        value = _unrepeated(text, cleaned, value)
    if cleaned.offsets is None:
        return value
    return _in_original_offsets(text, cleaned, value)


def _in_original_offsets(text: str, cleaned: Cleaned, value: Value) -> Value:
    """Point the span into the caller's text; keep the trailing note's own spaces.

    Cleaning joined the words of a note that a space separated (``启动 按时启动``): a note is free
    text, so it is taken from the caller's text again, with only invisible characters removed.
    """
    start, stop = value.span
    changes: dict[str, Any] = {"span": (cleaned.original(start), cleaned.original(stop))}
    lead, trailing = value.note[: value.note_split], value.note[value.note_split :].strip()
    if trailing and trailing == cleaned.text[stop:].strip():
        trailing = visible(text[cleaned.original(stop) :]).strip()
        changes["note"] = " ".join(part for part in (lead, trailing) if part)
    return attrs.evolve(value, **changes)


#: A number as the grammar writes it, for comparing the numbers of a note with the value's.
_NUMBER = regex.compile(r"[0-9]+(?:\.[0-9]+)?")
#: A value that is a number and nothing else (no comparator, no unit).
_BARE_NUMBER = regex.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
#: Every comparator word: a repeated cell may leave its comparator out (`≥95% 95%`).
_COMPARATOR_WORDS = frozenset(
    word
    for group in ("ge_word", "le_word", "gt_word", "lt_word", "eq_word")
    for word in words(group)
)


def _unrepeated(text: str, cleaned: Cleaned, repeated: Repeated) -> Value:
    """Return the value when the number after it writes it again; else refuse the cell.

    Raises:
        AmbiguousValueError: the second number is another target.

    """
    start, stop = repeated.value.span
    written = "".join(cleaned.text[start:stop].split())
    if repeated.kind == "numbered_note":
        # Every number of the note is one of the value's own (`1 场市级大赛 1 场`).
        if set(_NUMBER.findall(repeated.trail)) <= set(_NUMBER.findall(written)):
            return repeated.value
        if _restates(repeated.trail, repeated.value):  # `≥17000人 ≥1.7万人`: the same value
            return repeated.value
        reason = f"the note {repeated.trail.strip()!r} holds another number: a second target"
        raise AmbiguousValueError(text, cleaned.original(repeated.position), reason)
    again = "".join(repeated.trail.split())
    if _BARE_NUMBER.fullmatch(written):
        # `1 1` is as likely `11` with a space in it as a repeated `1`: refused.
        reason = f"a second number ({repeated.trail.strip()!r}) follows a bare number"
        raise AmbiguousValueError(text, cleaned.original(repeated.position), reason)
    if written == again or (
        written.endswith(again) and written[: len(written) - len(again)] in _COMPARATOR_WORDS
    ):
        return repeated.value
    reason = f"a second number ({repeated.trail.strip()!r}) follows the value"
    raise AmbiguousValueError(text, cleaned.original(repeated.position), reason)


def _restates(trail: str, value: Value) -> bool:
    """Say whether ``trail`` is ``value`` written again, in any spelling (notes aside)."""
    try:
        again = _run(trail.strip(), "start")
    except ParseError:
        return False
    return attrs.evolve(again, note="") == attrs.evolve(value, note="")


def _semantic_error(text: str, cleaned: Cleaned, exc: SemanticError) -> ParseError:
    cls = AmbiguousValueError if exc.ambiguous else ParseError
    return cls(text, cleaned.original(exc.position), exc.reason)


def _cause(exc: Exception) -> Exception:
    """Return what a ParseError is chained to: ``exc`` itself, or its text for a Lark error.

    A Lark error holds the parser (and the transformer's bound callbacks) and cannot be rebuilt
    from its arguments, so a chain holding one does not pickle where exceptions are pickled with
    their causes and contexts (tblib, which dask installs): the ParseError is raised outside the
    handler, from a plain exception that keeps the Lark error's kind and message.
    """
    if isinstance(exc, UnexpectedInput | VisitError):
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _error_of(
    text: str, cleaned: Cleaned, exc: UnexpectedInput | SemanticError | VisitError
) -> ParseError:
    """Return the ParseError for what the parser or the transformer raised."""
    if isinstance(exc, UnexpectedInput):
        return _translate(text, cleaned, exc)
    if isinstance(exc, SemanticError):
        return _semantic_error(text, cleaned, exc)
    if isinstance(exc.orig_exc, SemanticError):
        return _semantic_error(text, cleaned, exc.orig_exc)
    return ParseError(text, 0, f"cannot read this value: {exc.orig_exc}")


def parse_tree(text: str) -> Tree[Token]:
    """Return Lark's parse tree of ``text`` (after normalization), for inspection.

    Raises:
        ParseError: the text does not fit the grammar.

    """
    cleaned = clean(text)
    try:
        tree: Tree[Token] = _tree_parser().parse(cleaned.text, start="start")
    except UnexpectedInput as exc:
        error: tuple[ParseError, Exception] | None = (_translate(text, cleaned, exc), _cause(exc))
    else:
        error = None
    if error is not None:
        raise error[0] from error[1]  # no Lark error in the chain (see _cause)
    return tree
