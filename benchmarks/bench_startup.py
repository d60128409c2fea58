"""Start-up: the first parse of a fresh process, with its pint quantity, as an installed wheel.

Builds the wheel from this checkout (the build hook serializes the parser into it), installs it
with its dependencies into a temporary folder, and runs several fresh interpreters (``-S``: no
site-packages, so no other copy of the package is seen) that import
perfmetrics and time ``pm.parse("≥5艘").quantity``; reports the best and the median of each
phase. A baseline is measured in the same run: a fresh interpreter's ``import decimal, re`` and
one ``re.compile``, so the ratio means something across machines. The target: the first parse
with its quantity in at most 50 ms after import.

Run: python benchmarks/bench_startup.py [--runs 7] [--checkout] (``--checkout`` times the
checkout instead of a wheel: no serialized parser, so the parser is built in memory.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0

PROBE = r"""
import json, time
t0 = time.perf_counter()
import perfmetrics as pm
t1 = time.perf_counter()
value = pm.parse("≥5艘")
t2 = time.perf_counter()
quantity = value.quantity
t3 = time.perf_counter()
assert str(quantity.magnitude) == "5", quantity
print(json.dumps({"import": t1 - t0, "parse": t2 - t1, "quantity": t3 - t2,
                  "first": t3 - t1, "bundled": pm.values.lark_build._bundle() is not None,
                  "path": pm.__file__}))
"""

BASELINE = r"""
import json, time
t0 = time.perf_counter()
import decimal, re
re.compile(r"(?:\d+(?:\.\d+)?)\s*(?:万元|元|人次|人)")
print(json.dumps({"baseline": time.perf_counter() - t0}))
"""


def _run(code: str, pythonpath: str | None, *, isolated: bool = True) -> dict[str, float]:
    env = {key: value for key, value in os.environ.items() if key != "PERFMETRICS_CACHE_DIR"}
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    flags = ["-S"] if isolated else []
    out = subprocess.run(
        [sys.executable, *flags, "-c", code],
        env=env,
        cwd=pythonpath or tempfile.gettempdir(),  # not the checkout: its package would shadow
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _install_wheel(folder: Path) -> Path:
    wheels = folder / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("perfmetrics-*.whl")
    target = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), str(wheel)],
        check=True,
    )
    return target


def main() -> None:
    """Print the start-up times and whether the target is met."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7)
    options.add_argument("--checkout", action="store_true", help="time the checkout, not a wheel")
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="perfmetrics-startup-") as name:
        path = str(ROOT) if args.checkout else str(_install_wheel(Path(name)))
        runs = [_run(PROBE, path, isolated=not args.checkout) for _ in range(args.runs)]
        baseline = min(_run(BASELINE, None)["baseline"] for _ in range(args.runs))
    where = runs[0]["path"]
    print(f"perfmetrics from {where} (serialized parser loaded: {bool(runs[0]['bundled'])})")
    print(f"fresh processes: {args.runs}")
    for phase in ("import", "parse", "quantity", "first"):
        times = [run[phase] * 1000 for run in runs]
        print(f"  {phase:9s} best {min(times):7.1f} ms   median {statistics.median(times):7.1f} ms")
    best = min(run["first"] for run in runs) * 1000
    print(f"baseline (import decimal, re; one compile): {baseline * 1000:.1f} ms")
    print(f"first parse with quantity / baseline: {best / (baseline * 1000):.1f} x")
    verdict = "meets" if best <= TARGET_MS else "misses"
    print(f"target: first parse with its quantity <= {TARGET_MS:.0f} ms after import: {verdict}")


if __name__ == "__main__":
    main()
