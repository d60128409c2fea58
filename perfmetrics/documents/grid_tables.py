"""The 绩效目标表 reader of every binary format: document parts (grids and paragraphs) → tables.

A format module (:mod:`~perfmetrics.documents.format_docx`, ``format_xlsx``, ``format_xls``,
``format_html``, ``format_pdf``, ``format_doc``) turns a file into :data:`~perfmetrics.documents.
grid.Part` s: cell grids and the paragraphs between them, in document order. This module writes
each grid row as the word-processor export would (a merged cell once, in its first column) and
hands the rows to the export's table reader (:func:`~perfmetrics.documents.text_word.
read_blocks`), so a table reads the same whatever file it came from. Warnings name the file, the
page or sheet, the table and the row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from perfmetrics.documents.grid import Grid, Paragraph, Part
from perfmetrics.documents.library_logs import collected
from perfmetrics.documents.model import Table
from perfmetrics.documents.source import Reader, Source
from perfmetrics.documents.text_word import Block, read_blocks
from perfmetrics.errors import DocumentError

__all__ = ["guarded", "part_blocks", "selfeval_grids", "tables_reader"]


def guarded(kind: str, parts: Callable[[Source], list[Part]]) -> Callable[[Source], list[Part]]:
    """Return ``parts`` raising only :class:`DocumentError`, whatever a damaged file does.

    The libraries behind the formats raise their own errors (zip, XML, struct, PDF syntax) on
    damaged files, sometimes deep inside; the caller gets one DocumentError naming the file.
    What they log instead of raising is kept in ``source.damage`` (not printed).
    """

    def read(source: Source) -> list[Part]:
        try:
            with collected() as damage:
                found = parts(source)
        except DocumentError:
            raise
        except Exception as exc:
            raise DocumentError(
                f"{source.name}: not a readable {kind} file ({type(exc).__name__}: {exc})"
            ) from None
        source.damage.extend(damage)
        return found

    return read


def part_blocks(parts: Iterable[Part]) -> Iterator[Block]:
    """Yield the blocks of a document's parts: a paragraph a plain line, a grid row a row."""
    line = 0
    for part in parts:
        if isinstance(part, Paragraph):
            line += 1
            if part.text.strip():
                yield Block(line, text=part.text.strip(), where=part.where or f"line {line}")
            continue
        for index, row in enumerate(part.export_rows()):
            line += 1
            cells = tuple(cell.strip() for cell in row)
            if any(cells):
                yield Block(line, cells=cells, where=part.location(index))


def selfeval_grids(parts: Iterable[Part]) -> Iterator[Grid]:
    """Yield a document's grids for the self-evaluation reader, each after its paragraphs.

    The paragraphs above a grid (its title) become one-cell rows at its top, as the
    word-processor export writes them; the grid keeps its column positions.
    """
    above: list[tuple[str, ...]] = []
    for part in parts:
        if isinstance(part, Paragraph):
            if part.text.strip():
                above.append((part.text.strip(),))
            continue
        yield Grid(
            [*above, *part.rows],
            source=part.source,
            where=part.where,
            first_line=max(1, part.first_line - len(above)),
        )
        above = []


def tables_reader(
    kind: str, parts: Callable[[Source], list[Part]], *, name: str | None = None
) -> Reader[list[Table]]:
    """Return the reader of files of ``kind`` (``Source.kind``) whose grids come from ``parts``.

    ``name`` (``Tables.layout``) defaults to the kind.
    """

    def sniff(source: Source) -> bool:
        return source.kind == kind

    def read(source: Source, year: int | None) -> list[Table]:
        return read_blocks(part_blocks(parts(source)), year=year)

    return Reader(name or kind, sniff, read)
