"""The audit as an Excel workbook: a sheet of findings and a sheet of totals per table.

openpyxl is an optional extra (``pip install "perfmetrics[xlsx]"``), imported only here and only
when a workbook is asked for; without it :func:`xlsx_report` raises an ImportError saying what
to install.
"""

from __future__ import annotations

from collections.abc import Sequence

from perfmetrics.audit.report import COLUMNS, Audited, records, totals
from perfmetrics.findings_xlsx import OPENPYXL_MISSING, findings_sheet, new_workbook, workbook_bytes

__all__ = ["OPENPYXL_MISSING", "xlsx_report"]

_WIDTHS = {"table": 36, "indicator": 30, "target": 16, "actual": 16, "message": 90, "source": 30}


def xlsx_report(documents: Sequence[Audited]) -> bytes:
    """Return a workbook (``.xlsx`` bytes): sheets 审核发现 (one row per finding) and 总分.

    Raises:
        ImportError: openpyxl is not installed.

    """
    book = new_workbook()
    findings_sheet(book, "审核发现", COLUMNS, records(documents), _WIDTHS)
    summary = book.create_sheet("总分")
    summary.append(["source", "table", "published", "recomputed", "rule"])
    for document in documents:
        for table in document.tables:
            found = totals(table, document.rule)
            summary.append(
                [
                    document.source,
                    found.name,
                    found.published,
                    found.recomputed,
                    found.rule.describe(),
                ]
            )
    return workbook_bytes(book)
