"""An HTML page as document parts: its ``<table>`` s as grids, the text between them as paragraphs.

The standard library's :mod:`html.parser` reads the page (no dependency: a published page, a
LibreOffice or Word export ``.htm``): ``colspan`` and ``rowspan`` place each cell on the grid and
are kept as merges, ``<br>`` and ``<p>`` inside a cell become line breaks, and block elements
outside tables (``<p>``, ``<h1>`` …, ``<div>``) become paragraphs. The page's encoding is the one
it declares (``<meta charset>``), else UTF-8, else GB 18030.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from perfmetrics.documents.grid import Grid, Merge, Paragraph, Part
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["html_parts", "page_text"]

_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", regex.I)
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "br"})
_SKIPPED = frozenset({"script", "style", "head"})


def page_text(source: Source) -> str:
    """Return the page's text, decoded as it declares (else UTF-8, else GB 18030).

    Raises:
        DocumentError: the page is in no encoding it names or perfmetrics knows.

    """
    if source.data is None:  # the page was given as text: already decoded
        return source.text or ""
    data = source.data or b""
    declared = _CHARSET.search(data[:4096])
    names = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*names, "utf-8-sig", "gb18030"]:
        try:
            return data.decode("gb18030" if encoding.lower() in ("gb2312", "gbk") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DocumentError(f"{source.name}: the page is in no known encoding")


class _Table:
    def __init__(self) -> None:
        self.rows: list[dict[int, str]] = []
        self.merges: list[Merge] = []
        self.taken: set[tuple[int, int]] = set()
        self.cell: list[str] | None = None
        self.column = 0

    def start_row(self) -> None:
        self.rows.append({})
        self.column = 0

    def start_cell(self, colspan: int, rowspan: int) -> None:
        if not self.rows:
            self.start_row()
        r = len(self.rows) - 1
        while (r, self.column) in self.taken:
            self.column += 1
        c = self.column
        for dr in range(rowspan):
            for dc in range(colspan):
                self.taken.add((r + dr, c + dc))
        if colspan > 1 or rowspan > 1:
            self.merges.append((r, c, r + rowspan - 1, c + colspan - 1))
        self.rows[r][c] = ""
        self.cell = []
        self.column = c + colspan

    def end_cell(self) -> None:
        if self.cell is not None:
            text = "".join(self.cell)
            lines = [" ".join(line.split()) for line in text.split("\n")]
            self.rows[-1][max(self.rows[-1])] = "\n".join(line for line in lines if line)
        self.cell = None

    def grid(self, source: str, where: str) -> Grid:
        height = max([len(self.rows)] + [bottom + 1 for _, _, bottom, _ in self.merges])
        width = max((c + 1 for r, c in self.taken), default=0)
        cells = [[""] * width for _ in range(height)]
        for r, row in enumerate(self.rows):
            for c, text in row.items():
                cells[r][c] = text
        return Grid.merged(cells, self.merges, source=source, where=where)


class _Page(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.parts: list[Part] = []
        self.tables: list[_Table] = []
        self.text: list[str] = []
        self.skipping = 0
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "table":
            self._paragraph()
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self.tables[-1].end_cell()
            self.tables[-1].start_row()
        elif self.tables and tag in ("td", "th"):
            table = self.tables[-1]
            table.end_cell()
            values = dict(attrs)
            table.start_cell(_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            table.end_cell()
            self.count += 1
            grid = table.grid(self.name, f"table {self.count}")
            if self.tables and self.tables[-1].cell is not None:  # a nested table: its text
                self.tables[-1].cell.append("\n".join("\t".join(r) for r in grid.rows))
            elif grid.rows:
                self.parts.append(grid)
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].end_cell()
        elif tag in _BLOCKS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.tables:
            if self.tables[-1].cell is not None:
                self.tables[-1].cell.append(data.replace("\n", " "))
        else:
            self.text.append(data.replace("\n", " "))

    def _newline(self) -> None:
        if self.tables:
            if self.tables[-1].cell is not None:
                self.tables[-1].cell.append("\n")
        else:
            self.text.append("\n")

    def _paragraph(self) -> None:
        for line in "".join(self.text).split("\n"):
            if line.strip():
                self.parts.append(Paragraph(" ".join(line.split()), where=f"{self.name}, text"))
        self.text = []

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._paragraph()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def html_parts(source: Source) -> list[Part]:
    """Return the tables and paragraphs of an HTML page in document order.

    Raises:
        DocumentError: the page is in no known encoding.

    """
    page = _Page(source.name)
    page.feed(page_text(source))
    page.close()
    return page.parts
