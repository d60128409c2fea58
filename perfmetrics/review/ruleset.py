"""Rule sets as data: read TOML or YAML, check every key, lay a bureau's settings over a base.

TOML is read with the standard library's ``tomllib``, YAML with PyYAML (the ``yaml`` extra).

A rule set file::

    name = "my bureau"
    extends = "default"          # default | district_example | none (every built-in rule off)

    [rules.satisfaction_floor]   # a built-in rule: enabled, severity, severities.<code>,
    floor = "85%"                # message (every code), messages.<code>, and its parameters
    severity = "error"

    [[custom]]                   # a rule of your own (see perfmetrics.review.custom)
    id = "timeliness_jishi"
    shape = "regex"
    category = "时效指标"
    forbid = "^及时$"
    severity = "error"
    message = "时效指标值“{raw}”不是时限，请写明完成时间。"

Every mistake raises :class:`~perfmetrics.errors.RuleSetError` naming the file, the rule and
the key.
"""

from __future__ import annotations

import functools
import importlib
import os
import string
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from perfmetrics.errors import RuleSetError
from perfmetrics.findings import Severity
from perfmetrics.review.catalog import CATALOG
from perfmetrics.review.custom import CUSTOM_FIELDS, CUSTOM_KEYS, build_spec
from perfmetrics.review.model import COMMON_FIELDS, RuleConfig, RuleSet

__all__ = ["PACKAGED", "load_rules", "packaged_rule_sets"]

#: The rule sets shipped in the package, by name.
PACKAGED = {"default": "default.toml", "district_example": "district_example.toml"}
#: What ``extends = "none"`` starts from: the built-in rules, all off.
_NONE = "none"
_TOP_KEYS = frozenset({"name", "description", "extends", "rules", "custom"})
_RULE_KEYS = frozenset(
    {"enabled", "severity", "severities", "message", "messages", "title", "basis"}
)
_CUSTOM_OWN = frozenset({"id", "code", "enabled", "severity", "message", "title", "basis"})
_TYPE_NAMES = {
    bool: "true or false",
    int: "an integer",
    str: "a string",
    list: "a list of strings",
    dict: "a table of strings",
}


def packaged_rule_sets() -> tuple[str, ...]:
    """Return the names of the rule sets shipped with perfmetrics."""
    return tuple(PACKAGED)


def load_rules(source: str | os.PathLike[str] | Mapping[str, Any] | RuleSet | None) -> RuleSet:
    """Return a rule set from a file (``.toml``, ``.yaml``), a mapping, a packaged name or None.

    ``None`` is the default set; a string that names no file but a packaged set
    (``"district_example"``) loads that set.

    Raises:
        RuleSetError: the file is missing or malformed, or a rule, key or value is wrong.

    """
    if source is None:
        return _packaged("default")
    if isinstance(source, RuleSet):
        return source
    if isinstance(source, Mapping):
        return _build(source, "<mapping>")
    path = Path(source)
    if isinstance(source, str) and not path.exists() and source in PACKAGED:
        return _packaged(source)
    return _build(_read(path), str(source))


def _read(path: Path) -> Mapping[str, Any]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(name, f"cannot be read ({exc})") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml(text, name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(name, f"not valid TOML ({exc})") from exc


def _yaml(text: str, name: str) -> Mapping[str, Any]:
    try:
        yaml = importlib.import_module("yaml")
    except ImportError as exc:
        detail = 'YAML rule sets need PyYAML: pip install "perfmetrics[yaml]"'
        raise RuleSetError(name, detail) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleSetError(name, f"not valid YAML ({exc})") from exc
    if not isinstance(data, Mapping):
        raise RuleSetError(name, "the file must hold a mapping (name, rules, custom)")
    return data


@functools.cache
def _packaged(name: str) -> RuleSet:
    if name == _NONE:
        base = _packaged("default")
        rules = tuple(_evolve(rule, enabled=False) for rule in base.rules)
        return RuleSet(name=_NONE, source="<none>", rules=rules)
    text = resources.files(__package__).joinpath(PACKAGED[name]).read_text(encoding="utf-8")
    source = f"perfmetrics/review/{PACKAGED[name]}"
    return _build(tomllib.loads(text), source, is_default=name == "default")


def _evolve(rule: RuleConfig, **changes: Any) -> RuleConfig:
    fields = {
        "id": rule.id,
        "enabled": rule.enabled,
        "severity": rule.severity,
        "severities": rule.severities,
        "messages": rule.messages,
        "params": rule.params,
        "title": rule.title,
        "basis": rule.basis,
        "custom": rule.custom,
    }
    return RuleConfig(**{**fields, **changes})


def _build(data: Mapping[str, Any], source: str, *, is_default: bool = False) -> RuleSet:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise RuleSetError(source, f"unknown key (expected {sorted(_TOP_KEYS)})", key=unknown[0])
    base = _base(data, source, is_default)
    rules = {rule.id: rule for rule in base.rules}
    settings = data.get("rules", {})
    if not isinstance(settings, Mapping):
        raise RuleSetError(source, "expected a table of rules", key="rules")
    for rule_id, setting in settings.items():
        if not isinstance(setting, Mapping):
            raise RuleSetError(source, "expected a table of settings", rule=rule_id)
        if rule_id not in rules:
            detail = "no such rule (your own rules go under [[custom]])"
            raise RuleSetError(source, detail, rule=rule_id)
        rules[rule_id] = _overlay(rules[rule_id], setting, source)
    customs = data.get("custom", [])
    if not isinstance(customs, list):
        raise RuleSetError(source, "expected a list of rules ([[custom]])", key="custom")
    seen: set[str] = set()
    for entry in customs:
        rule = _custom(entry, source)
        if rule.id in seen or rule.id in CATALOG:
            raise RuleSetError(source, "this id is already taken", rule=rule.id, key="id")
        seen.add(rule.id)
        rules[rule.id] = rule
    missing = [rule_id for rule_id in CATALOG if is_default and rule_id not in settings]
    if missing:
        raise RuleSetError(source, "the default set must configure every rule", rule=missing[0])
    return RuleSet(
        name=str(data.get("name", Path(source).stem)),
        source=source,
        rules=tuple(rules.values()),
        description=str(data.get("description", "")),
    )


def _base(data: Mapping[str, Any], source: str, is_default: bool) -> RuleSet:
    if is_default:
        rules = tuple(RuleConfig(id=rule_id, params={}) for rule_id in CATALOG)
        return RuleSet(name="", source=source, rules=rules)
    extends = data.get("extends", "default")
    if extends != _NONE and extends not in PACKAGED:
        detail = f"extends one of {[*PACKAGED, _NONE]}, not {extends!r}"
        raise RuleSetError(source, detail, key="extends")
    return _packaged(extends)


def _overlay(rule: RuleConfig, setting: Mapping[str, Any], source: str) -> RuleConfig:
    """Lay ``setting`` (one rule's table) over ``rule``."""
    spec = CATALOG.get(rule.id)
    is_new = spec is not None and not rule.messages  # the default set, being built
    codes = spec.codes if spec is not None else tuple(rule.messages)
    changes: dict[str, Any] = {}
    params = dict(rule.params)
    for key, value in setting.items():
        if key in ("enabled", "title", "basis"):
            expected = bool if key == "enabled" else str
            _check_type(value, expected(), source, rule.id, key)
            changes[key] = value
        elif key == "severity":
            changes["severity"] = _severity(value, source, rule.id, key)
            changes.setdefault("severities", {})
        elif key in ("severities", "messages", "message"):
            _code_settings(key, value, codes, changes, source, rule.id)
        elif spec is None:
            raise RuleSetError(source, "unknown key of a custom rule", rule=rule.id, key=key)
        elif is_new:
            params[key] = value
        elif key not in params:
            detail = f"unknown key (expected one of {sorted(_RULE_KEYS | set(params))})"
            raise RuleSetError(source, detail, rule=rule.id, key=key)
        else:
            _check_type(value, params[key], source, rule.id, key)
            params[key] = value
    messages = {**rule.messages, **changes.pop("messages", {})}
    if is_new and sorted(messages) != sorted(codes):
        missing = sorted(set(codes) - set(messages))
        raise RuleSetError(source, "every code needs a message", rule=rule.id, key=missing[0])
    fields = COMMON_FIELDS | (spec.fields if spec is not None else CUSTOM_FIELDS)
    for code, template in messages.items():
        _check_template(template, fields, source, rule.id, f"messages.{code}")
    if spec is not None and spec.validate is not None:
        try:
            spec.validate(params)
        except ValueError as exc:
            key, _, detail = str(exc).partition(": ")
            raise RuleSetError(source, detail, rule=rule.id, key=key) from exc
    return _evolve(rule, **changes, messages=messages, params=params)


def _code_settings(
    key: str,
    value: Any,
    codes: tuple[str, ...],
    changes: dict[str, Any],
    source: str,
    rule_id: str,
) -> None:
    if key == "message":
        _check_type(value, "", source, rule_id, key)
        changes["messages"] = {**changes.get("messages", {}), **dict.fromkeys(codes, value)}
        return
    if not isinstance(value, Mapping):
        raise RuleSetError(source, "expected a table keyed by code", rule=rule_id, key=key)
    for code, item in value.items():
        if code not in codes:
            detail = f"no such code (this rule reports {list(codes)})"
            raise RuleSetError(source, detail, rule=rule_id, key=f"{key}.{code}")
        if key == "messages":
            _check_type(item, "", source, rule_id, f"{key}.{code}")
            changes["messages"] = {**changes.get("messages", {}), code: item}
        else:
            severity = _severity(item, source, rule_id, f"{key}.{code}")
            changes["severities"] = {**changes.get("severities", {}), code: severity}


def _severity(value: Any, source: str, rule_id: str, key: str) -> Severity:
    try:
        return Severity(value)
    except ValueError as exc:
        detail = f"expected one of {[str(s) for s in Severity]}, not {value!r}"
        raise RuleSetError(source, detail, rule=rule_id, key=key) from exc


def _check_type(value: Any, like: Any, source: str, rule_id: str, key: str) -> None:
    kind = type(like)
    if kind is bool or kind is int:
        fits = type(value) is kind
    elif kind is list:
        fits = isinstance(value, list) and all(isinstance(item, str) for item in value)
    elif kind is dict:
        fits = isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values())
    else:
        fits = isinstance(value, kind)
    if not fits:
        detail = f"expected {_TYPE_NAMES.get(kind, kind.__name__)}, not {value!r}"
        raise RuleSetError(source, detail, rule=rule_id, key=key)


def _check_template(
    template: str, fields: frozenset[str], source: str, rule: str, key: str
) -> None:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise RuleSetError(source, f"not a message template ({exc})", rule=rule, key=key) from exc
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        # Plain names only: {row[9]}, {name.x} or {raw:d} would fail when a finding is written.
        if name not in fields:
            detail = f"unknown placeholder {{{name}}} (use {sorted(fields)})"
            raise RuleSetError(source, detail, rule=rule, key=key)
        if spec:
            detail = f"a placeholder takes no format: write {{{name}}}, not {{{name}:{spec}}}"
            raise RuleSetError(source, detail, rule=rule, key=key)


def _custom(entry: Any, source: str) -> RuleConfig:
    if not isinstance(entry, Mapping):
        raise RuleSetError(source, "a custom rule is a table of settings", key="custom")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleSetError(source, "a custom rule needs an id (a string)", key="custom.id")
    unknown = sorted(set(entry) - _CUSTOM_OWN - CUSTOM_KEYS)
    if unknown:
        raise RuleSetError(source, "unknown key of a custom rule", rule=rule_id, key=unknown[0])
    if "message" not in entry:
        raise RuleSetError(source, "a custom rule needs a message", rule=rule_id, key="message")
    try:
        spec = build_spec(entry)
    except ValueError as exc:
        key, _, detail = str(exc).partition(": ")
        raise RuleSetError(source, detail, rule=rule_id, key=key) from exc
    code = entry.get("code", rule_id)
    _check_type(code, "", source, rule_id, "code")
    _check_template(entry["message"], COMMON_FIELDS | CUSTOM_FIELDS, source, rule_id, "message")
    _check_type(entry.get("enabled", True), True, source, rule_id, "enabled")
    return RuleConfig(
        id=rule_id,
        enabled=entry.get("enabled", True),
        severity=_severity(entry.get("severity", "warning"), source, rule_id, "severity"),
        messages={code: entry["message"]},
        title=str(entry.get("title", "")),
        basis=str(entry.get("basis", "")),
        custom=spec,
    )
