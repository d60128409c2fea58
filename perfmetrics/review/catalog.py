"""The built-in rules, in the order they run: what each checks and which codes it reports.

Their settings (on/off, severity, thresholds, word lists, messages, where each rule comes from)
are data: ``default.toml`` beside this file. A rule set may only configure the rules listed
here; a bureau's own rules go under ``[[custom]]`` (:mod:`perfmetrics.review.custom`).
"""

from __future__ import annotations

import perfmetrics.review.rules_tables as rules_tables
import perfmetrics.review.rules_targets as rules_targets
import perfmetrics.review.rules_values as rules_values
from perfmetrics.review.model import RuleSpec

__all__ = ["CATALOG", "spec"]

_GUESS_CODES = (
    "unknown_unit",
    "multiplier_without_unit",
    "ambiguous",
    "yearless",
    "note_with_number",
)

#: Every built-in rule, by id, in the order the reviewer runs them.
CATALOG: dict[str, RuleSpec] = {
    rule.id: rule
    for rule in (
        RuleSpec(
            id="required_categories",
            codes=("category_missing",),
            table_check=rules_tables.required_categories,
        ),
        RuleSpec(
            id="measurable_value",
            codes=("value_not_measurable", "value_ambiguous", "value_empty"),
            row_check=rules_values.measurable_value,
            fields=frozenset({"example"}),
        ),
        RuleSpec(
            id="unit_missing",
            codes=("unit_missing", "rate_unit_missing"),
            row_check=rules_values.unit_missing,
            fields=frozenset({"suggestion"}),
        ),
        RuleSpec(
            id="timeliness",
            codes=("timeliness_not_time", "timeliness_ambiguous", "timeliness_rate_unclear"),
            row_check=rules_values.timeliness,
        ),
        RuleSpec(
            id="rate_over_100",
            codes=("rate_over_100",),
            row_check=rules_targets.rate_over_100,
            fields=frozenset({"value"}),
        ),
        RuleSpec(
            id="rate_unit",
            codes=("rate_not_percent",),
            row_check=rules_targets.rate_unit,
            fields=frozenset({"unit"}),
        ),
        RuleSpec(
            id="direction",
            codes=(
                "direction_against_rate",
                "direction_against_name",
                "direction_against_category",
            ),
            row_check=rules_targets.direction,
            fields=frozenset({"op", "expected", "reason"}),
        ),
        RuleSpec(
            id="satisfaction_floor",
            codes=("satisfaction_below_floor",),
            row_check=rules_targets.satisfaction_floor,
            fields=frozenset({"value", "floor"}),
            validate=rules_targets.check_floor,
        ),
        RuleSpec(
            id="cost_over_budget",
            codes=("cost_over_budget",),
            row_check=rules_targets.cost_over_budget,
            fields=frozenset({"amount", "budget"}),
            validate=rules_targets.check_budget_unit,
        ),
        RuleSpec(
            id="cost_sum_over_budget",
            codes=("cost_sum_over_budget",),
            table_check=rules_tables.cost_sum_over_budget,
            fields=frozenset({"amount", "budget", "count"}),
            validate=rules_targets.check_budget_unit,
        ),
        RuleSpec(
            id="duplicate_indicator",
            codes=("duplicate_indicator",),
            table_check=rules_tables.duplicate_indicator,
            fields=frozenset({"first"}),
        ),
        RuleSpec(
            id="duplicate_name",
            codes=("duplicate_name",),
            table_check=rules_tables.duplicate_name,
            fields=frozenset({"first"}),
        ),
        RuleSpec(
            id="guessed_value",
            codes=_GUESS_CODES,
            row_check=rules_values.guessed_value,
            fields=frozenset({"value", "note", "warning", "unit"}),
            validate=lambda params: rules_values.check_params(params, codes=_GUESS_CODES),
        ),
        RuleSpec(
            id="name_length",
            codes=("name_too_long",),
            row_check=rules_values.name_length,
            fields=frozenset({"length", "max_length"}),
        ),
        RuleSpec(
            id="description_missing",
            codes=("description_missing",),
            row_check=rules_values.description_missing,
        ),
    )
}


def spec(rule_id: str) -> RuleSpec | None:
    """Return the built-in rule ``rule_id``, or None."""
    return CATALOG.get(rule_id)
