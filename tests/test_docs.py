"""The examples in README.md and docs/*.md run as written (each page is one session)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_examples(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```python")[1:]]
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # One doctest for the whole page: names defined in one block are used in the next.
    test = parser.get_doctest("\n".join(blocks), {}, page.name, str(page), 0)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) in {page.name} fail; run pytest -s"
