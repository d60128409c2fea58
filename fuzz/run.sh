#!/usr/bin/env bash
# Fuzz perfmetrics for a bounded time: bash fuzz/run.sh [seconds] [parse|contract]
#   parse     fuzz/fuzz_parse.py: parse, render and meets on one text (the first harness)
#   contract  fuzz/fuzz_contract.py: parse, meets, score and read_tables on a target/actual pair
# Seeds the corpus with every distinct seed and national value (and the judged pairs);
# crashes land in fuzz/artifacts/, contract violations in fuzz/artifacts/violations.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
target="${2:-parse}"
python="${PYTHON:-.venv/bin/python}"
"$python" -c "import atheris" 2>/dev/null || "$python" -m pip install --quiet atheris
corpus="fuzz/corpus-$target"
mkdir -p "$corpus" fuzz/artifacts
"$python" - "$target" "$corpus" <<'PY'
import csv, hashlib, pathlib, sys
target, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
texts = []
for name in ("seed_values", "national_values"):
    with open(f"tests/cases/{name}.tsv", encoding="utf-8") as handle:
        texts += [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
with open("tests/cases/judge_pairs.tsv", encoding="utf-8") as handle:
    pairs = [(row["target"], row["actual"]) for row in csv.DictReader(handle, delimiter="\t")]
if target == "parse":
    seeds = [text.encode("utf-8") for text in texts]
else:  # atheris reads 0x01 + UTF-16-LE as text; \x1f splits target and actual
    seeds = [b"\x01" + f"{a}\x1f{b}".encode("utf-16-le") for a, b in [*pairs, *zip(texts, texts)]]
for data in seeds:
    (corpus / hashlib.sha1(data).hexdigest()).write_bytes(data)
PY
"$python" "fuzz/fuzz_$target.py" "$corpus" -max_total_time="$seconds" \
    -artifact_prefix=fuzz/artifacts/ -max_len=400 -timeout=10 -print_final_stats=1
