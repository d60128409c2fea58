"""Indicator categories (二级指标) and the direction they give a bare target.

A target written without a comparator takes its direction from its category: a 成本指标 amount
is a ceiling, a 数量/质量/效益/满意度 amount a floor, a 时效 date a deadline. Names are matched
leniently (``成本指标``, ``成本``, ``经济成本指标``, ``服务对象满意度指标``); a name that matches
none, or several, is an error rather than a guess.
"""

from __future__ import annotations

import enum

from perfmetrics.errors import UnknownCategoryError
from perfmetrics.values.model import Comparator
from perfmetrics.values.normalize import normalize
from perfmetrics.vocabulary import mapping

__all__ = ["Category", "category_of"]


class Category(enum.StrEnum):
    """The second-level indicator kinds of a 绩效目标表."""

    COST = "成本指标"
    QUANTITY = "数量指标"
    QUALITY = "质量指标"
    TIMELINESS = "时效指标"
    BENEFIT = "效益指标"
    SATISFACTION = "满意度指标"

    @property
    def bare_direction(self) -> Comparator:
        """The comparator a bare target takes in this category."""
        if self in (Category.COST, Category.TIMELINESS):
            return Comparator.LE
        return Comparator.GE

    def __repr__(self) -> str:
        """Show the category's Chinese name."""
        return repr(self.value)


def _keywords() -> dict[Category, tuple[str, ...]]:
    """Key words → category (words.tsv, group ``category_keyword``)."""
    found: dict[Category, list[str]] = {category: [] for category in Category}
    for word, category in mapping("category_keyword").items():
        found[Category(category)].append(word)
    return {category: tuple(words) for category, words in found.items()}


#: Key words → category; a name must contain exactly one group's words.
_KEYWORDS = _keywords()


def category_of(name: str | Category) -> Category:
    """Return the category a name stands for.

    >>> category_of("成本指标"), category_of("经济成本指标"), category_of("服务对象满意度指标")
    ('成本指标', '成本指标', '满意度指标')
    >>> category_of("社会效益指标"), category_of("可持续影响指标"), category_of("cost")
    ('效益指标', '效益指标', '成本指标')

    Raises:
        UnknownCategoryError: the name fits no category, or more than one.
    """
    if isinstance(name, Category):
        return name
    if not isinstance(name, str):
        raise UnknownCategoryError(repr(name), "a category is a name (str)")
    folded = "".join(normalize(name).split()).lower()
    found = {category for category, words in _KEYWORDS.items() if any(w in folded for w in words)}
    if len(found) == 1:
        return found.pop()
    if not found:
        raise UnknownCategoryError(
            name, "expected one of 成本, 数量, 质量, 时效, 效益, 满意度 (指标)"
        )
    names = ", ".join(sorted(c.value for c in found))
    raise UnknownCategoryError(name, f"it fits several categories ({names})")
