"""Coverage-guided fuzz target (atheris) for the error contract of perfmetrics.

Not part of CI: run it for a bounded time with ``bash fuzz/run.sh SECONDS contract`` (it needs
``pip install atheris``). Each input is split at ``\\x1f`` into two texts (a target and an
actual) and drives every public entry point that reads text:

- ``parse`` (non-strict and strict), ``meets``, ``score`` (each rule) and ``read_tables`` (the
  text put into a value cell of a real one-table document, and the raw bytes as a document);
- nothing but a ``PerfmetricsError`` may leave them (docs/errors.md);
- every value ``parse`` returns reads back from its canonical text: ``parse(str(v)) == v``;
- a strict parse that succeeds gives the non-strict value;
- a score lies in ``[0, weight]``;
- a verdict does not depend on the caller's decimal context (``prec=6``, ``Inexact`` trapped).

A violation is written, once per kind and place, to ``fuzz/artifacts/violations.jsonl`` and the
run goes on, so one run covers its whole time; ``fuzz/FINDINGS.md`` records the runs.
"""

from __future__ import annotations

import decimal
import json
import pathlib
import sys
import traceback

import atheris

with atheris.instrument_imports():
    import perfmetrics as pm

_ROOT = pathlib.Path(__file__).resolve().parent
_LOG = _ROOT / "artifacts" / "violations.jsonl"
_SEEN: set[str] = set()
_TEMPLATE = (
    "1.绩效目标表\n\t单位：万元\n\n\t项目名称\n\t运维经费\n\n\t一级指标\n\t二级指标\n\t三级指标\n"
    "\t绩效指标描述\n\t指标值\n\n\t产出指标\n\t数量指标\n\t运维系统数量\n\t运维系统数量\n\t{}\n\n"
    "\t\n\t质量指标\n\t验收合格率\n\t验收合格率\n\t100%\n"
)
#: Splits one fuzzed text into a target and an actual (run.sh writes its seeds this way).
SEPARATOR = "\x1f"
_RULES = ("proportional", "all_or_nothing", "attainment", "band")


def _report(check: str, texts: tuple[object, ...], exc: BaseException | None = None) -> None:
    """Log one violation, once per check, exception type and raising line."""
    where = ""
    if exc is not None:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{type(exc).__name__}@{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    key = f"{check}|{where}"
    if key in _SEEN:
        return
    _SEEN.add(key)
    _LOG.parent.mkdir(exist_ok=True)
    record = {"check": check, "where": where, "texts": [repr(t) for t in texts]}
    if exc is not None:
        record["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    with _LOG.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _guard(check: str, texts: tuple[object, ...], call: object) -> object:
    """Run ``call``; a non-perfmetrics exception is a violation (None is returned)."""
    try:
        return call()  # type: ignore[operator]
    except pm.PerfmetricsError:
        return None
    except Exception as exc:  # the contract: nothing else escapes
        _report(f"escape:{check}", texts, exc)
        return None


def _check_parse(text: str) -> pm.Value | None:
    value = _guard("parse", (text,), lambda: pm.parse(text))
    strict = _guard("parse-strict", (text,), lambda: pm.parse(text, strict=True))
    if isinstance(value, pm.Value):
        again = _guard("parse-again", (text, str(value)), lambda: pm.parse(str(value)))
        if again != value:
            _report("round-trip", (text, str(value), again))
        if strict is not None and strict != value:
            _report("strict-differs", (text, strict, value))
        return value
    return None


def _check_pair(target: str, actual: str) -> None:
    verdict = _guard("meets", (target, actual), lambda: pm.meets(target, actual))
    if isinstance(verdict, pm.Verdict) and verdict.met is not None:
        with decimal.localcontext() as context:
            context.prec = 6
            context.traps[decimal.Inexact] = True
            other = _guard("meets-prec6", (target, actual), lambda: pm.meets(target, actual))
        if isinstance(other, pm.Verdict) and other.met != verdict.met:
            _report("decimal-context", (target, actual, verdict, other))
    for rule in _RULES:
        points = _guard(
            "score",
            (target, actual, rule),
            lambda rule=rule: pm.score(target, actual, 10, rule=rule),  # type: ignore[misc]
        )
        if points is not None and not 0 <= points <= 10:  # type: ignore[operator]
            _report("score-range", (target, actual, rule, points))


def _check_document(text: str, data: bytes) -> None:
    _guard("read_tables", (text,), lambda: pm.read_tables(_TEMPLATE.format(text)))
    _guard("read_tables-bytes", (data,), lambda: pm.read_tables(data))


def test_one_input(data: bytes) -> None:
    """atheris entry point."""
    provider = atheris.FuzzedDataProvider(data)
    target, _, actual = provider.ConsumeUnicodeNoSurrogates(160).partition(SEPARATOR)
    if not target:
        return
    _check_parse(target)
    if actual:
        _check_parse(actual)
        _check_pair(target, actual)
    _check_document(target, data)


def main() -> None:
    """Start the fuzzer with atheris' command-line options (see fuzz/run.sh)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
