"""The sample data bundled in the package: a 绩效目标表 with its actuals, and a 绩效自评表.

The files live in ``perfmetrics/data/`` (package data, in the wheel), so the examples of the
README and docs run from an installed package, outside any checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_actuals", "sample_document", "sample_selfeval"]


def _data_path(name: str) -> Path:
    # The package is installed as files (a wheel or a checkout, never a zip), so the resource
    # is a real path that read_tables and open() accept.
    return Path(str(resources.files("perfmetrics").joinpath("data", name)))


def sample_document() -> Path:
    """Return the path of the bundled sample 绩效目标表 (a word-processor text export).

    It is seed 002 of the test data: 4 tables, 36 indicator rows, one warning.

    >>> import perfmetrics as pm
    >>> pm.read_tables(pm.sample_document())  # doctest: +ELLIPSIS
    <Tables from .../sample_document.txt: 4 tables, 36 rows, 1 warnings>
    """
    return _data_path("sample_document.txt")


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
