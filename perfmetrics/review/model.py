"""What the reviewer works with: rule settings, rule sets, what a rule reports, and its context.

No loading and no checking happens here: :mod:`perfmetrics.review.ruleset` builds a
:class:`RuleSet` from TOML, YAML or a mapping, the rule modules (``rules_*.py``) look at one
table or row and return :class:`Hit` s, and :mod:`perfmetrics.review.engine` turns hits into
:class:`perfmetrics.findings.Finding` s with the rule's severity and message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import regex
from attrs import field, frozen

from perfmetrics.documents.model import IndicatorRow, Table
from perfmetrics.findings import Severity

__all__ = [
    "COMMON_FIELDS",
    "CustomSpec",
    "Hit",
    "RowCheck",
    "RowContext",
    "RuleConfig",
    "RuleSet",
    "RuleSpec",
    "TableCheck",
    "TableContext",
]

#: Placeholders every message may use: ``{name}`` is the 三级 name, ``{row}`` the 1-based row.
COMMON_FIELDS = frozenset(
    {"rule", "code", "table", "row", "line", "name", "raw", "category", "level1", "level2"}
)


def _frozen_dict(items: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(items or {})


@frozen(kw_only=True)
class CustomSpec:
    """A bureau's own rule, written as data (``[[custom]]`` in a rule set).

    ``shape`` is ``regex`` (a pattern on one column: ``forbid`` reports a match, ``expect`` a
    miss) or ``require`` (the value must be of one of ``kinds``, have a comparator of one of
    ``directions`` and a unit of ``units``). ``categories`` and ``name`` pick the rows it
    applies to (all rows when both are empty).
    """

    shape: str
    categories: tuple[str, ...] = ()
    name: regex.Pattern[str] | None = None
    column: str = "raw"
    pattern: regex.Pattern[str] | None = None
    forbid: bool = True
    kinds: tuple[str, ...] = ()
    directions: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@frozen(kw_only=True)
class RuleConfig:
    """One rule of a rule set, as configured: on or off, its severity, messages and parameters.

    ``messages`` maps each code the rule reports to a message template (``str.format`` with the
    placeholders of :data:`COMMON_FIELDS` and the rule's own). ``params`` are the rule's
    thresholds and category lists, as the rule set writes them (checked when it was loaded).
    """

    id: str
    enabled: bool = True
    severity: Severity = Severity.WARNING
    #: Code → severity, for the codes whose severity differs from the rule's.
    severities: dict[str, Severity] = field(factory=dict, converter=_frozen_dict, hash=False)
    messages: dict[str, str] = field(factory=dict, converter=_frozen_dict, hash=False)
    params: dict[str, Any] = field(factory=dict, converter=_frozen_dict, hash=False)
    #: A short name of the rule, for documentation and ``--list-rules``.
    title: str = ""
    #: Where the rule comes from (the national guidance, a bureau's criteria).
    basis: str = ""
    #: For a bureau's own rules: what the rule checks.
    custom: CustomSpec | None = None

    def severity_of(self, code: str) -> Severity:
        """Return the severity of findings of ``code``."""
        return self.severities.get(code, self.severity)


@frozen(kw_only=True)
class RuleSet:
    """Rules in the order they run; ``source`` names the file (or ``<mapping>``)."""

    name: str
    source: str
    rules: tuple[RuleConfig, ...]
    description: str = ""

    def get(self, rule_id: str) -> RuleConfig | None:
        """Return the rule of id ``rule_id`` or None."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    def enabled(self, rule_id: str) -> bool:
        """Say whether the rule ``rule_id`` is in the set and on."""
        rule = self.get(rule_id)
        return rule is not None and rule.enabled

    def __repr__(self) -> str:
        on = sum(rule.enabled for rule in self.rules)
        return f"<RuleSet {self.name!r} from {self.source}: {on} of {len(self.rules)} rules on>"


@frozen
class Hit:
    """What a rule found: a code, the row (``None`` for the table), and message placeholders."""

    code: str
    row: int | None = None
    fields: dict[str, str] = field(factory=dict, converter=_frozen_dict, hash=False)


@frozen(kw_only=True)
class TableContext:
    """A table under review, with its position in the document and the rule set in force."""

    table: Table
    index: int
    ruleset: RuleSet


@frozen(kw_only=True)
class RowContext:
    """A row under review: its table's context and the row's index in ``table.rows``."""

    table: TableContext
    index: int
    row: IndicatorRow


RowCheck = Callable[[RowContext, RuleConfig], Iterable[Hit]]
TableCheck = Callable[[TableContext, RuleConfig], Iterable[Hit]]


@frozen(kw_only=True)
class RuleSpec:
    """A built-in rule: what it checks (one row, or a whole table) and what it can report.

    ``fields`` lists the placeholders its messages may use beyond :data:`COMMON_FIELDS`;
    ``validate`` checks its parameters beyond their types (raising ``ValueError`` naming the key
    as ``"key: reason"``) once, when the rule set is loaded.
    """

    id: str
    codes: tuple[str, ...]
    row_check: RowCheck | None = None
    table_check: TableCheck | None = None
    fields: frozenset[str] = frozenset()
    validate: Callable[[dict[str, Any]], None] | None = None
