"""Rule sets as data: the packaged sets, a bureau's TOML and YAML, and every kind of mistake.

The outcomes asserted here are the ones docs/review.md documents ("Your own rule set").
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from review_seeds import seed_tables

import perfmetrics as pm
from perfmetrics.review import load_rules, packaged_rule_sets
from perfmetrics.review.catalog import CATALOG


def _counts(findings: list[pm.Finding]) -> Counter[str]:
    return Counter(finding.rule or "" for finding in findings)


def test_default_set_configures_every_rule_with_a_basis_and_a_message() -> None:
    rules = load_rules(None)
    assert [rule.id for rule in rules.rules] == list(CATALOG)
    for rule in rules.rules:
        assert rule.title and rule.basis, rule.id
        assert sorted(rule.messages) == sorted(CATALOG[rule.id].codes), rule.id
    assert not rules.enabled("description_missing")
    assert rules.get("satisfaction_floor") is not None
    assert rules.get("no_such_rule") is None


def test_packaged_sets_load_by_name() -> None:
    assert packaged_rule_sets() == ("default", "district_example")
    district = load_rules("district_example")
    assert district.name == "district_example"
    assert district.get("name_length") is not None
    assert district.get("name_length").params["max_length"] == 14  # type: ignore[union-attr]
    assert district.enabled("description_missing")
    assert [rule.id for rule in district.rules][-2:] == [
        "district_quantifiable",
        "satisfaction_percent_floor",
    ]
    assert load_rules(district) is district


def test_district_example_changes_the_outcome_on_seed_001() -> None:
    tables = seed_tables("001")
    default = _counts(pm.review(tables))
    district = _counts(pm.review(tables, rules="district_example"))
    assert default == Counter(cost_over_budget=2, measurable_value=2, timeliness=1)
    assert district == Counter(
        cost_over_budget=2,
        measurable_value=2,
        timeliness=1,
        description_missing=132,
        district_quantifiable=21,
        name_length=9,
    )
    jishi = next(f for f in pm.review(tables, rules="district_example") if f.rule == "timeliness")
    assert jishi.severity == "error"
    assert jishi.message == "时效指标值“及时”不是时限（如“及时”），请写明完成时间或期限。"


TOML_SET = """
name = "bureau"
extends = "default"

[rules.satisfaction_floor]
floor = "95%"
severity = "error"

[rules.cost_over_budget]
enabled = false

[[custom]]
id = "benefit_not_just_baozhang"
shape = "regex"
category = "效益指标"
column = "raw"
forbid = "^(保障|促进|提升|降低)$"
severity = "warning"
message = "效益指标值“{raw}”只是一个动词，请写明可衡量的效果。"
"""


def test_a_toml_rule_set_changes_the_outcome(tmp_path: Path) -> None:
    path = tmp_path / "bureau.toml"
    path.write_text(TOML_SET, encoding="utf-8")
    findings = pm.review(seed_tables("001"), rules=path)
    assert _counts(findings) == Counter(
        satisfaction_floor=22, benefit_not_just_baozhang=20, measurable_value=2, timeliness=1
    )
    floor = next(f for f in findings if f.rule == "satisfaction_floor")
    assert (floor.severity, floor.indicator) == ("error", "派遣人员满意度")
    assert floor.message == "满意度目标“≥90%”（90%）低于95%。请提高目标值，或说明目标偏低的理由。"
    custom = next(f for f in findings if f.rule == "benefit_not_just_baozhang")
    assert (custom.code, custom.severity, custom.row) == ("benefit_not_just_baozhang", "warning", 4)
    assert custom.message == "效益指标值“保障”只是一个动词，请写明可衡量的效果。"
    # the same set as a mapping
    import tomllib

    assert pm.review(seed_tables("001"), rules=tomllib.loads(TOML_SET)) == findings


YAML_SET = """
name: bureau-yaml
rules:
  unit_missing:
    severity: error
    messages:
      unit_missing: "指标值缺少数量单位：“{raw}”"
custom:
  - id: cost_in_wanyuan
    shape: require
    category: 成本指标
    unit: [万元]
    severity: warning
    message: "成本指标应以万元计：“{raw}”（应为 {expected}，实为 {found}）"
"""


def test_a_yaml_rule_set_changes_the_outcome(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "bureau.yaml"
    path.write_text(YAML_SET, encoding="utf-8")
    findings = pm.review(seed_tables("004"), rules=path)
    units = [f for f in findings if f.rule == "unit_missing"]
    assert [f.severity for f in units] == ["error"] * 4
    assert units[0].message == "指标值缺少数量单位：“≥500”"
    custom = [
        (f.table_index, f.indicator, f.message) for f in findings if f.code == "cost_in_wanyuan"
    ]
    assert custom[:2] == [
        (1, "协理员补贴预算控制额", "成本指标应以万元计：“6000元/人”（应为 万元，实为 元/人）"),
        (8, "招聘工作人均成本", "成本指标应以万元计：“≤800元”（应为 万元，实为 元）"),
    ]
    assert len(custom) == 5


def test_extends_none_runs_only_your_own_rules() -> None:
    rules: dict[str, Any] = {
        "extends": "none",
        "custom": [
            {
                "id": "no_bare_percent",
                "shape": "require",
                "name": "满意度$",
                "direction": ["floor", "exact"],
                "message": "{name}：{raw}",
            }
        ],
    }
    findings = pm.review(seed_tables("002"), rules=rules)
    assert [(f.rule, f.indicator, f.message) for f in findings] == [
        ("no_bare_percent", "国家荣誉称号获得者满意度", "国家荣誉称号获得者满意度：100%")
    ]


def test_severity_resets_a_rules_own_code_severities() -> None:
    rules = load_rules({"rules": {"guessed_value": {"severity": "error"}}})
    guessed = rules.get("guessed_value")
    assert guessed is not None
    assert guessed.severity_of("note_with_number") == "error"
    assert load_rules(None).get("guessed_value").severity_of("note_with_number") == "info"  # type: ignore[union-attr]


BAD_SETS = [
    pytest.param({"rule": {}}, None, "rule", "unknown key", id="top-key"),
    pytest.param({"rules": {"nope": {}}}, "nope", None, "no such rule", id="rule-id"),
    pytest.param(
        {"rules": {"name_length": {"max_len": 3}}},
        "name_length",
        "max_len",
        "unknown key",
        id="key",
    ),
    pytest.param(
        {"rules": {"name_length": {"max_length": "15"}}},
        "name_length",
        "max_length",
        "expected an integer",
        id="type",
    ),
    pytest.param(
        {"rules": {"direction": {"enabled": "yes"}}},
        "direction",
        "enabled",
        "true or false",
        id="bool",
    ),
    pytest.param(
        {"rules": {"direction": {"severity": "fatal"}}},
        "direction",
        "severity",
        "'fatal'",
        id="sev",
    ),
    pytest.param(
        {"rules": {"direction": {"messages": {"wrong_way": "x"}}}},
        "direction",
        "messages.wrong_way",
        "no such code",
        id="code",
    ),
    pytest.param(
        {"rules": {"unit_missing": {"message": "{raw} {floor}"}}},
        "unit_missing",
        "messages.unit_missing",
        "unknown placeholder {floor}",
        id="placeholder",
    ),
    pytest.param(
        {"rules": {"satisfaction_floor": {"floor": "八成"}}},
        "satisfaction_floor",
        "floor",
        "'八成' is not a percentage",
        id="floor",
    ),
    pytest.param(
        {"rules": {"guessed_value": {"codes": ["unclear"]}}},
        "guessed_value",
        "codes",
        "unknown code 'unclear'",
        id="guess-code",
    ),
    pytest.param({"extends": "city"}, None, "extends", "not 'city'", id="extends"),
    pytest.param(
        {"custom": [{"id": "x", "shape": "regex", "forbid": "(", "message": "m"}]},
        "x",
        "forbid",
        "not a regular expression",
        id="regex",
    ),
    pytest.param(
        {"custom": [{"id": "x", "shape": "regex", "forbid": "a"}]},
        "x",
        "message",
        "needs a message",
        id="custom-message",
    ),
    pytest.param(
        {"custom": [{"id": "x", "shape": "lookup", "message": "m"}]},
        "x",
        "shape",
        "'regex' or 'require'",
        id="shape",
    ),
    pytest.param(
        {"custom": [{"id": "x", "shape": "require", "kind": ["number"], "message": "m"}]},
        "x",
        "kind",
        "'number' is not one of",
        id="kind",
    ),
    pytest.param(
        {"custom": [{"id": "direction", "shape": "require", "kind": ["date"], "message": "m"}]},
        "direction",
        "id",
        "already taken",
        id="taken",
    ),
    pytest.param(
        {"custom": [{"id": "x", "shape": "regex", "expect": "a", "colour": "red", "message": "m"}]},
        "x",
        "colour",
        "unknown key",
        id="custom-key",
    ),
]


@pytest.mark.parametrize(("data", "rule", "key", "detail"), BAD_SETS)
def test_mistakes_name_the_file_rule_and_key(
    data: dict[str, Any], rule: str | None, key: str | None, detail: str
) -> None:
    with pytest.raises(pm.RuleSetError) as info:
        load_rules(data)
    error = info.value
    assert (error.source, error.rule, error.key) == ("<mapping>", rule, key)
    assert detail in error.detail
    assert str(error).startswith("rule set <mapping>")
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert (again.rule, again.key, str(again)) == (rule, key, str(error))


def test_file_mistakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(pm.RuleSetError, match="cannot be read"):
        load_rules(tmp_path / "missing.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[rules\n", encoding="utf-8")
    with pytest.raises(pm.RuleSetError, match=r"rule set .*broken.toml: not valid TOML"):
        load_rules(broken)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[rules.name_length]\nmax_length = "x"\n', encoding="utf-8")
    with pytest.raises(pm.RuleSetError) as info:
        pm.review(seed_tables("002"), rules=str(wrong))
    assert str(info.value).startswith(f"rule set {wrong}, rule 'name_length', key 'max_length'")
    yaml_file = tmp_path / "set.yaml"
    yaml_file.write_text("name: x\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # as if PyYAML were not installed
    with pytest.raises(pm.RuleSetError, match=r'pip install "perfmetrics\[yaml\]"'):
        load_rules(yaml_file)


def test_bad_yaml(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    for text, detail in (("a: [", "not valid YAML"), ("- 1\n- 2\n", "must hold a mapping")):
        path = tmp_path / "set.yml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(pm.RuleSetError, match=detail):
            load_rules(path)


def test_review_refuses_what_is_not_a_table() -> None:
    with pytest.raises(pm.InputTypeError):
        pm.review(["not a table"])  # type: ignore[list-item]
    table = seed_tables("002")[0]
    assert pm.review(table) == pm.review([table])
