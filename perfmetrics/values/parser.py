"""Locate the grammar, build one cached LALR parser, and turn Lark's errors into ours."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

from perfmetrics.errors import (
    AmbiguousValueError,
    DanglingComparatorError,
    MissingNumberError,
    ParseError,
    SemanticError,
)
from perfmetrics.values.model import COMPARATOR_OF_TERMINAL
from perfmetrics.values.normalize import normalize
from perfmetrics.values.transformer import Bound, ValueTransformer

if TYPE_CHECKING:
    from perfmetrics.values.model import Value

__all__ = ["grammar_text", "parse_tree", "parse_value"]

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


@functools.cache
def _value_parser() -> Lark:
    """Return the parser that runs the transformer as it parses (no tree is built).

    Positions come from the tokens themselves, so ``propagate_positions`` is off here: its
    per-rule wrapper cost a third of the parse time (benchmarks/bench_parse.py).
    """
    return Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=ValueTransformer())


@functools.cache
def _tree_parser() -> Lark:
    """Return the parser that returns the Lark tree, for inspection and tooling."""
    return Lark(grammar_text(), parser="lalr", lexer="contextual", propagate_positions=True)


def _expected_names(names: set[str] | frozenset[str]) -> tuple[str, ...]:
    shown = {_TERMINAL_NAMES.get(name, name) for name in names if name != "LEAD_CHAR"}
    return tuple(sorted(shown))


def _translate(text: str, exc: UnexpectedInput) -> ParseError:
    """Turn a Lark error into a ParseError subclass that says what went wrong."""
    expected: set[str] = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    if isinstance(exc, UnexpectedEOF):
        position = len(text.rstrip())
    elif isinstance(exc, UnexpectedCharacters):
        position = int(exc.pos_in_stream or 0)
    else:
        token = getattr(exc, "token", None)
        if token is not None and token.type != "$END":
            position = int(token.start_pos or 0)
        else:
            position = len(text.rstrip())
    at_end = position >= len(text.rstrip())
    last = _last_value(exc)
    after_comparator = isinstance(last, Bound) or (
        isinstance(last, Token) and last.type in COMPARATOR_OF_TERMINAL
    )
    if at_end and after_comparator:
        return DanglingComparatorError(
            text, position, "the comparator has no number after it", _expected_names(expected)
        )
    if after_comparator and ("NUMBER" in expected or "CN_NUMBER" in expected):
        return MissingNumberError(text, position, "no number here", _expected_names(expected))
    reason = "unexpected end of text" if at_end else f"unexpected {text[position]!r}"
    return ParseError(text, position, reason, _expected_names(expected))


def _last_value(exc: UnexpectedInput) -> object:
    """Return the top of the parser's value stack when it failed (what was read just before)."""
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is None:
        return None
    stack = interactive.parser_state.value_stack
    return stack[-1] if stack else None


def parse_value(text: str) -> Value:
    """Parse ``text`` into a model value, or raise :class:`ParseError` (never a Lark error).

    The value carries no ``text`` yet; :func:`perfmetrics.parse` fills it in.
    """
    normalized = normalize(text)
    try:
        value: Value = _value_parser().parse(normalized)  # type: ignore[assignment]
    except UnexpectedInput as exc:
        raise _translate(text, exc) from exc
    except SemanticError as exc:
        raise _semantic_error(text, exc) from exc
    except VisitError as exc:
        if isinstance(exc.orig_exc, SemanticError):
            raise _semantic_error(text, exc.orig_exc) from exc
        raise ParseError(text, 0, f"cannot read this value: {exc.orig_exc}") from exc
    return value


def _semantic_error(text: str, exc: SemanticError) -> ParseError:
    cls = AmbiguousValueError if exc.ambiguous else ParseError
    return cls(text, exc.position, exc.reason)


def parse_tree(text: str) -> Tree[Token]:
    """Return Lark's parse tree of ``text`` (after normalization), for inspection.

    Raises:
        ParseError: the text does not fit the grammar.

    """
    try:
        tree: Tree[Token] = _tree_parser().parse(normalize(text))
    except UnexpectedInput as exc:
        raise _translate(text, exc) from exc
    return tree
