"""The grammar file itself: conflict-free LALR, shipped where the parser finds it."""

from __future__ import annotations

import pytest

from perfmetrics.values.parser import _build, grammar_text
from perfmetrics.vocabulary.grammar import module_text


def test_grammar_builds_without_conflicts_in_strict_mode() -> None:
    pytest.importorskip("interegular", reason="lark's strict mode needs interegular (test extra)")
    parser = _build(strict=True)
    assert parser.get_terminal("NUMBER") is not None


def test_word_terminals_come_from_the_vocabulary() -> None:
    # Every word list is imported: no quoted word alternation is left in the grammar file.
    text = grammar_text()
    assert "%import vocabulary" in text
    terminals = [line for line in text.splitlines() if line[:1].isupper() and ":" in line]
    assert not [line for line in terminals if line.count('"') > 2], "a word list in the grammar"
    assert "UNIT_WORDS: /" in module_text()


def test_grammar_is_ordered_in_banner_sections() -> None:
    text = grammar_text()
    sections = [line for line in text.splitlines() if line.startswith("// =====")]
    assert [s.split()[-1] for s in sections][:3] == ["words", "numbers", "units"]
    assert text.index("start:") > text.index("TRAIL_NOTE")
