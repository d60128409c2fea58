"""Rebuild tests/fixtures/selfeval/exports/: the 自评表 grids as word-processor text exports.

Each ``*.grid.tsv`` fixture is written in the format of the seed documents 001/002/004 (one cell
per tab-indented line, a blank line between table rows), the way a word processor exports a
table: title rows become plain lines above the table (as a heading outside the table is), and
the trailing empty cells of a row are dropped (a merged cell reaching the row's end is written
once). ``SOURCES.tsv`` records, for every export, the grid it was built from and the published
page that grid was taken from.

Usage:
    .venv/bin/python tests/tools/build_selfeval_exports.py
"""

from __future__ import annotations

from pathlib import Path

from perfmetrics.documents.grid import Grid, read_grid_text
from perfmetrics.documents.selfeval.layout import is_title
from perfmetrics.documents.word_grid import grid_to_word_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "selfeval"
EXPORTS = FIXTURES / "exports"


def _metadata(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        if line.startswith("# ") and ":" in line and not line.startswith("#   "):
            key, _, value = line[2:].partition(":")
            found.setdefault(key.strip(), value.strip())
    return found


def export(grid: Grid) -> str:
    """Write a grid as the word export: the leading one-cell rows (附件, the title, the year) as
    plain lines above the table, the rest as table rows."""
    out = []
    table: list[tuple[str, ...]] = []
    for row in grid.rows:
        filled = [cell.strip() for cell in row if cell.strip()]
        if not table and len(filled) == 1 and (is_title(row) or len(filled[0]) < 20):
            out.append(filled[0] + "\n")
            continue
        table.append(row)
    out.append(grid_to_word_export(Grid(table)))
    return "".join(out)


def main() -> None:
    EXPORTS.mkdir(exist_ok=True)
    sources = ["export\tgrid\tprovince\tlayout\tsource"]
    for path in sorted(FIXTURES.glob("*.grid.tsv")):
        text = path.read_text(encoding="utf-8")
        (grid,) = read_grid_text(text, source=path.name)
        target = EXPORTS / path.name.replace(".grid.tsv", ".txt")
        target.write_text(export(grid), encoding="utf-8")
        meta = _metadata(text)
        sources.append(
            "\t".join(
                (
                    target.name,
                    path.name,
                    meta["province"].split(" —")[0],
                    meta["layout"],
                    meta["source"],
                )
            )
        )
    (EXPORTS / "SOURCES.tsv").write_text("\n".join(sources) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
