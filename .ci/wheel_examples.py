"""CI: the README and docs examples run from the built wheel, in a fresh venv, outside the checkout.

.ci/run calls this after the test suite (it is a script, not a test: building the wheel and a
virtual environment takes longer than the suite's budget allows). Steps:

1. build the wheel of this checkout (no build isolation: the CI environment has hatchling);
2. create a fresh virtual environment in a temporary directory, without pip, and install the
   wheel into it with this environment's pip (``--no-deps``); the dependencies come from this
   environment's site-packages through a ``.pth`` line placed after the venv's own, so the
   wheel's ``perfmetrics`` is the one imported, not the checkout's editable install;
3. from another temporary directory, check that ``perfmetrics`` comes from the venv, run
   ``perfmetrics --version`` and ``perfmetrics demo``, resolve ``st.from_type`` through the
   ``hypothesis`` entry point, and run the ``python`` blocks of the pages that need no file of
   the checkout (README.md, docs/judging.md, docs/fuzzing.md, docs/frames.md) as doctests.

Run by hand: ``.venv/bin/python .ci/wheel_examples.py``. Exit 0 when all pass.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["README.md", "docs/judging.md", "docs/fuzzing.md", "docs/frames.md"]

DOCTEST = """
import doctest, sys
from pathlib import Path
failed = 0
for page in sys.argv[1:]:
    text = Path(page).read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```python")[1:]]
    test = doctest.DocTestParser().get_doctest("\\n".join(blocks), {}, page, page, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    print(f"{Path(page).name}: {runner.tries} examples, {runner.failures} failed")
    failed += runner.failures
sys.exit(1 if failed else 0)
"""

CHECKS = """
import sys
from pathlib import Path
import perfmetrics as pm
assert Path(pm.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()), pm.__file__
assert pm.sample_document().is_file(), pm.sample_document()
from hypothesis import given, settings, strategies as st
@settings(max_examples=5, deadline=None)
@given(st.from_type(pm.QuantityValue))
def drawn(value):
    assert isinstance(value, pm.QuantityValue)
drawn()  # through the entry point: perfmetrics.strategies was never imported here
print("installed perfmetrics", pm.__version__, "from", Path(pm.__file__).parent)
"""


def run(command: list[str], cwd: Path) -> None:
    """Run ``command`` in ``cwd``, echoing it; stop the script when it fails."""
    shown = [("<script>" if previous == "-c" else part) for previous, part in zip(
        ["", *command[:-1]], command, strict=True
    )]  # fmt: skip
    print("$", " ".join(shown), flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def main() -> int:
    """Build, install into a fresh venv, and run the examples; return the exit code."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        dist, env, elsewhere = work / "dist", work / "venv", work / "elsewhere"
        elsewhere.mkdir()
        run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
             "-w", str(dist), str(ROOT)], ROOT)  # fmt: skip
        wheel = next(dist.glob("perfmetrics-*.whl"))
        venv.EnvBuilder(with_pip=False).create(env)
        python = env / "bin" / "python"
        run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
             "--no-deps", "--no-index", str(wheel)], elsewhere)  # fmt: skip
        purelib = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        # Dependencies from this environment, after the venv's own site-packages.
        (Path(purelib) / "zz_ci_dependencies.pth").write_text(
            sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
        )
        run([str(python), "-c", CHECKS], elsewhere)
        run([str(env / "bin" / "perfmetrics"), "--version"], elsewhere)
        run([str(env / "bin" / "perfmetrics"), "demo", "-o", str(work / "demo.txt")], elsewhere)
        pages = [str(ROOT / page) for page in PAGES]
        run([str(python), "-c", DOCTEST, *pages], elsewhere)
    print("wheel examples: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
