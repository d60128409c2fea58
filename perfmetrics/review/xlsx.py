"""The review as an Excel workbook: a sheet of findings and a sheet of counts per rule.

openpyxl is an optional extra (``pip install "perfmetrics[xlsx]"``), imported only here and only
when a workbook is asked for; without it :func:`xlsx_report` raises an ImportError saying what
to install.
"""

from __future__ import annotations

from collections.abc import Sequence

from perfmetrics.findings import Severity
from perfmetrics.findings_xlsx import OPENPYXL_MISSING, findings_sheet, new_workbook, workbook_bytes
from perfmetrics.review.report import COLUMNS, Reviewed, counts_by_rule, records

__all__ = ["OPENPYXL_MISSING", "xlsx_report"]

_WIDTHS = {"table": 40, "indicator": 30, "raw": 24, "message": 80, "source": 30}


def xlsx_report(documents: Sequence[Reviewed]) -> bytes:
    """Return a workbook (``.xlsx`` bytes): sheet 审核结果 (one row per finding), 按规则统计.

    Raises:
        ImportError: openpyxl is not installed.

    """
    book = new_workbook()
    findings_sheet(book, "审核结果", COLUMNS, records(documents), _WIDTHS)
    summary = book.create_sheet("按规则统计")
    order = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    summary.append(["rule", *(severity.value for severity in order)])
    every = [finding for document in documents for finding in document.findings]
    for rule, counts in counts_by_rule(every).items():
        summary.append([rule, *(counts[severity] for severity in order)])
    return workbook_bytes(book)
