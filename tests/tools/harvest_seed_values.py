"""Harvest candidate 指标值 from ../shared/seeds for building the case tables (a dev tool).

Word-processor exports (001, 002, 004): every indicator row is a block of tab-indented cells;
the value is the fifth cell (004's tier table: cells 8-11, 优/良/中/差). PDF export (000): cells
are broken across lines, so value-shaped spans are pulled by pattern and reviewed by hand.
Prints one `file<TAB>value` line per distinct value.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# A value ends its line: it starts at a comparator word or a digit that follows a space (or the
# line start) and runs to the end of the line, short and without sentence punctuation.
PDF_VALUE = regex.compile(
    r"(?:^|(?<=\s))((?:≥|≤|>|<|＞|＜|=|＝|不低于|不少于|不超过|不高于|大于|小于|\d)[^，。；:：]{0,24}?)\s*$"
)


def word_values(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    values: list[str] = []
    in_indicators = False
    for block in regex.split(r"\n[ \t]*\n", text):
        cells = [line[1:] if line.startswith("\t") else line for line in block.split("\n")]
        cells = [c for c in cells if not c.startswith("[bookmark")]
        if any(c.strip() == "一级指标" for c in cells) or any(
            c.strip() == "活动编码" for c in cells
        ):
            in_indicators = True
            continue
        if not in_indicators:
            continue
        if len(cells) == 11:
            values.extend(c.strip() for c in cells[7:11])
        elif len(cells) in (5, 6):
            values.append(cells[4].strip())
        if any("绩效目标表" in c for c in cells):
            in_indicators = False
    return [v for v in values if v]


def pdf_values(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    values = []
    in_indicators = False
    for line in text.splitlines():
        if "一级指标" in line:
            in_indicators = True
            continue
        if "绩效目标表" in line:
            in_indicators = False
        if not in_indicators:
            continue
        match = PDF_VALUE.search(line)
        if match and regex.search(r"\d", match.group(1)):
            # `2 人以上 ≥2 人`: the description ends in a number too; the value is the last part.
            parts = regex.split(r"\s+(?=[≥≤><＞＜=＝])", match.group(1).strip())
            values.append(parts[-1])
    return values


def main() -> None:
    seen: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        harvest = pdf_values(path) if path.name.startswith("000") else word_values(path)
        for value in harvest:
            if value not in seen:
                seen.add(value)
                sys.stdout.write(f"{path.name[:3]}\t{value}\n")


if __name__ == "__main__":
    main()
