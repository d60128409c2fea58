"""The grammar file itself: conflict-free LALR, shipped where the parser finds it."""

from __future__ import annotations

import pytest
from lark import Lark

from perfmetrics.values.parser import START_SYMBOLS, grammar_text
from perfmetrics.vocabulary.grammar import module_text


def _one_word_vocabulary(_base: str | None, path: str) -> tuple[str, str]:
    """The vocabulary module with one distinct made-up word per terminal.

    Shift/reduce conflicts are a property of the rules, not of the word lists; Lark's strict mode
    also checks every pair of terminals with interegular, which on the full word tries takes
    minutes. Word collisions are tests/test_vocabulary.py's job.
    """
    if path != "vocabulary.lark":
        raise OSError(path)
    names = [line.split(":")[0] for line in module_text().splitlines() if ":" in line]
    private = [chr(0xE000 + index) for index in range(len(names))]
    return "<one-word vocabulary>", "".join(
        f'{name}: "{char}"\n' for name, char in zip(names, private, strict=True)
    )


def test_grammar_builds_without_conflicts_in_strict_mode() -> None:
    pytest.importorskip("interegular", reason="lark's strict mode needs interegular (test extra)")
    parser = Lark(
        grammar_text(),
        parser="lalr",
        start=list(START_SYMBOLS),
        import_paths=[_one_word_vocabulary],
        strict=True,
    )
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
