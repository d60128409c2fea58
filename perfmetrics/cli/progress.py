"""The progress bar of the commands that read several files (rich), and notes printed above it.

The bar is rich's (``pip install "perfmetrics[cli]"``); it shows on stderr only when stderr is a
terminal and there is more than one file, and disappears when done. Warnings go through
:func:`note`, which prints them above the bar instead of through it; while the bar shows, rich
also redirects anything else written to stderr (Python warnings) above it. Without rich there
is no bar, and notes are plain stderr lines.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO, TypeVar

__all__ = ["note", "progress"]

_T = TypeVar("_T")

#: The rich Progress on screen, if any (the command line is single-threaded).
_showing: list[Any] = []


def note(message: str) -> None:
    """Print ``message`` on stderr, above the progress bar when one is showing."""
    if _showing:
        _showing[-1].console.print(message, markup=False, highlight=False, soft_wrap=True)
    else:
        print(message, file=sys.stderr)


def progress(items: Sequence[_T], label: str, *, stream: TextIO | None = None) -> Iterator[_T]:
    """Yield ``items``, showing a progress bar on ``stream`` (stderr) when it is a terminal."""
    out = sys.stderr if stream is None else stream
    if len(items) <= 1 or out is None or not out.isatty():
        yield from items
        return
    try:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    except ImportError:  # the [cli] extra is not installed: no bar
        yield from items
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(file=out), transient=True) as bar:
        task = bar.add_task(label, total=len(items))
        _showing.append(bar)
        try:
            for item in items:
                yield item
                bar.advance(task)
        finally:
            _showing.pop()
