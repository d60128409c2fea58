"""Keep tests/cases/national_values.tsv: real 指标值 from across the country, reviewed.

Design (the simplest honest one):

* ``tests/cases/national_raw.tsv`` is the collection: one row per 指标值 cell taken from a whole
  published 绩效目标表 / 绩效自评表 (every row of the table that was visible in the stored excerpt),
  duplicates included, with its source address, province, city, budget year, table, 二级/三级
  indicator and ``role`` (``target`` for the 指标值 column, ``actual`` for a value-like 实际完成值).
  It was transcribed by hand from stored copies of the public pages; nothing here fetches anything.
* ``tests/cases/national_values.tsv`` is the reviewed truth: the first occurrence of every distinct
  text, with the reading a careful reader signs off on (VALUE_SEMANTICS.md), in the columns of
  seed_values.tsv. Rows are reviewed by hand; this script never overwrites a reviewed row.

Commands::

    python tests/tools/build_national_cases.py prefill   # add rows for new raw texts
    python tests/tools/build_national_cases.py check     # list rows where the parser disagrees
    python tests/tools/build_national_cases.py sources   # rewrite tests/cases/national_sources.md
    python tests/tools/build_national_cases.py stats     # counts by kind / province

``prefill`` appends, for every raw text not yet in national_values.tsv, a row holding the current
parser's reading with ``gap`` set to ``UNREVIEWED``; review it, correct the reading where the parser
is wrong, and clear the marker. ``check`` exits non-zero when a reviewed reading differs from what
``perfmetrics.parse`` returns today, so the file doubles as a to-do list for the parser.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "cases"
RAW = CASES / "national_raw.tsv"
VALUES = CASES / "national_values.tsv"
SOURCES = CASES / "national_sources.md"

#: Source columns carried from the raw file into the reviewed file.
SOURCE_COLUMNS = ["province", "city", "year", "source", "table", "category", "indicator", "text"]
#: Reading columns, spelled and rendered exactly as in seed_values.tsv.
READING_COLUMNS = [
    "kind",
    "op",
    "op_explicit",
    "magnitude",
    "unit",
    "low",
    "high",
    "start",
    "end",
    "note",
]
COLUMNS = [*SOURCE_COLUMNS, *READING_COLUMNS, "gap"]
UNREVIEWED = "UNREVIEWED"

Row = dict[str, str]


def read_tsv(path: Path) -> list[Row]:
    """Rows of a tab-separated file with a header line (empty list when it does not exist)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None))


def write_tsv(path: Path, rows: Iterable[Row], columns: list[str]) -> None:
    """Write rows (tab-separated, LF line ends, no quoting) with a header line."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            columns,
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_NONE,
            quotechar=None,
        )
        writer.writeheader()
        writer.writerows(rows)


def parser_reading(text: str, year: int) -> Row:
    """The current parser's reading of one text, rendered like build_seed_cases.rows()."""
    import perfmetrics as pm

    data = pm.parse(text, year=year).to_dict()
    return {
        "kind": data["kind"],
        "op": data["op"] or "",
        "op_explicit": str(data["op_explicit"]),
        "magnitude": data["magnitude"] or "",
        "unit": data["unit"] or "",
        "low": data["low"] or "",
        "high": data["high"] or "",
        "start": data["start"] or "",
        "end": data["end"] or "",
        "note": data["note"],
    }


def prefill() -> int:
    """Append parser readings for raw texts that have no reviewed row yet; return how many."""
    reviewed = read_tsv(VALUES)
    seen = {row["text"] for row in reviewed}
    added = 0
    for raw in read_tsv(RAW):
        if raw["text"] in seen:
            continue
        seen.add(raw["text"])
        row = {column: raw[column] for column in SOURCE_COLUMNS}
        if raw.get("role") == "actual":
            row["table"] = f"{raw['table']}(实际完成值)"
        row.update(parser_reading(raw["text"], int(raw["year"])))
        row["gap"] = UNREVIEWED
        reviewed.append(row)
        added += 1
    write_tsv(VALUES, reviewed, COLUMNS)
    return added


def agrees(row: Row, got: Row) -> bool:
    """Say whether the parser's reading is the reviewed one (qualitative: the kind alone)."""
    if row["kind"] == "qualitative":
        return got["kind"] == "qualitative"
    return all(got[column] == row[column] for column in READING_COLUMNS)


def disagreements(path: Path = VALUES) -> list[tuple[Row, Row]]:
    """Reviewed rows whose reading differs from the parser's, with the parser's reading."""
    out = []
    for row in read_tsv(path):
        got = parser_reading(row["text"], int(row["year"]))
        if not agrees(row, got):
            out.append((row, got))
    return out


def check() -> int:
    """Print every disagreement (reviewed vs parser); return the count."""
    found = disagreements()
    for row, got in found:
        diff = ", ".join(
            f"{column}: {row[column]!r} (parser {got[column]!r})"
            for column in READING_COLUMNS
            if row[column] != got[column]
        )
        print(f"{row['text']}\t{diff}")
    unreviewed = sum(row["gap"] == UNREVIEWED for row in read_tsv(VALUES))
    print(
        f"{len(found)} rows differ from the parser; {unreviewed} rows unreviewed", file=sys.stderr
    )
    return len(found)


def write_sources() -> None:
    """One line per source: address, province, city, year, tables, values taken."""
    raw = read_tsv(RAW)
    first: dict[str, Row] = {}
    tables: dict[str, list[str]] = defaultdict(list)
    cells: Counter[str] = Counter()
    for row in raw:
        first.setdefault(row["source"], row)
        if row["table"] not in tables[row["source"]]:
            tables[row["source"]].append(row["table"])
        cells[row["source"]] += 1
    kept = Counter(row["source"] for row in read_tsv(VALUES))
    lines = [
        "# Sources of national_values.tsv",
        "",
        "Stored public pages (budget disclosure, 绩效目标表, 绩效自评表, and mirrors of them)",
        "from which whole tables were transcribed into national_raw.tsv. `cells` counts every",
        "指标值 (and value-like 实际完成值) cell taken; `new` counts the distinct texts that this",
        "source was the",
        "first to contribute to national_values.tsv.",
        "",
    ]
    for source, row in first.items():
        lines.append(
            f"- {source} — {row['province']}"
            f"{'·' + row['city'] if row['city'] else ''}, {row['year']}; "
            f"tables: {'; '.join(tables[source])}; cells: {cells[source]}, new: {kept[source]}"
        )
    SOURCES.write_text("\n".join(lines) + "\n", encoding="utf-8")


def stats() -> None:
    """Counts of distinct values, provinces, sources and kinds."""
    rows = read_tsv(VALUES)
    print("distinct values:", len(rows))
    print("provinces:", len({row["province"] for row in rows}))
    print("sources:", len({row["source"] for row in read_tsv(RAW)}))
    print("kinds:", dict(Counter(row["kind"] for row in rows).most_common()))
    print("by province:", dict(Counter(row["province"] for row in rows).most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["prefill", "check", "sources", "stats"])
    args = parser.parse_args(argv)
    if args.command == "prefill":
        print(f"{prefill()} rows added (marked {UNREVIEWED})")
    elif args.command == "check":
        return 1 if check() else 0
    elif args.command == "sources":
        write_sources()
    else:
        stats()
    return 0


if __name__ == "__main__":
    sys.exit(main())
