"""A .doc file (Word 97-2003): converted to .docx by LibreOffice, then read as a .docx.

No Python library reads .doc tables whole (antiword cuts wide cells), so the file is handed to
``soffice --headless --convert-to docx`` in a temporary directory when LibreOffice is on the PATH;
otherwise a :class:`DocumentError` says how to read it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from perfmetrics.documents.format_docx import docx_parts
from perfmetrics.documents.grid import Part
from perfmetrics.documents.source import Source
from perfmetrics.errors import DocumentError

__all__ = ["CONVERT_SECONDS", "convert_with_libreoffice", "doc_parts"]

#: How long one conversion may take before it is given up (seconds).
CONVERT_SECONDS = 120


def convert_with_libreoffice(data: bytes, *, name: str, suffix: str, target: str) -> bytes:
    """Convert a document's bytes with LibreOffice (``target``: ``"docx"``, ``"xlsx"``).

    Raises:
        DocumentError: ``soffice`` is not on the PATH, or the conversion failed.

    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise DocumentError(
            f"{name}: reading a {suffix} file needs LibreOffice (soffice on the PATH); "
            f"install it, or save the file as .{target} and read that"
        )
    with tempfile.TemporaryDirectory(prefix="perfmetrics-") as folder:
        given = Path(folder) / f"input{suffix}"
        given.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            folder,
            str(given),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocumentError(f"{name}: LibreOffice could not convert it ({exc})") from None
        converted = given.with_suffix(f".{target}")
        if not converted.exists():
            raise DocumentError(f"{name}: LibreOffice could not convert it to .{target}")
        return converted.read_bytes()


def doc_parts(source: Source) -> list[Part]:
    """Return the tables and paragraphs of a .doc file, through a .docx conversion.

    Raises:
        DocumentError: LibreOffice is missing or failed, or the converted file is unreadable.

    """
    data = convert_with_libreoffice(
        source.data or b"", name=source.name, suffix=".doc", target="docx"
    )
    return docx_parts(Source(name=source.name, data=data, suffix=".docx", kind="docx"))
