"""Shared fixtures and the hypothesis profiles (CI budget documented in README)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

CASES = Path(__file__).parent / "cases"
#: Copies of the seed documents (tests/data/seeds/README.md), so the suite runs from an sdist.
SEEDS = Path(__file__).parent / "data" / "seeds"
#: The shared corpus next to a checkout (real PDFs); absent from an sdist. Tests that need it
#: use ``requires_shared``.
SHARED = Path(__file__).resolve().parents[2] / "shared"

# Profiles: "ci" is the fixed, documented budget the suite runs with (fast, derandomized so a
# run is reproducible); "dev" explores more. Pick with HYPOTHESIS_PROFILE.
settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def read_cases(name: str) -> list[dict[str, str]]:
    """Read a tab-separated case table from tests/cases/."""
    with (CASES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def requires_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip a test when ``../shared/<parts>`` (next to the checkout) is absent, as in an sdist."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(
        not path.exists(), reason=f"needs {path} (the shared corpus next to a checkout)"
    )
