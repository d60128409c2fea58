"""What the format libraries log while reading a damaged file: one warning, nothing printed."""

from __future__ import annotations

import logging
import random
import threading

import pytest

import perfmetrics as pm
from perfmetrics.documents.grid import Paragraph, Part
from perfmetrics.documents.grid_tables import guarded
from perfmetrics.documents.library_logs import LOGGERS, collected, summary
from perfmetrics.documents.source import Source


def _logging_parts(source: Source) -> list[Part]:
    logging.getLogger("pdfminer.pdfpage").warning("Cannot render %s", "string")
    logging.getLogger("pdfminer.psparser").warning("Data-loss while decompressing")
    logging.getLogger("pdfminer").info("not a problem")
    return [Paragraph("x")]


def test_a_reader_keeps_what_its_library_logs(capfd: pytest.CaptureFixture[str]) -> None:
    source = Source.from_text("x", name="a.pdf")
    parts = guarded("pdf", _logging_parts)(source)
    assert [part.text for part in parts] == ["x"]  # type: ignore[union-attr]
    assert source.damage == ["Cannot render string", "Data-loss while decompressing"]
    assert capfd.readouterr().err == ""  # Python's last-resort handler printed each one
    assert summary(source.name, source.damage).startswith(
        "a.pdf: the file is damaged: its reader reported 2 problems (first: Cannot render string)"
    )
    for name in LOGGERS:  # nothing is left attached after the read
        assert not logging.getLogger(name).handlers


def test_a_program_that_set_up_logging_still_gets_the_records() -> None:
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Keep()
    logging.getLogger().addHandler(handler)
    try:
        guarded("pdf", _logging_parts)(Source.from_text("x", name="a.pdf"))
    finally:
        logging.getLogger().removeHandler(handler)
    assert "Data-loss while decompressing" in seen


def test_other_threads_records_are_not_kept() -> None:
    other = threading.Thread(target=logging.getLogger("pdfminer").warning, args=("elsewhere",))
    with collected() as kept:
        other.start()
        other.join()
        logging.getLogger("openpyxl.reader").warning("here")
    assert kept == ["here"]


def test_a_damaged_pdf_gives_one_warning(capfd: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pdfplumber")
    data = bytearray(pm.sample_document("pdf").read_bytes())
    rng = random.Random(2)  # 20 bytes overwritten: pdfminer logs hundreds of warnings
    for _ in range(20):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        warnings = pm.read_tables(bytes(data)).warnings
    except pm.DocumentError as exc:  # another pdfminer may refuse the file: also a clear answer
        warnings = [str(exc)]
    assert capfd.readouterr().err == ""  # was 553 lines of pdfminer's warnings
    damaged = [w for w in warnings if "the file is damaged" in w or "not a readable" in w]
    assert len(damaged) == 1, warnings
