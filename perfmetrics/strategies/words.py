"""The words the strategies draw from, taken from perfmetrics' vocabulary wherever it has them.

Comparators, suffixes and unit spellings come from perfmetrics/vocabulary (words.tsv, units.tsv),
so a word added there is drawn here too; notes and qualitative phrases are the strategies' own.
"""

from __future__ import annotations

from perfmetrics.units.names import canonical_spelling
from perfmetrics.values.model import Comparator
from perfmetrics.vocabulary import mapping, unit_entries, words

__all__ = [
    "COUNT_UNITS",
    "HEDGES",
    "MID_NOTES",
    "NOTES",
    "PREFIXES",
    "QUALITATIVE",
    "RECURRING_PERIODS",
    "SUFFIXES",
    "UNIT_FAMILIES",
    "full_width",
]

_OPS = {
    "ge_word": Comparator.GE,
    "le_word": Comparator.LE,
    "gt_word": Comparator.GT,
    "lt_word": Comparator.LT,
    "eq_word": Comparator.EQ,
}
#: Written comparator → comparator: every prefix word of the vocabulary.
PREFIXES: dict[str, Comparator] = {word: op for group, op in _OPS.items() for word in words(group)}
#: Written suffix → comparator (以上 … 以内); the bare 内 only follows durations, so it is left out.
SUFFIXES: dict[str, Comparator] = {
    word: op
    for group, op in (("ge_suffix", Comparator.GE), ("le_suffix", Comparator.LE))
    for word in words(group)
    if word != "内"
}
#: Written period of a recurring deadline (每月, 每季度 …) → its canonical unit.
RECURRING_PERIODS: dict[str, str] = mapping("recurring_period")
#: Counting words drawn by default; each is its own dimension.
COUNT_UNITS = ("人", "人次", "台次", "个", "家", "篇", "场", "项", "户", "套", "件", "份", "次")


def _spellings(family: str) -> dict[str, str]:
    """Every spelling of the vocabulary's units of one family → its canonical unit."""
    return {
        spelling: canonical_spelling(spelling)
        for entry in unit_entries()
        if entry.family == family
        for spelling in entry.spellings
    }


#: Written unit → canonical unit, by family.
UNIT_FAMILIES: dict[str, dict[str, str]] = {
    "count": {unit: unit for unit in COUNT_UNITS},
    "money": _spellings("money"),
    "percent": {**_spellings("percent"), "％": "%"},
    "time": {
        "天": "天",
        "小时": "小时",
        "个工作日": "工作日",
        "个月": "月",
        "年": "年",
        "分钟": "分钟",
    },
    "rate": {
        "元/人/月": "元/人/月",
        "次/月": "次/月",
        "人/项": "人/项",
        "台次/年": "台次/年",
        "元/人·月": "元/人·月",
        "天/期": "天/期",
    },
    "area": {"平方米": "平方米", "平米": "平方米", "㎡": "平方米"},
    "score": {"分": "分"},
    "none": {"": ""},
}
#: Units on which a 万 multiplier is folded into the number (a plain number with 万 has an
#: unknown unit and a warning, so it is left out).
_FOLDING = ("count", "area")
NOTES = (
    "反映参与人员情况",
    "按计划完成",
    "全年累计",
    "(含续签)",
    "根据年度工作计划",
    "其中线上办理",
)
MID_NOTES = ("总次数", "全年", "预算")
HEDGES = ("预计", "约", "力争")
QUALITATIVE = (
    "保障",
    "提升",
    "及时",
    "是",
    "否",
    "达到标准",
    "无投诉意见",
    "有效保障",
    "显著提高",
    "按标准拨付",
    "稳步提升",
    "正常运转",
)
_FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})


def full_width(text: str) -> str:
    """Fold the ASCII characters of ``text`` to their full-width forms (``>95%`` → ``＞９５％``).

    >>> full_width("≥95%")
    '≥９５％'
    """
    return text.translate(_FULL_WIDTH)
