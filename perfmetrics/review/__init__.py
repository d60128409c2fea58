"""Review submitted targets (绩效目标审核): rule sets as data, a reviewer, reports.

``review(tables, rules=None)`` runs a rule set (:mod:`~perfmetrics.review.ruleset`: the
packaged ``default.toml``, a bureau's own TOML or YAML file, or a mapping) over the tables that
:func:`perfmetrics.read_tables` returned and returns :class:`perfmetrics.findings.Finding` s.
The built-in rules are listed in :mod:`~perfmetrics.review.catalog` and documented, with where
each comes from, in docs/review.md.
"""

from __future__ import annotations

from perfmetrics.review.engine import has_errors, review, review_table
from perfmetrics.review.model import RuleConfig, RuleSet
from perfmetrics.review.ruleset import load_rules, packaged_rule_sets

__all__ = [
    "RuleConfig",
    "RuleSet",
    "has_errors",
    "load_rules",
    "packaged_rule_sets",
    "review",
    "review_table",
]
