"""A .docx file as document parts: its tables as grids, its paragraphs between them (python-docx).

Merged cells come from the table's own markup: ``gridSpan`` (across) and ``vMerge`` (down), so a
merged 一级指标 cell is written once in its first row, as the word-processor export writes it. A
cell of several paragraphs keeps them on separate lines. Tables inside text boxes or frames (as
LibreOffice writes a .doc converted to .docx) are read where they stand.
"""

from __future__ import annotations

import io
from typing import Any

from perfmetrics.documents.grid import Grid, Merge, Paragraph, Part
from perfmetrics.documents.optional import require
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["docx_parts", "table_grid"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text(element: Any) -> str:
    lines = []
    for paragraph in element.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
            if next(node.iterancestors(f"{_W}p")) is not paragraph:
                continue  # the text of a text box inside the paragraph: read on its own
            parts.append((node.text or "") if node.tag == f"{_W}t" else " ")
        lines.append("".join(parts).strip())
    return "\n".join(line for line in lines if line)


def _attr(element: Any, name: str) -> str | None:
    found = element.find(f"{_W}tcPr/{_W}{name}")
    if found is None:
        return None
    return str(found.get(f"{_W}val") or "continue")


def _span(value: str | None) -> int:
    """Return a ``gridSpan`` as a count of columns (1 when missing or damaged)."""
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def table_grid(tbl: Any, *, source: str, where: str) -> Grid:
    """Return the grid of one ``w:tbl`` element, its merges included."""
    rows: list[list[str]] = []
    merges: list[list[int]] = []
    open_down: dict[int, list[int]] = {}  # column → the merge a vMerge continues
    for r, tr in enumerate(tbl.findall(f"{_W}tr")):
        row: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            c = len(row)
            span = _span(_attr(tc, "gridSpan"))
            merge = _attr(tc, "vMerge")
            text = _text(tc)
            row.extend([text] + [""] * (span - 1))
            if merge == "continue" and c in open_down:
                open_down[c][2] = r
                continue
            entry = [r, c, r, c + span - 1]
            if span > 1 or merge == "restart":
                merges.append(entry)
            if merge == "restart":
                open_down[c] = entry
            else:
                open_down.pop(c, None)
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    padded = [row + [""] * (width - len(row)) for row in rows]
    kept: list[Merge] = [(a, b, c, d) for a, b, c, d in merges]
    return Grid.merged(padded, kept, source=source, where=where)


def _walk(body: Any) -> Any:
    """Yield the paragraphs and tables in reading order, text boxes and frames included.

    A table inside a table cell is read as that cell's text; the fallback copy a text box
    carries for old readers (``mc:Fallback``) is skipped.
    """
    for element in body.iter(f"{_W}p", f"{_W}tbl"):
        above = {ancestor.tag for ancestor in element.iterancestors()}
        if f"{_W}tbl" not in above and _FALLBACK not in above:
            yield element


def docx_parts(source: Source) -> list[Part]:
    """Return the tables (as grids) and paragraphs of a .docx file in document order.

    Raises:
        DocumentError: python-docx is not installed, or the file is not a readable .docx.

    """
    docx = require("docx", "docx", "reading a .docx file")
    try:
        document = docx.Document(io.BytesIO(source.data or b""))
    except Exception as exc:  # python-docx raises zip, XML and its own errors
        raise DocumentError(f"{source.name}: not a readable .docx file ({exc})") from None
    parts: list[Part] = []
    tables = 0
    for child in _walk(document.element.body):
        if child.tag == f"{_W}p":
            text = _text(child)
            if text:
                parts.append(Paragraph(text, where=f"{source.name}, paragraph"))
        elif child.tag == f"{_W}tbl":
            tables += 1
            parts.append(table_grid(child, source=source.name, where=f"table {tables}"))
    return parts
