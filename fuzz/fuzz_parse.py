"""Coverage-guided fuzz target (atheris) for perfmetrics.parse, render and meets.

Not part of CI: run it for a bounded time with fuzz/run.sh (it needs `pip install atheris`).
What it checks on every input:

- non-strict parse returns a value, or raises ParseError only for blank text;
- strict parse raises nothing but ParseError, whose position lies within the text;
- a structured value's canonical text parses back to an equal value;
- judging a quantity against its own canonical text is met.

Findings are recorded in fuzz/FINDINGS.md and kept as tests in tests/test_regressions.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import perfmetrics as pm


def check(text: str) -> None:
    """Run every property on one input; raise AssertionError on a violation."""
    try:
        value = pm.parse(text)
    except pm.ParseError:
        assert not text.strip(), f"non-strict parse raised for {text!r}"
        return
    try:
        pm.parse(text, strict=True)
    except pm.ParseError as exc:
        assert 0 <= exc.position <= len(text)
    if value.kind != "qualitative" and not value.warnings:
        again = pm.parse(str(value))
        assert again == value, f"{text!r} → {str(value)!r} → {again!r}"
        if isinstance(value, pm.QuantityValue) and value.unit:
            assert pm.meets(value, str(value.amount)).met is not None


def test_one_input(data: bytes) -> None:
    """atheris entry point."""
    provider = atheris.FuzzedDataProvider(data)
    check(provider.ConsumeUnicodeNoSurrogates(120))


def main() -> None:
    """Start the fuzzer with atheris' command-line options (see fuzz/run.sh)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
