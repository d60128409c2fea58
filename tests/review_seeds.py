"""The seed documents for the review tests: tests/data/seeds first, else ../shared/seeds, else skip.

An sdist carries tests/data/seeds; a checkout also has ../shared/seeds beside it. Each document
is read once per run.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

import perfmetrics as pm

#: The seed documents by their number.
SEED_NAMES = {
    "000": "000_f59a8d3134e745d4.txt",
    "001": "001_7636b05d3c472e6f.txt",
    "002": "002_9447ddad8dc33496.txt",
    "004": "004_e85c4e418f268774.txt",
}


def seed_path(number: str) -> Path:
    """Return the path of seed ``number`` (``"001"``), skipping the test when it is nowhere."""
    name = SEED_NAMES[number]
    for folder in (SEEDS, SHARED / "seeds"):
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"seed {name} is neither in {SEEDS} nor in {SHARED / 'seeds'}")


@functools.cache
def _read(path: Path) -> pm.Tables:
    return pm.read_tables(path)


def seed_tables(number: str) -> pm.Tables:
    """Return the tables of seed ``number``, read once per run."""
    return _read(seed_path(number))
