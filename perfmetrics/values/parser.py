"""Locate the grammar, build one cached LALR parser, and turn Lark's errors into ours."""

from __future__ import annotations

import functools
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import lark.lexer as lark_lexer
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    MissingNumberError,
    ParseError,
    SemanticError,
)
from perfmetrics.values.normalize import Cleaned, clean, visible
from perfmetrics.values.notices import WarningCode, find_warning
from perfmetrics.values.pieces import Repeated
from perfmetrics.values.transformer import ValueTransformer
from perfmetrics.vocabulary import words
from perfmetrics.vocabulary.grammar import import_loader

if TYPE_CHECKING:
    from perfmetrics.values.model import Value

__all__ = ["START_SYMBOLS", "check_strict", "grammar_text", "parse_tree", "parse_value"]

_GRAMMAR_NAME = "perfmetrics.lark"

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


def grammar_text() -> str:
    """Return the text of the grammar: the copy inside the installed package, else the checkout's.

    Wheels carry the grammar at ``perfmetrics/grammar/``; an editable install or a plain checkout
    does not, and reads ``grammar/`` beside the package instead.
    """
    packaged = resources.files("perfmetrics").joinpath("grammar", _GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammar" / _GRAMMAR_NAME
    return checkout.read_text(encoding="utf-8")


#: The grammar's start symbols: ``start`` reads a value with notes around it, ``strict`` a bare one.
START_SYMBOLS = ("start", "strict")


_BUILD_LOCK = threading.Lock()


def _build(**options: object) -> Lark:
    """Build the LALR parser from the grammar and the vocabulary module.

    Lark checks every pair of terminals for collisions with the optional package interegular
    whenever it is installed; on the vocabulary's word tries that costs tens of seconds per build.
    The grammar's terminals are checked once, by tests/test_grammar.py and tests/test_vocabulary.py,
    so a run-time build skips it (``strict=True`` builds, which need it, keep it).
    """
    with _BUILD_LOCK:
        saved = lark_lexer.has_interegular
        if not options.get("strict"):
            lark_lexer.has_interegular = False
        try:
            return Lark(
                grammar_text(),
                parser="lalr",
                lexer="contextual",
                start=list(START_SYMBOLS),
                import_paths=[import_loader],
                **options,
            )
        finally:
            lark_lexer.has_interegular = saved


@functools.cache
def _value_parser() -> Lark:
    """Return the parser that runs the transformer as it parses (no tree is built).

    Positions come from the tokens themselves, so ``propagate_positions`` is off here: its
    per-rule wrapper cost a third of the parse time (benchmarks/bench_parse.py).
    """
    return _build(transformer=ValueTransformer())


@functools.cache
def _tree_parser() -> Lark:
    """Return the parser that returns the Lark tree, for inspection and tooling."""
    return _build(propagate_positions=True)


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
            return parser.parse(text, start="start")

        label = exc.match_examples(parse, _ERROR_EXAMPLES, token_type_match_fallback=True)
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
    return cls(text, cleaned.original(position), reason, _expected_names(expected))


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
    except UnexpectedInput as exc:
        raise _translate(text, cleaned, exc) from exc
    except SemanticError as exc:
        raise _semantic_error(text, cleaned, exc) from exc
    except VisitError as exc:
        if isinstance(exc.orig_exc, SemanticError):
            raise _semantic_error(text, cleaned, exc.orig_exc) from exc
        raise ParseError(text, 0, f"cannot read this value: {exc.orig_exc}") from exc
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
    again = "".join(repeated.trail.split())
    if written == again or (
        written.endswith(again) and written[: len(written) - len(again)] in _COMPARATOR_WORDS
    ):
        return repeated.value
    reason = f"a second number ({repeated.trail.strip()!r}) follows the value"
    raise AmbiguousValueError(text, cleaned.original(repeated.position), reason)


def _semantic_error(text: str, cleaned: Cleaned, exc: SemanticError) -> ParseError:
    cls = AmbiguousValueError if exc.ambiguous else ParseError
    return cls(text, cleaned.original(exc.position), exc.reason)


def parse_tree(text: str) -> Tree[Token]:
    """Return Lark's parse tree of ``text`` (after normalization), for inspection.

    Raises:
        ParseError: the text does not fit the grammar.

    """
    cleaned = clean(text)
    try:
        tree: Tree[Token] = _tree_parser().parse(cleaned.text, start="start")
    except UnexpectedInput as exc:
        raise _translate(text, cleaned, exc) from exc
    return tree
