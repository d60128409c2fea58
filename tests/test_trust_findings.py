"""Issue 10 ("Never silently wrong"): one regression row per finding of the hostile audit.

Each row is (finding number, input, expected). An input reads either as the value of a clean text
(``same_as``), or is refused (``REFUSED``: qualitative or warned when not strict, ParseError when
strict), never as another number, unit or comparator. The runtime findings (threads, decimal
context, pickling, cache bounds) are in tests/test_trust_runtime.py; the document truncation (6)
is at the end of this file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from conftest import SEEDS

import perfmetrics as pm
from perfmetrics.values.notices import WarningCode, has_warning

REFUSED = "refused"


def same_as(text: str) -> tuple[str, str]:
    """Expect the value of ``text`` (a clean spelling)."""
    return ("same_as", text)


PARSE_FINDINGS: list[tuple[int, str, Any]] = [
    # 1. decimal.InvalidOperation escaped the month rule (`int(Decimal("1,000"))`).
    (1, "1,000月", REFUSED),
    (1, "1，000月", REFUSED),
    (1, "12,000月底前", REFUSED),
    (1, "2023.07-2,024.01", REFUSED),
    # 2. Kangxi radicals and CJK radical supplements reached pint as units.
    (2, "≥5⼈", same_as("≥5人")),
    (2, "2022年12⽉底前", same_as("2022年12月底前")),
    (2, "≥5 ⼈", same_as("≥5人")),
    # 3. Python's 4,300-digit int limit (ValueError) escaped.
    (3, "9" * 4301 + "月", REFUSED),
    (3, "9" * 5000, REFUSED),
    # 4. Invisible characters inside a number changed it.
    (4, "≥8\u200f500 台次/年", same_as("≥8500 台次/年")),
    (4, "≥9\u00ad5%", same_as("≥95%")),
    (4, "≥8\u2063500台", same_as("≥8500台")),
    (4, "≥95\u0301%", same_as("≥95%")),
    (4, "≥9\u180e5%", same_as("≥95%")),
    (4, "≥78.71万\u2064 \n\u2063 元", same_as("≥78.71万元")),
    (4, "1 1", REFUSED),
    # 5. A space or line break inside a word changed the value.
    (5, "100 百\n分比", same_as("100%")),
    (5, "50-80 万 元", same_as("50-80万元")),
    (5, "大于 等于 5 场", same_as("≥5场")),
    (5, "≤60 分 钟", same_as("≤60分钟")),
    (5, "不 低 于 95%", same_as("≥95%")),
    (5, "≥32 人 人次", REFUSED),
    # 11. Values whose canonical text did not read back.
    (11, "5万万", REFUSED),
    (11, "317多多", REFUSED),
    (11, "≥5人\x1c", same_as("≥5人")),
    (11, "完成时间为2022年12月30日", same_as("完成时间为2022年12月30日")),
    # 13. Decimal digits of other scripts were read as numbers.
    (13, "≥৪0%", REFUSED),
    (13, "৪95%", REFUSED),
    (13, "≥٣0%", REFUSED),
]


@pytest.mark.parametrize(("finding", "text", "expected"), PARSE_FINDINGS)
def test_parse_findings(finding: int, text: str, expected: Any) -> None:
    value = pm.parse(text)
    assert pm.parse(str(value)) == value, finding
    if expected == REFUSED:
        assert not value.is_structured or value.warnings, (finding, value)
        with pytest.raises(pm.ParseError):
            pm.parse(text, strict=True)
    else:
        clean = pm.parse(expected[1])
        assert value == clean, finding
        assert value.warnings == clean.warnings


def test_foreign_digits_say_why() -> None:
    value = pm.parse("≥৪0%")
    assert has_warning(value.warnings, WarningCode.FOREIGN_DIGITS)
    assert "U+09EA" in value.warnings[0]
    with pytest.raises(pm.ParseError) as info:
        pm.parse("৪95%", strict=True)
    assert info.value.position == 0


MEETS_FINDINGS: list[tuple[int, tuple[str, str], Any]] = [
    # 1. and 2.: escapes from meets.
    (1, ("1,000月", "1,000月"), True),  # free text against itself
    (2, ("≥5⼈", "6人"), True),
    # 4. An invisible character made 95% into 9 (900%).
    (4, ("≥9\u00ad5%", "96%"), True),
    # 12. meets used the actual's number only.
    (12, ("≥95%", "不足96%"), None),
    (12, ("≥95%", "≥90%"), None),
    (12, ("≥95%", "<90%"), False),  # every amount below 90% misses 95%
    (12, ("≥266米", "≥266米"), True),  # the actual restates the floor: met whatever it is
    (12, ("100%", "≥96%"), None),
    (12, ("≤100万元", "99美元"), None),
    (12, ("≥95%", "0.96"), None),  # a fraction or 0.96%: the unit decides
    (12, ("≥0.5%", "0.6"), True),  # a target below 1%: a bare 0.6 is 0.6%
    (12, ("≥20℃", "68°F"), pm.UnitMismatchError),
]


@pytest.mark.parametrize(("finding", "pair", "expected"), MEETS_FINDINGS)
def test_meets_findings(finding: int, pair: tuple[str, str], expected: Any) -> None:
    if isinstance(expected, type):
        with pytest.raises(expected):
            pm.meets(*pair)
        return
    verdict = pm.meets(*pair)
    assert verdict.met is expected, (finding, verdict.reason)
    if expected is None:
        assert pair[1] in verdict.reason


@pytest.mark.parametrize(
    ("finding", "call", "expected"),
    [
        # 16. attainment ignored that a bare actual takes the target's unit.
        (16, ("100%", "20", 20, "attainment"), Decimal("4")),
        (16, ("≥90%", "98%", 10, "attainment"), Decimal("9.8")),
        (16, ("≥90%", "98", 10, "attainment"), Decimal("9.8")),
    ],
)
def test_score_findings(finding: int, call: tuple[str, str, int, str], expected: Decimal) -> None:
    target, actual, weight, rule = call
    assert pm.score(target, actual, weight, rule=rule) == expected, finding


# ---------------------------------------------------------------------------- 6. truncation
def _seed_002() -> str:
    path = SEEDS / "002_9447ddad8dc33496.txt"
    if not path.exists():
        pytest.skip(f"needs {path}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("finding", "cut", "warned"),
    [
        (6, "≥9", True),  # `≥95%` cut to `≥9`: a valid, wrong value, so the row is pointed out
        (6, "≥95%", True),  # no final line break: it may be cut, it cannot be told
        (6, "≥95%\n", False),
        (6, "≥95%\n\n\n", False),
    ],
)
def test_a_truncated_document_warns(finding: int, cut: str, warned: bool) -> None:
    text = _seed_002()
    end = text.rindex("≥95%")
    tables = pm.read_tables(text[:end] + cut)
    last = tables[-1].rows[-1]
    assert last.raw == cut.strip(), finding
    found = [w for w in tables.warnings if "ends inside its last row" in w]
    assert bool(found) is warned
    if warned:
        assert repr(cut.strip()) in found[0] and f"line {last.line}" in found[0]


# ---------------------------------------------------------------------------- atheris, run 1
# fuzz/fuzz_contract.py, 1,861 s (fuzz/FINDINGS.md #4-#6), shrunk by hand.
ATHERIS_PAIRS = [
    # #4 pint's AttributeError: a rate with no numerator (`/年`) gave pint an empty unit name.
    ("全年月1日至201/年ㄭ㈲\x08龼", "显著21日<20㈱t帀㔱퀈年"),
    ("1日至201/年", "5"),
    # #5 decimal.Inexact from pint and from meets under a caller's trapped context.
    ("全年月1日至2025年㈱\x08日", "12年12年"),
    ("\x002222222222222222222222222\x00>fW\x04", "\x006fW\x04"),
    ("餟৾\ue0a1✧培训胓\x01✟✧➅✧鬁1-6", "✟\ue2274亿늴✧✧、ⷸ"),
]


@pytest.mark.parametrize(("target", "actual"), ATHERIS_PAIRS)
def test_atheris_pairs_keep_the_contract(target: str, actual: str) -> None:
    import decimal

    for text in (target, actual):
        value = pm.parse(text)
        assert pm.parse(str(value)) == value
    try:
        plain = pm.meets(target, actual).met
    except pm.PerfmetricsError as exc:
        plain = type(exc)
    with decimal.localcontext() as caller:
        caller.prec = 6
        caller.traps[decimal.Inexact] = True
        try:
            trapped = pm.meets(target, actual).met
        except pm.PerfmetricsError as exc:
            trapped = type(exc)
    assert trapped == plain


def test_a_compatibility_ideograph_folds_through_to_the_simplified_character() -> None:
    # #6: U+F927 folded to 蠟 (traditional), which the next parse folded to 蜡: no round trip.
    value = pm.parse("\uf9276")
    assert value.note == "蜡"
    assert pm.parse(str(value)) == value
