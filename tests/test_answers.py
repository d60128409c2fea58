"""Actuals written as words: verdicts (达成预期指标, 部分完成, 未达成) and restated targets.

Sources: the 安徽池州 fixtures answer every qualitative row with 达成预期指标; the 湖北 and 湖南
fixtures restate their qualitative targets (tests/fixtures/selfeval). The words are the groups
``verdict_met``, ``verdict_partial``, ``verdict_not_met`` of words.tsv.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.judging.answers import Outcome, restated, stated_outcome
from perfmetrics.judging.grading import grade
from perfmetrics.vocabulary import words

VERDICT_WORDS = [
    (word, outcome)
    for group, outcome in (
        ("verdict_met", "met"),
        ("verdict_partial", "partial"),
        ("verdict_not_met", "not_met"),
    )
    for word in words(group)
]


@pytest.mark.parametrize(("word", "outcome"), VERDICT_WORDS, ids=[w for w, _ in VERDICT_WORDS])
def test_verdict_words_as_actuals(word: str, outcome: str) -> None:
    assert stated_outcome(word) == outcome
    for target in ("效果明显", "严格执行相关制度规定", "≥95%", "2022年12月底前"):
        verdict = pm.meets(target, word, year=2022)
        assert verdict.outcome == outcome, target
        assert verdict.partial is (outcome == "partial")


def test_a_partial_verdict_is_not_met_and_says_so() -> None:
    verdict = pm.meets("效果明显", "基本达到")
    assert (verdict.met, verdict.partial, verdict.outcome) == (False, True, "partial")
    assert bool(verdict) is False
    assert verdict.reason_zh == "完成值“基本达到”表明部分达成"
    assert "partly met" in verdict._repr_html_()


def test_yes_no_targets_are_answered_not_judged() -> None:
    assert pm.meets("否", "否").met is True  # 是否发生安全事故: 否
    assert pm.meets("是", "否").met is False
    assert pm.meets("完成", "已完成").met is True


def test_tiers_still_match_by_text() -> None:
    tiers = {"优": "是", "良": "基本达到", "中": "否", "差": "否"}
    assert grade(tiers, "基本达到") == "良" and grade(tiers, "是") == "优"


# target, actual, outcome, source
RESTATED = [
    ("及时", "及时", "met", "上海普陀 fixture"),
    ("显著提升", "显著提升", "met", "四川中江 fixture"),
    ("高", "高", "met", "湖南衡山 fixture"),
    ("获得目的国(地区)受众欢迎", "受目的国受众欢迎显著", "met", "湖北 fixture"),
    (
        "企业把握正确政治导向和文化方向情况的评价",
        "企业较好把握正确政治导向和文化方向情况的评价",
        "met",
        "湖北 fixture",
    ),
    ("是否利于企业走出去", "有利于推动企业走出去", "met", "湖北 fixture"),
    ("是否利于企业走出去", "不利于企业走出去", "not_met", "negated answer"),
    ("效果明显", "效果不明显", "not_met", "a negation inside"),
    ("及时", "基本及时", "partial", "基本 before the target's word"),
    ("安全", "安全无事故", "met", "a negation after the target's words changes nothing"),
    ("保障", "增加收入", None, "unrelated text"),
    ("提升", "提升了一大截服务能力水平", None, "too much added"),
]


@pytest.mark.parametrize(
    ("target", "actual", "outcome", "source"), RESTATED, ids=[r[1] for r in RESTATED]
)
def test_restated_targets(target: str, actual: str, outcome: str | None, source: str) -> None:
    assert restated(target, actual) == outcome, source
    expected = "unknown" if outcome is None else outcome
    assert pm.meets(target, actual).outcome == expected, source


def test_outcome_members() -> None:
    assert [o.met for o in Outcome] == [True, False, False]
    assert repr(Outcome.PARTIAL) == "'partial'"


# target, actual, reason_zh
CHINESE_REASONS = [
    ("≥100%", "72.74%", "完成值“72.74%”未达到指标值“≥100%”（不低于），相差27.26%"),
    ("≤202.6万元", "132.9", "完成值“132.9”符合指标值“≤202.6万元”（不高于），相差69.7万元"),
    ("<=5300元/户", "5830元/户",
     "完成值“5830元/户”超出指标值“<=5300元/户”（不高于），高出530元/户"),
    ("3-6本/期", "2本/期", "完成值“2本/期”不在指标值“3-6本/期”的范围内，相差1本/期"),
    ("2025年12月底前", "2026-01-03",
     "完成值“2026-01-03”未达到指标值“2025年12月底前”（不高于），晚3天"),
    ("及时", "及时", "完成值与指标值“及时”一致，达成"),
    ("保障", "增加收入", "指标值“保障”为文字表述，完成值“增加收入”无法据此判断是否达成"),
    ("12月底前", "2023-12-01", "指标值“12月底前”未写年份，无法判断"),
    ("获得目的国(地区)受众欢迎", "受目的国受众欢迎显著",
     "完成值“受目的国受众欢迎显著”对照指标值“获得目的国(地区)受众欢迎”，视为达成"),
]  # fmt: skip


@pytest.mark.parametrize(("target", "actual", "reason"), CHINESE_REASONS)
def test_reasons_in_chinese(target: str, actual: str, reason: str) -> None:
    verdict = pm.meets(target, actual, category="数量指标" if "-" in target else None)
    assert verdict.reason_zh == reason
    assert verdict.reason  # the English reason keeps its form


@given(st.text(alphabet="及时高效果明显提升保障到位", min_size=1, max_size=8))
def test_a_text_restating_itself_is_met(text: str) -> None:
    assert restated(text, text) == "met"
    assert pm.meets(text, text).met is True
