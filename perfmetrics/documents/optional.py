"""Import an optional dependency, or say which extra installs it (a :class:`DocumentError`)."""

from __future__ import annotations

import importlib
from types import ModuleType

from perfmetrics.errors import DocumentError

__all__ = ["require"]


def require(module: str, extra: str, doing: str) -> ModuleType:
    """Import ``module``; if it is missing, raise a DocumentError naming ``pip install``.

    ``doing`` says what needs it (``"reading a .docx file"``).

    >>> require("no_such_module_here", "docx", "reading a .docx file")
    Traceback (most recent call last):
    perfmetrics.errors.DocumentError: reading a .docx file needs no_such_module_here: pip install "perfmetrics[docx]"
    """  # noqa: E501
    try:
        return importlib.import_module(module)
    except ImportError:
        raise DocumentError(
            f'{doing} needs {module.split(".")[0]}: pip install "perfmetrics[{extra}]"'
        ) from None
