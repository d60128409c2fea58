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


def test_wheel_ships_the_sample_and_the_hypothesis_entry_point(wheel: Path, tmp_path: Path) -> None:
    # The README's examples run from the wheel in a fresh venv: .ci/wheel_examples.py (CI).
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        declared = archive.read(entry_points).decode("utf-8")
        archive.extractall(tmp_path / "site")
    assert {"perfmetrics/data/sample_document.txt", "perfmetrics/data/sample_actuals.csv"} <= names
    assert "[hypothesis]\n_ = perfmetrics.hypothesis_types:_hypothesis_setup_hook" in declared
    code = "import perfmetrics as pm; print(pm.read_tables(pm.sample_document()))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == (
        f"<Tables from {tmp_path / 'site' / 'perfmetrics' / 'data' / 'sample_document.txt'}: "
        "4 tables, 36 rows, 1 warnings>"
    )
