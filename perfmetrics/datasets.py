"""The sample data bundled in the package: a 绩效目标表 with its actuals, and a 绩效自评表.

The files live in ``perfmetrics/data/`` (package data, in the wheel), so the examples of the
README and docs run from an installed package, outside any checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from perfmetrics.errors import DocumentError

__all__ = ["SAMPLE_FORMATS", "sample_actuals", "sample_document", "sample_selfeval"]


def _data_path(name: str) -> Path:
    # The package is installed as files (a wheel or a checkout, never a zip), so the resource
    # is a real path that read_tables and open() accept.
    return Path(str(resources.files("perfmetrics").joinpath("data", name)))


#: The formats the sample 绩效目标表 is bundled in (all built from the same text export).
SAMPLE_FORMATS = ("text", "docx", "xlsx", "pdf")


def sample_document(format: str = "text") -> Path:
    """Return the path of the bundled sample 绩效目标表 in ``format``.

    It is seed 002 of the test data: 4 tables, 36 indicator rows, one warning; ``"text"`` is the
    word-processor text export, ``"docx"``, ``"xlsx"`` and ``"pdf"`` the same document as files
    (built by tests/tools/build_fixtures.py; reading them needs the extras ``docx``, ``xlsx``,
    ``pdf``).

    Raises:
        DocumentError: ``format`` is not one of :data:`SAMPLE_FORMATS`.

    >>> import perfmetrics as pm
    >>> pm.read_tables(pm.sample_document())  # doctest: +ELLIPSIS
    <Tables from .../sample_document.txt: 4 tables, 36 rows, 1 warnings>
    """
    if format not in SAMPLE_FORMATS:
        raise DocumentError(f"no bundled sample in {format!r}: choose one of {SAMPLE_FORMATS}")
    return _data_path("sample_document." + ("txt" if format == "text" else format))


def sample_actuals() -> Path:
    """Return the path of the bundled CSV of actuals for :func:`sample_document` (``check``)."""
    return _data_path("sample_actuals.csv")


def sample_selfeval() -> Path:
    """Return the path of the bundled sample 绩效自评表 (a cell grid, ``read_selfeval`` reads it).

    A published self-evaluation table (临时救助, 濉溪县民政局, 安徽, 2019; its source address is
    in the file's header), one of the fixtures of tests/fixtures/selfeval.

    >>> import perfmetrics as pm
    >>> pm.read_selfeval(pm.sample_selfeval())[0].project
    '临时救助'
    """
    return _data_path("sample_selfeval.grid.tsv")
