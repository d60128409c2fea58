"""meets / score / grade against tables of real seed values with hand-checked answers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import SEEDS, read_cases

import perfmetrics as pm
from perfmetrics.documents import check as check_module
from perfmetrics.documents import model as model_module
from perfmetrics.documents.check import Actual, check
from perfmetrics.judging import meets as meets_module
from perfmetrics.judging import scoring as scoring_module
from perfmetrics.judging.grading import grade

PAIRS = read_cases("judge_pairs.tsv")
MARGIN = re.compile(r"(-?[\d.]+)(.*)")
SCORES = read_cases("score_cases.tsv")
ERRORS = {
    "UnitMismatchError": pm.UnitMismatchError,
    "UnknownCategoryError": pm.UnknownCategoryError,
}


def test_tables_are_big_enough() -> None:
    assert len(PAIRS) >= 80
    assert len(SCORES) >= 20
    assert {row["rule"] for row in SCORES} == {"proportional", "all_or_nothing", "attainment"}
    assert {row["rounding"] for row in SCORES} >= {"", "down:0.1", "down:1", "half_up:0.01"}


@pytest.mark.parametrize(
    "row", PAIRS, ids=[f"{r['target']}|{r['actual']}|{r['category']}" for r in PAIRS]
)
def test_meets(row: dict[str, str]) -> None:
    kwargs = {
        "category": row["category"] or None,
        "year": int(row["year"]) if row["year"] else None,
    }
    if row["met"] in ERRORS:
        with pytest.raises(ERRORS[row["met"]]) as info:
            pm.meets(row["target"], row["actual"], **kwargs)
        assert isinstance(info.value, ValueError)
        return
    verdict = pm.meets(row["target"], row["actual"], **kwargs)
    assert str(verdict.met) == row["met"], verdict.reason
    assert verdict.reason
    if row["margin"]:
        magnitude, unit = MARGIN.fullmatch(row["margin"]).groups()  # type: ignore[union-attr]
        assert verdict.margin_amount is not None
        assert (verdict.margin_amount.magnitude, verdict.margin_amount.unit) == (
            Decimal(magnitude),
            unit,
        )


@pytest.mark.parametrize(
    "row", SCORES, ids=[f"{r['target']}|{r['actual']}|{r['rule']}|{r['rounding']}" for r in SCORES]
)
def test_score(row: dict[str, str]) -> None:
    weight: str | int = row["weight"] if "%" in row["weight"] else int(row["weight"])
    points = pm.score(
        row["target"],
        row["actual"],
        weight,
        category=row["category"] or None,
        rule=row["rule"],
        rounding=row["rounding"] or None,
    )
    assert isinstance(points, Decimal)
    assert points == Decimal(row["expected"]), row["why"]


def test_verdict_reason_shows_the_conversion() -> None:
    verdict = pm.meets("≤262.96万元", "2629600元")
    assert verdict.reason == "2629600元 ≤ 262.96万元 (= 2629600.00元)"
    assert verdict.margin == pm.ureg.Quantity(Decimal(0), "万元")
    assert bool(verdict) is True


def test_unknown_verdict_refuses_to_be_a_bool() -> None:
    verdict = pm.meets("保障", "增加收入")
    assert verdict.met is None and "free text" in verdict.reason
    with pytest.raises(TypeError, match="cannot say"):
        bool(verdict)


def test_unit_mismatch_names_both_units() -> None:
    with pytest.raises(pm.UnitMismatchError) as info:
        pm.meets("≥5人", "6人次")
    assert "人次" in str(info.value) and "'人'" in str(info.value)
    assert (info.value.target_unit, info.value.actual_unit) == ("人", "人次")


def test_category_names_are_lenient() -> None:
    for name in ["成本指标", "成本", "经济成本指标", " 成本 指标 ", "cost"]:
        assert pm.meets("100万元", "90万元", category=name).met is True


def test_score_errors() -> None:
    with pytest.raises(pm.UndecidableError):
        pm.score("保障", "增加收入", 5)
    with pytest.raises(pm.InputTypeError):
        pm.score("≥95%", "96%", 10, rule="generous")
    with pytest.raises(pm.InputTypeError):
        pm.score("≥95%", "96%", 10, rounding="up:7")
    with pytest.raises(pm.InputTypeError):
        pm.score("≥95%", "96%", -1)
    with pytest.raises(pm.UnitMismatchError):
        pm.score("≥22人", "20人", 10, rule="attainment")


# Seed 004's department-level tiers (优/良/中/差), with actuals and the grade a reader gives.
TIERS_RATE = {"优": "100%", "良": "≥90%", "中": "≥80%", "差": "<80%"}
TIERS_95 = {"优": "95%", "良": "≥85%", "中": "≥75%", "差": "<75%"}
TIERS_COUNT = {"优": "≥500", "良": "≥480", "中": "≥460", "差": "<460"}
TIERS_TIMELY = {"优": "及时", "良": "延期一周", "中": "延期两周", "差": "延期三周"}
TIERS_YES = {"优": "是", "良": "基本达到", "中": "否", "差": "否"}
GRADES = [
    (TIERS_RATE, "100%", "优"),
    (TIERS_RATE, "95%", "良"),
    (TIERS_RATE, "90%", "良"),
    (TIERS_RATE, "85%", "中"),
    (TIERS_RATE, "79.9%", "差"),
    (TIERS_95, "96%", "优"),
    (TIERS_95, "95%", "优"),
    (TIERS_95, "94%", "良"),
    (TIERS_95, "70%", "差"),
    (TIERS_COUNT, "510", "优"),
    (TIERS_COUNT, "470", "中"),
    (TIERS_COUNT, "459", "差"),
    (TIERS_TIMELY, "及时", "优"),
    (TIERS_TIMELY, "延期两周", "中"),
    (TIERS_YES, "是", "优"),
    (TIERS_YES, "基本达到", "良"),
    (TIERS_YES, "否", "中"),
    (TIERS_RATE, "90人", None),
]


@pytest.mark.parametrize(("tiers", "actual", "expected"), GRADES)
def test_grade(tiers: dict[str, str], actual: str, expected: str | None) -> None:
    assert pm.grade(tiers, actual) == expected


# ---------------------------------------------------------------------------- judged once
@pytest.mark.parametrize(
    "row", SCORES, ids=[f"{r['target']}|{r['actual']}|{r['rule']}|{r['rounding']}" for r in SCORES]
)
def test_score_takes_a_verdict_already_made(
    row: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    weight: str | int = row["weight"] if "%" in row["weight"] else int(row["weight"])
    category = row["category"] or None
    verdict = pm.meets(row["target"], row["actual"], category=category)

    def no_second_judgement(*args: object, **kwargs: object) -> pm.Verdict:
        raise AssertionError("score judged again")

    monkeypatch.setattr(scoring_module, "meets", no_second_judgement)
    points = pm.score(
        verdict.target,
        verdict.actual,
        weight,
        category=category,
        rule=row["rule"],
        rounding=row["rounding"] or None,
        verdict=verdict,
    )
    assert points == Decimal(row["expected"]), row["why"]


@pytest.mark.parametrize(("tiers", "actual", "expected"), GRADES)
def test_grade_takes_parsed_values(
    tiers: dict[str, str], actual: str, expected: str | None
) -> None:
    parsed = {name: pm.parse(text) for name, text in tiers.items()}
    assert grade(parsed, pm.parse(actual)) == expected
    assert grade(tiers, pm.parse(actual)) == expected


# Rows of seed 004 (department tiers and project rows) with actuals no tier or target repeats.
CHECKED = {
    "社会保险补贴到位率": ("92.5%", "no", "良"),
    "招聘单位邀请到场率": ("96.5%", "no", "优"),  # bare 95% without a category: equality
    "农村劳动力转移人数": ("3100人", "yes", ""),
    "协理员补贴预算控制额": ("5800元/人", "yes", ""),
}


def test_check_parses_and_judges_each_actual_once(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = pm.read_tables(SEEDS / "004_e85c4e418f268774.txt", year=2023)
    actuals = [
        Actual(indicator, actual, weight="10", line=line)
        for line, (indicator, (actual, _, _)) in enumerate(CHECKED.items(), start=2)
    ]
    judged: list[object] = []
    parsed: list[object] = []
    real_meets, real_parse = meets_module.meets, meets_module.parse

    def counting_meets(target: object, actual: object, **kwargs: object) -> pm.Verdict:
        judged.append(actual)
        return real_meets(target, actual, **kwargs)  # type: ignore[arg-type]

    def counting_parse(text: str, **kwargs: object) -> pm.Value:
        parsed.append(text)
        return real_parse(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(model_module, "meets", counting_meets)
    monkeypatch.setattr(scoring_module, "meets", counting_meets)
    monkeypatch.setattr(check_module, "parse", counting_parse)
    monkeypatch.setattr(meets_module, "parse", counting_parse)
    results = check(tables, actuals, year=2023)

    assert len(judged) == len(actuals)  # row.meets once; score reuses its verdict
    texts = [actual.actual for actual in actuals]
    assert [text for text in parsed if text in texts] == texts  # each actual parsed once
    summary = {r.row.level3: (r.actual.actual, r.to_dict()["met"], r.grade or "") for r in results}
    assert summary == CHECKED
    assert all(result.score is not None for result in results)


def test_check_still_says_why_a_row_without_a_value_cannot_be_judged() -> None:
    empty = pm.IndicatorRow(
        level1="",
        level2="数量指标",
        level3="人数",
        raw="",
        value=None,
        error="the value cell is empty",
    )
    table = pm.Table(rows=(empty,))
    (result,) = check([table], [Actual("人数", "not a value ≥", weight="10")])
    assert result.verdict is None
    assert result.error == "人数: the value cell is empty"
