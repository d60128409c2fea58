"""Shared fixtures and the hypothesis profiles (CI budget documented in README)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from hypothesis import HealthCheck, settings

CASES = Path(__file__).parent / "cases"

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
