"""The direction an indicator's name gives a bare target: 控制率 a ceiling, 完成率 a floor.

部门整体 (department-wide) tables have no 二级指标, so no category says whether ``100%`` is a floor
or a ceiling; the name does: ``财政供养人员控制率 100%`` against ``92%`` is met, ``政府采购执行率
100%`` against ``72.74%`` is not. The endings are data (``words.tsv``, groups ``ceiling_ending`` and
``floor_ending``); the longest ending that matches wins, so ``结转结余率`` is a 结余率 (ceiling).
"""

from __future__ import annotations

import functools

import regex

from perfmetrics.errors import UnitMismatchError
from perfmetrics.units.registry import same_dimension
from perfmetrics.values.model import Comparator, Value
from perfmetrics.values.normalize import normalize
from perfmetrics.vocabulary import mapping

__all__ = ["direction_of_name", "is_duration", "name_endings"]

#: Brackets and what they hold (units and notes written after a name: ``服务外包在岸(万美元)``).
_ASIDE = regex.compile(r"[(\[【][^)\]】]*[)\]】]|[(\[【].*$")
#: Quotes, stars, numbering and spaces around a name (``“三公经费变动率``, ``★补助…``).
_NOISE = regex.compile(r"[\s\"'“”‘’「」『』★☆*#]+")


@functools.cache
def name_endings() -> dict[str, Comparator]:
    """Return every name ending → the comparator it gives, longest ending first.

    >>> name_endings()["控制率"], name_endings()["完成率"]
    ('<=', '>=')
    """
    found = {
        word: Comparator(op)
        for group in ("ceiling_ending", "floor_ending")
        for word, op in mapping(group).items()
    }
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def _fold(name: str) -> str:
    return _NOISE.sub("", _ASIDE.sub("", normalize(name)))


def direction_of_name(name: str | None) -> Comparator | None:
    """Return the direction a bare target takes from the indicator's name, or None.

    Brackets at the end (a unit, a note) and quotes are ignored; traditional characters fold.

    >>> direction_of_name("财政供养人员控制率"), direction_of_name("政府采购执行率")
    ('<=', '>=')
    >>> direction_of_name("结转结余率"), direction_of_name("预算執行率(%)")
    ('<=', '>=')
    >>> direction_of_name("基础信息完善") is None
    True
    """
    if not name:
        return None
    folded = _fold(name)
    for ending, op in name_endings().items():
        if folded.endswith(ending):
            return op
    return None


def is_duration(target: Value) -> bool:
    """Say whether a target is a duration (its unit is a time: 天, 小时, 月), not a rate or count.

    Under 时效 a bare duration is a ceiling; a bare rate (``预算资金执行率 90%``) is not a duration,
    so the indicator's name decides.

    >>> from perfmetrics.values.api import parse
    >>> is_duration(parse("3天")), is_duration(parse("90%")), is_duration(parse("2次/月"))
    (True, False, False)
    """
    unit = getattr(target, "unit", "")
    if not unit or "/" in unit:
        return False
    try:
        return same_dimension(unit, "天")
    except UnitMismatchError:
        return False
