"""A bureau's own rules, written as data: a regex on a column, or a required kind, direction, unit.

Either applies to the rows of some categories or whose name matches a pattern.

A ``[[custom]]`` entry of a rule set becomes a :class:`~perfmetrics.review.model.CustomSpec`
(:func:`build_spec`) and runs through :func:`custom_check`::

    [[custom]]
    id = "timeliness_jishi"
    shape = "regex"             # or "require"
    category = "时效指标"        # optional: the rows it applies to (one name or a list)
    name = "率$"                # optional: a regex on the 三级 name
    column = "raw"              # regex: level1, level2, level3 (= name), description, raw, basis,
                                #        note, unit, value
    forbid = "^(及时|按时)$"     # regex: report a match; or expect = "…": report a miss
    kind = ["date", "period"]   # require: the value's kind is one of these
    direction = ["floor"]       # require: floor (≥ >), ceiling (≤ <), exact (= written), bare
    unit = ["%"]                # require: the value's unit is one of these (百分比 = %)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from perfmetrics.errors import PerfmetricsError
from perfmetrics.review.model import CustomSpec, Hit, RowContext, RuleConfig
from perfmetrics.review.names import category_match, fold, target_amount
from perfmetrics.values.api import parse
from perfmetrics.values.model import Comparator, Kind, QuantityValue, Value

__all__ = ["CUSTOM_FIELDS", "CUSTOM_KEYS", "build_spec", "custom_check"]

#: Placeholders a custom rule's message may use besides the common ones.
CUSTOM_FIELDS = frozenset({"text", "column", "pattern", "expected", "found"})
#: Keys of a ``[[custom]]`` entry that describe what it checks (the others: id, enabled,
#: severity, message, code, title, basis).
CUSTOM_KEYS = frozenset(
    {"shape", "category", "name", "column", "forbid", "expect", "kind", "direction", "unit"}
)
_COLUMNS = frozenset(
    {"level1", "level2", "level3", "name", "description", "raw", "basis", "note", "unit", "value"}
)
_DIRECTIONS = {
    "floor": "floor",
    "ceiling": "ceiling",
    "exact": "exact",
    "bare": "bare",
    ">=": "floor",
    "≥": "floor",
    ">": "floor",
    "<=": "ceiling",
    "≤": "ceiling",
    "<": "ceiling",
    "=": "exact",
    "==": "exact",
}


def _strings(key: str, value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ValueError(f"{key}: expected a string or a list of strings")
    return tuple(items)


def _pattern(key: str, value: Any) -> regex.Pattern[str]:
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected a regular expression (a string)")
    try:
        return regex.compile(value)
    except regex.error as exc:
        raise ValueError(f"{key}: not a regular expression ({exc})") from exc


def _unit(text: str) -> str:
    """Return the canonical spelling of a unit a user wrote (百分比 → %)."""
    try:
        value = parse(f"1{text}", strict=True)
    except PerfmetricsError:
        return text
    return value.unit if isinstance(value, QuantityValue) else text


def build_spec(data: Mapping[str, Any]) -> CustomSpec:
    """Build the check of a ``[[custom]]`` entry.

    Raises:
        ValueError: ``"key: reason"`` for the first key that is wrong.

    """
    shape = data.get("shape")
    categories = _strings("category", data.get("category", []))
    name = _pattern("name", data["name"]) if "name" in data else None
    if shape == "regex":
        column = data.get("column", "raw")
        if column not in _COLUMNS:
            raise ValueError(f"column: expected one of {sorted(_COLUMNS)}, not {column!r}")
        if ("forbid" in data) == ("expect" in data):
            raise ValueError("forbid: give exactly one of forbid (report a match) or expect")
        key = "forbid" if "forbid" in data else "expect"
        return CustomSpec(
            shape="regex",
            categories=categories,
            name=name,
            column=column,
            pattern=_pattern(key, data[key]),
            forbid=key == "forbid",
        )
    if shape == "require":
        kinds = _strings("kind", data.get("kind", []))
        wrong = [kind for kind in kinds if kind not in {str(k) for k in Kind} | {"empty"}]
        if wrong:
            raise ValueError(f"kind: {wrong[0]!r} is not one of {[str(k) for k in Kind]}")
        directions = _strings("direction", data.get("direction", []))
        unknown = [item for item in directions if item not in _DIRECTIONS]
        if unknown:
            raise ValueError(f"direction: {unknown[0]!r} is not one of {sorted(_DIRECTIONS)}")
        units = tuple(_unit(unit) for unit in _strings("unit", data.get("unit", [])))
        if not (kinds or directions or units):
            raise ValueError("shape: a require rule needs at least one of kind, direction, unit")
        return CustomSpec(
            shape="require",
            categories=categories,
            name=name,
            kinds=kinds,
            directions=tuple(_DIRECTIONS[item] for item in directions),
            units=units,
        )
    raise ValueError(f"shape: expected 'regex' or 'require', not {shape!r}")


def _column(ctx: RowContext, column: str) -> str:
    row, value = ctx.row, ctx.row.value
    if column in ("level3", "name"):
        return row.level3
    if column == "note":
        return "" if value is None else value.note
    if column == "value":
        return "" if value is None else str(value)
    if column == "unit":
        amount = target_amount(value)
        return "" if amount is None else amount.unit
    text: str | None = getattr(row, column)
    return text or ""


def _direction(value: Value | None) -> str | None:
    if not isinstance(value, QuantityValue):
        return None
    if not value.op_explicit:
        return "bare"
    if value.op is Comparator.EQ:
        return "exact"
    return "floor" if value.op.is_floor else "ceiling"


def _require(spec: CustomSpec, value: Value | None) -> tuple[str, str] | None:
    """Return (expected, found) for the first requirement the value misses, or None."""
    kind = "empty" if value is None else str(value.kind)
    if spec.kinds and kind not in spec.kinds:
        return "/".join(spec.kinds), kind
    if spec.directions:
        found = _direction(value)
        if found not in spec.directions:
            return "/".join(spec.directions), found or kind
    if spec.units:
        amount = target_amount(value)
        unit = None if amount is None else amount.unit
        if unit not in spec.units:
            return "/".join(spec.units), unit if unit is not None else kind
    return None


def custom_check(ctx: RowContext, config: RuleConfig) -> Iterator[Hit]:
    """Run a bureau's own rule on one row."""
    spec = config.custom
    if spec is None:
        return
    code = next(iter(config.messages), config.id)
    row = ctx.row
    if spec.categories and category_match(row, spec.categories) is None:
        return
    if spec.name is not None and not spec.name.search(fold(row.level3)):
        return
    if spec.shape == "regex" and spec.pattern is not None:
        text = _column(ctx, spec.column)
        if bool(spec.pattern.search(text)) == spec.forbid:
            fields = {"text": text, "column": spec.column, "pattern": spec.pattern.pattern}
            yield Hit(code, ctx.index, {**fields, "expected": "", "found": text})
    elif spec.shape == "require":
        missed = _require(spec, row.value)
        if missed is not None:
            yield Hit(code, ctx.index, {"expected": missed[0], "found": missed[1]})
