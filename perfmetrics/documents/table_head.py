"""The head of a 绩效目标表 above its indicator header: label cells and the values beside them.

A row such as ``项目编码 | 13020923 | 项目名称 | 招聘经费`` or, on a submission sheet,
``申请单位 | 某局 | 一级预算单位 | 某局`` pairs each label (words.tsv ``target_info``) with the
cell after it. A submission sheet (one project per worksheet, no ``单位：`` line) opens its
table at such a row.
"""

from __future__ import annotations

from collections.abc import Sequence

from perfmetrics.vocabulary import mapping

__all__ = ["OPENING_FIELDS", "head_fields", "is_title"]

_LABELS = mapping("target_info")
#: The fields whose label opens a table when no table is open (or the open one has its rows).
OPENING_FIELDS = frozenset({"project", "project_code"})


def _label(cell: str) -> str:
    return "".join(cell.split()).rstrip(":：")


def head_fields(cells: Sequence[str]) -> dict[str, str] | None:
    """Return the fields a head row fills (``skip`` labels left out), None if it is no head row.

    >>> head_fields(["项目编码", "13020923", "申请单位", "某局", "政策依据", "文件"])
    {'project_code': '13020923', 'unit': '某局'}
    >>> head_fields(["一级指标", "二级指标"]) is None
    True
    """
    if not cells or _label(cells[0]) not in _LABELS:
        return None
    fields: dict[str, str] = {}
    for label, value in zip(cells[::2], cells[1::2], strict=False):
        key = _LABELS.get(_label(label))
        if key is not None and key != "skip" and value.strip():
            fields[key] = value.strip()
    return fields


def is_title(text: str) -> bool:
    """Say whether a line outside the tables titles the next table.

    >>> is_title("1.运维经费绩效目标表"), is_title("2025年项目支出绩效目标申报表"), is_title("说明")
    (True, True, False)
    """
    return "绩效目标" in text and text.endswith("表")
