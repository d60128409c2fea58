"""The built wheel carries the grammar and the unit definitions, and works from elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (path,) = out.glob("perfmetrics-*.whl")
    return path


def test_wheel_contains_grammar_units_and_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "perfmetrics/grammar/perfmetrics.lark" in names
    assert "perfmetrics/vocabulary/units.tsv" in names
    assert "perfmetrics/vocabulary/words.tsv" in names
    assert "perfmetrics/py.typed" in names


def test_wheel_parses_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    code = (
        "import perfmetrics as pm; v = pm.parse('≥1.7万人');"
        "print(v.magnitude, v.unit, pm.parse.__module__)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["17000", "人", "perfmetrics.values.api"]
