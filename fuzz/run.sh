#!/usr/bin/env bash
# Fuzz perfmetrics for a bounded time (default 120 s): bash fuzz/run.sh [seconds]
# Seeds the corpus with every distinct seed value; crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
python=".venv/bin/python"
"$python" -m pip install --quiet atheris
mkdir -p fuzz/corpus fuzz/artifacts
"$python" - <<'PY'
import csv, hashlib, pathlib
rows = csv.DictReader(open("tests/cases/seed_values.tsv", encoding="utf-8"), delimiter="\t")
for row in rows:
    data = row["text"].encode("utf-8")
    pathlib.Path("fuzz/corpus", hashlib.sha1(data).hexdigest()).write_bytes(data)
PY
"$python" fuzz/fuzz_parse.py fuzz/corpus -max_total_time="$seconds" -artifact_prefix=fuzz/artifacts/ \
    -max_len=400 -timeout=5
