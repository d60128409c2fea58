"""The grammar file itself: conflict-free LALR, shipped where the parser finds it."""

from __future__ import annotations

import pytest
from lark import Lark

from perfmetrics.values.parser import grammar_text


def test_grammar_builds_without_conflicts_in_strict_mode() -> None:
    pytest.importorskip("interegular", reason="lark's strict mode needs interegular (test extra)")
    parser = Lark(grammar_text(), parser="lalr", strict=True)
    assert parser.get_terminal("NUMBER") is not None


def test_grammar_is_ordered_in_banner_sections() -> None:
    text = grammar_text()
    sections = [line for line in text.splitlines() if line.startswith("// =====")]
    assert [s.split()[-1] for s in sections][:2] == ["comparators", "numbers"]
    assert text.index("start:") > text.index("TRAIL_NOTE")
