"""The README's examples run as written (doctest), so the README stays true."""

from __future__ import annotations

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```python")[1:]]
    assert blocks, "README has no python examples"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for index, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README[{index}]", str(README), 0)
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) fail; run pytest -s"
