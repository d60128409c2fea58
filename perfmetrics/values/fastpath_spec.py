"""Derive the fast path's regular expressions from the built Lark parser.

Nothing here is written by hand but the shape of the common values (:data:`SLOTS`); every word
comes from the parser's own terminals and every decision from its own tables:

- The fast path reads ``[comparator] number [multiplier] [unit] [以上|以下|以内|内]``. Each token
  of that shape is matched with the terminal's own regular expression in an atomic group (no
  backtracking into a token, as in Lark's lexer), behind a guard: no terminal that Lark's
  contextual lexer tries first, in any parser state where that token can be read, may match
  there (Lark tries a state's terminals in a fixed order: priority, longest possible match,
  name). Terminals that cannot start with the same character are left out of the guard; long
  ones (the unit word list) are checked after the match instead of inside it (``checks``).
  Ignored whitespace is skipped the same way between tokens. So whenever the expression matches
  and the checks pass, Lark's lexer cuts the very same tokens.
- Every combination of the shape is run through the LALR tables of both start symbols (``start``
  and ``strict``): each must be a complete value, reduced by exactly the callbacks the fast path
  stands in for (:data:`ALIASES`). Otherwise :func:`derive_spec` raises ``ValueError`` and there
  is no fast path.
- The qualitative shortcut: the terminals that every value of ``start`` holds one of (numbers,
  years, 今年 …) are found from the grammar's rules; in a text where none of them matches
  anywhere, Lark can only fail.
"""

from __future__ import annotations

import re
from typing import Any

from lark.parsers.lalr_analysis import Shift

from perfmetrics.values.model import COMPARATOR_OF_TERMINAL
from perfmetrics.values.regex_first import first_chars
from perfmetrics.values.transformer import ValueTransformer

__all__ = ["ALIASES", "SLOTS", "derive_spec"]

_ATOMS = [
    ["UNIT_WORD"],
    ["YEAR_WORD"],
    ["DAY_WORD"],
    ["MEASURE"],
    ["MEASURE", "UNIT_WORD"],
    ["MEASURE", "MONTH_WORD"],
    ["MEASURE", "YEAR_WORD"],
]
#: One divisor, of one word: each unit word written once more in the expression costs its
#: compilation a few milliseconds at start-up, and 元/人/月 is rare.
_DIVISORS = [["PER", atom] for atom in ("UNIT_WORD", "MONTH_WORD", "YEAR_WORD", "DAY_WORD")]
#: The shape, slot by slot: each slot is a list of alternatives, an alternative a list of
#: terminals. Every slot but the number is optional; a divisor (``/人``) only follows a unit.
SLOTS: dict[str, list[list[str]]] = {
    "prefix": [["GE_WORD"], ["LE_WORD"], ["GT_WORD"], ["LT_WORD"], ["EQ_WORD"]],
    "number": [["NUMBER"]],
    "mult": [["MULT"]],
    "unit": _ATOMS,
    "per": _DIVISORS,
    "suffix": [["GE_SUFFIX"], ["LE_SUFFIX"]],
}
#: Slots read only after another one (a divisor after a unit).
NESTED = {"per": "unit"}
#: The callbacks the fast path stands in for, by slot (fastpath.py does what they do): a prefix
#: is its terminal's comparator, a unit (and a divisor) the canonical spelling of its last word,
#: a compound unit the units joined by ``/``, a suffix ≥ or ≤.
_UNITS = frozenset(
    {"unit_word", "year_unit", "day_unit", "each_unit"}
    | {"measured_unit", "measured_month", "measured_year"}
)
ALIASES: dict[str, frozenset[str]] = {
    "prefix": frozenset({"ge", "le", "gt", "lt", "eq"}),
    "number": frozenset({"arabic"}),
    "unit": _UNITS,
    "per": _UNITS | {"month_unit"},
    "compound": frozenset({"compound_unit"}),
    "suffix": frozenset({"ge_suffix", "le_suffix"}),
    "value": frozenset({"quantity"}),
}
_STARTS = ("start", "strict")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
#: Guard terminals longer than this are checked after the match, not inside the expression.
_INLINE_GUARD = 300

_Key = tuple[str, tuple[str, ...]]  # a token of the shape: its slot and the words up to it


def _sort_key(terminal: Any) -> tuple[int, int, int, str]:
    """Lark's order of trying terminals (lark.lexer.BasicLexer)."""
    pattern = terminal.pattern
    return (-terminal.priority, -pattern.max_width, -len(pattern.value), terminal.name)


def _feed(table: Any, start: str, stack: list[int], callbacks: list[str], kind: str) -> bool:
    """Feed one token type to the LALR tables (as lark's parser state does); False if refused.

    ``stack`` and ``callbacks`` grow in place: the states, and the callbacks Lark would call.
    """
    while True:
        row = table.states[stack[-1]]
        if kind not in row:
            return False
        action, target = row[kind]
        if action is Shift:
            stack.append(target)
            return True
        size = len(target.expansion)
        if size:
            del stack[-size:]
        # Lark calls no callback for a `?rule` with one child and no alias, nor for `_rule`.
        passes = target.options.expand1 and not target.alias and size == 1
        if not passes and not target.origin.name.startswith("_"):
            callbacks.append(str(target.alias or target.origin.name))
        stack.append(table.states[stack[-1]][target.origin.name][1])
        if kind == "$END" and stack[-1] == table.end_states[start]:
            return True


def _check_terminals(terminals: dict[str, Any], ignore: list[str]) -> None:
    """Refuse terminals the expression could not stand for exactly."""
    transformer = ValueTransformer()
    used = {name for alts in SLOTS.values() for alt in alts for name in alt} | set(ignore)
    for name in used:
        if name not in terminals:
            raise ValueError(f"the grammar has no terminal {name}")
        if hasattr(transformer, name):
            raise ValueError(f"the transformer has a callback for the terminal {name}")
        pattern = terminals[name].pattern.to_regexp()
        if _BACKREFERENCE.search(pattern):
            raise ValueError(f"{name} has a back reference")
        for other in terminals.values():
            # Lark retypes a regex token equal to a same-priority string terminal (_create_unless).
            if (
                terminals[name].pattern.type == "re"
                and other.pattern.type == "str"
                and other.priority == terminals[name].priority
            ):
                found = re.match(pattern, other.pattern.value)
                if found is not None and found.group(0) == other.pattern.value:
                    raise ValueError(f"{name} matches the string terminal {other.name}")
    for (name,) in SLOTS["prefix"]:
        if name not in COMPARATOR_OF_TERMINAL:
            raise ValueError(f"{name} is no comparator terminal")


class _Walk:
    """Runs every combination of the shape through the tables, checking each callback.

    Combinations that reach the same slot with the same parser stack and the same callbacks still
    to come continue alike, so each is walked once.
    """

    def __init__(self, table: Any) -> None:
        self.table = table
        self.at_token: dict[_Key, set[int]] = {}  # lexing states of each token of the shape
        self.after: dict[_Key | None, set[int]] = {}  # lexing states after each token
        self._seen: set[tuple[object, ...]] = set()

    def run(self) -> None:
        for start in _STARTS:
            self._visit(start, 0, [self.table.start_states[start]], (), None)

    def _feed(
        self, start: str, stack: list[int], pending: tuple[str, ...], kind: str
    ) -> tuple[str, ...]:
        """Feed a token; check the callbacks it sets off against the slots waiting for them."""
        callbacks: list[str] = []
        if not _feed(self.table, start, stack, callbacks, kind):
            raise ValueError(f"{kind} cannot follow here in {start}")
        for callback in callbacks:
            if not pending or callback not in ALIASES.get(pending[0], {pending[0]}):
                raise ValueError(f"{callback} reduced where {pending[:1]} was expected ({start})")
            pending = pending[1:]
        return pending

    def _visit(
        self,
        start: str,
        index: int,
        stack: list[int],
        pending: tuple[str, ...],
        previous: _Key | None,
    ) -> None:
        seen = (start, index, tuple(stack), pending, previous)
        if seen in self._seen:
            return
        self._seen.add(seen)
        slots = list(SLOTS)
        if index == len(slots):
            self.after.setdefault(previous, set()).add(stack[-1])
            pending = self._feed(start, stack, (*pending, "value", start), "$END")
            if pending:
                raise ValueError(f"no {pending[0]} was reduced ({start})")
            return
        slot = slots[index]
        if slot not in NESTED and any(waiting in NESTED for waiting in pending):
            pending = (*pending, "compound")  # leaving the divisors: the compound unit is next
        if slot != "number":
            self._visit(start, index + 1, list(stack), pending, previous)
        if slot in NESTED and NESTED[slot] not in pending:
            return
        for alt in SLOTS[slot]:
            here, waiting, last = list(stack), pending, previous
            for at, name in enumerate(alt):
                key = (slot, tuple(alt[: at + 1]))
                self.after.setdefault(last, set()).add(here[-1])
                self.at_token.setdefault(key, set()).add(here[-1])
                waiting = self._feed(start, here, waiting, name)
                last = key
            if slot in ALIASES:
                waiting = (*waiting, slot)
            self._visit(start, index + 1, here, waiting, last)


class _Builder:
    """Writes the expression: tokens, guards, skipped whitespace, and the checks left over."""

    def __init__(self, parser: Any) -> None:
        self.terminals = {terminal.name: terminal for terminal in parser.terminals}
        self.ignore = sorted(parser.lexer_conf.ignore, key=lambda n: _sort_key(self.terminals[n]))
        self.table = parser.parser.parser._parse_table
        self.groups: dict[str, list[str]] = {}  # group → [slot, terminal, "end" if it ends a word]
        self.checks: list[list[str]] = []  # [group, terminal that must not match there]
        self._first = {
            name: first_chars(t.pattern.to_regexp()) for name, t in self.terminals.items()
        }

    def readable(self, states: set[int]) -> set[str]:
        """Terminals Lark's lexer may read in any of ``states`` (ignored ones included)."""
        rows = (self.table.states[state] for state in states)
        return {name for row in rows for name in row if name in self.terminals} | set(self.ignore)

    def before(self, states: set[int], name: str) -> list[Any]:
        """Terminals tried before ``name`` in ``states`` that may match where it does."""
        key, first = _sort_key(self.terminals[name]), self._first[name]
        found = (
            self.terminals[other]
            for other in self.readable(states)
            if _sort_key(self.terminals[other]) < key and self._first[other].meets(first)
        )
        return sorted(found, key=_sort_key)

    def guard(self, terminals: list[Any]) -> str:
        inline = [t.pattern.to_regexp() for t in terminals]
        return "(?!" + "|".join(f"(?:{p})" for p in inline) + ")" if inline else ""

    def skip(self, states: set[int]) -> str:
        """Lark's skipping of ignored terminals (whitespace) in ``states``."""
        parts = []
        for name in self.ignore:
            before = self.before(states, name)
            if any(len(t.pattern.to_regexp()) > _INLINE_GUARD for t in before):
                raise ValueError(f"a long terminal may match where {name} does")
            parts.append(self.guard(before) + f"(?>{self.terminals[name].pattern.to_regexp()})")
        return "(?>(?:" + "|".join(parts) + ")*)" if parts else ""

    def token(self, key: _Key, name: str, states: set[int]) -> str:
        group = f"t{len(self.groups)}"
        ends = key[1] in {tuple(alt) for alt in SLOTS[key[0]]}
        self.groups[group] = [key[0], name, "end" if ends else ""]
        before = self.before(states, name)
        inline = [t for t in before if len(t.pattern.to_regexp()) <= _INLINE_GUARD]
        self.checks.extend([group, t.name] for t in before if t not in inline)
        pattern = self.terminals[name].pattern.to_regexp()
        return self.guard(inline) + f"(?P<{group}>(?>{pattern}))"

    def expression(self) -> str:
        walk = _Walk(self.table)
        walk.run()
        at_token, after = walk.at_token, walk.after
        parts = ["^", self.skip(after[None])]
        for slot in SLOTS:
            if slot not in NESTED:
                parts.append(self._slot(slot, at_token, after))
        parts.append(r"\Z")
        return "".join(parts)

    def _slot(
        self, slot: str, at_token: dict[_Key, set[int]], after: dict[_Key | None, set[int]]
    ) -> str:
        """Write a slot, the slots nested in it, and whether it may be left out."""
        checked = len(self.checks)
        body = self._trie(slot, [tuple(alt) for alt in SLOTS[slot]], (), at_token, after)
        # A slot whose words are checked after the match is tried last (lazily): the
        # expression then reads the longer word Lark prefers (万元, not 万 + 元) when it can.
        lazy = "?" if any(self.groups[g][0] == slot for g, _ in self.checks[checked:]) else ""
        inner = "".join(
            self._slot(child, at_token, after) for child, parent in NESTED.items() if parent == slot
        )
        return f"(?:{body}){inner}" if slot == "number" else f"(?:(?:{body}){inner})?{lazy}"

    def _trie(
        self,
        slot: str,
        alts: list[tuple[str, ...]],
        done: tuple[str, ...],
        at_token: dict[_Key, set[int]],
        after: dict[_Key | None, set[int]],
    ) -> str:
        """Write the alternatives of a slot that continue ``done``, sharing their first words."""
        options = []
        # Alternatives in the order Lark tries their words, so the expression prefers Lark's.
        following = dict.fromkeys(alt[len(done)] for alt in alts if len(alt) > len(done))
        for name in sorted(following, key=lambda name: _sort_key(self.terminals[name])):
            key = (slot, (*done, name))
            piece = self.token(key, name, at_token[key]) + self.skip(after[key])
            longer = [
                alt for alt in alts if alt[: len(key[1])] == key[1] and len(alt) > len(key[1])
            ]
            if longer:
                rest = self._trie(slot, longer, key[1], at_token, after)
                piece += f"(?:{rest})" + ("?" if key[1] in alts else "")
            options.append(piece)
        return "|".join(options)


def _required(parser: Any, terminals: dict[str, Any]) -> list[str]:
    """Return terminals of which every value of ``start`` holds one (a minimal such set)."""
    rules = list(parser.rules)

    def productive(allowed: set[str]) -> bool:
        done: set[str] = set()
        changed = True
        while changed:
            changed = False
            for rule in rules:
                if rule.origin.name not in done and all(
                    (s.name in allowed) if s.is_term else (s.name in done) for s in rule.expansion
                ):
                    done.add(rule.origin.name)
                    changed = True
        return _STARTS[0] in done

    required = set(terminals)
    if productive(set()):
        raise ValueError("start derives the empty text")
    # Free text and words go first, so what stays required is what numbers and dates start with.
    for name in sorted(terminals, key=lambda name: (terminals[name].priority >= 1, name)):
        if not productive(set(terminals) - (required - {name})):
            required.discard(name)
    return sorted(required, key=lambda name: _sort_key(terminals[name]))


def derive_spec(parser: Any) -> dict[str, Any]:
    """Return the fast path's expressions for a parser built from grammar/perfmetrics.lark.

    Returns:
        ``pattern`` (the shape), ``groups`` (its named groups: slot and terminal), ``checks``
        (group, terminal that must not match at its start), ``terminals`` (the patterns the
        checks use) and ``required`` (any of the terminals every value holds, for the
        qualitative shortcut). Plain data, so the build hook can store it with the parser.

    Raises:
        ValueError: the grammar no longer reads the shape the way the fast path does.

    """
    terminals = {terminal.name: terminal for terminal in parser.terminals}
    _check_terminals(terminals, list(parser.lexer_conf.ignore))
    builder = _Builder(parser)
    pattern = builder.expression()
    required = _required(parser, terminals)
    if not required:
        raise ValueError("no terminal is in every value")
    checked = {name for _, name in builder.checks}
    return {
        "pattern": pattern,
        "groups": builder.groups,
        "checks": builder.checks,
        "terminals": {name: terminals[name].pattern.to_regexp() for name in sorted(checked)},
        "required": "|".join(f"(?:{terminals[name].pattern.to_regexp()})" for name in required),
        "required_names": required,
    }
