"""Many documents: a process pool in input order, extract --jobs/--format xlsx, dask, pickling."""

from __future__ import annotations

import csv
import io
import pickle
from pathlib import Path

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import perfmetrics as pm
from perfmetrics.cli import EXIT_BAD_INPUT, EXIT_OK, main
from perfmetrics.documents.batch import expand_paths, read_many
from perfmetrics.records_xlsx import ROWS_SHEET_COLUMNS, TABLES_SHEET_COLUMNS

FORMATS = Path(__file__).parent / "fixtures" / "formats"
DOCUMENTS = [
    FORMATS / "002.docx",
    FORMATS / "002.xlsx",
    FORMATS / "002.html",
    SEEDS / "002_9447ddad8dc33496.txt",
    FORMATS / "001.split.docx",
]


def _broken(tmp_path: Path) -> Path:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    return broken


def test_a_pool_gives_what_one_process_gives_in_input_order(tmp_path: Path) -> None:
    paths = [*DOCUMENTS[:4], _broken(tmp_path)]
    seen: list[int] = []
    one = read_many(paths, jobs=1)
    two = read_many(paths, jobs=2, done=seen.append)
    assert seen == list(range(1, len(paths) + 1))
    assert [len(r) if isinstance(r, pm.Tables) else str(r) for r in two] == [
        len(r) if isinstance(r, pm.Tables) else str(r) for r in one
    ]
    assert two[:-1] == one[:-1]  # the same tables, rows and parsed values
    layouts = [t.layout for t in two[:-1] if isinstance(t, pm.Tables)]
    assert layouts == ["docx", "xlsx", "html", "word"]
    assert isinstance(two[-1], pm.DocumentError) and "binary file" in str(two[-1])
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        read_many(paths, jobs=0)


def test_tables_values_and_errors_pickle() -> None:
    for path in (FORMATS / "002.docx", FORMATS / "004.split.xlsx"):
        tables = pm.read_tables(path)
        again = pickle.loads(pickle.dumps(tables))
        assert again == tables and (again.source, again.layout) == (tables.source, tables.layout)
        assert [r.value for t in again for r in t.rows] == [r.value for t in tables for r in t.rows]
    error = pm.DocumentError("x.docx: no such file")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_folders_expand_to_their_documents_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.docx", "a.xlsx", "notes.md", ".hidden/x.pdf", "b/1.TXT"):
        (tmp_path / name).write_bytes(b"")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == [
        "a.xlsx",
        "b/1.TXT",
        "b/2.docx",
    ]
    with pytest.raises(pm.DocumentError, match="no such file"):
        expand_paths([tmp_path / "missing"])


def test_extract_with_two_jobs_writes_what_one_job_writes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(path) for path in DOCUMENTS]
    assert main(["extract", *files]) == EXIT_OK
    one = capsys.readouterr().out
    assert main(["extract", "--jobs", "2", *files]) == EXIT_OK
    assert capsys.readouterr().out == one
    rows = list(csv.DictReader(io.StringIO(one)))
    assert len(rows) == 36 * 4 + 133
    assert main(["extract", "--jobs", "2", "/no/such.docx"]) == EXIT_BAD_INPUT


def test_extract_writes_an_xlsx_of_typed_cells(tmp_path: Path) -> None:
    out = tmp_path / "rows.xlsx"
    assert main(["extract", str(FORMATS / "002.docx"), "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["rows", "tables"]
    rows = list(book["rows"].iter_rows(values_only=True))
    assert rows[0] == ROWS_SHEET_COLUMNS and len(rows) == 1 + 36
    first = dict(zip(ROWS_SHEET_COLUMNS, rows[1], strict=True))
    assert (first["raw"], first["magnitude"], first["unit"]) == ("1个", 1, "个")
    assert isinstance(first["magnitude"], int | float) and isinstance(first["line"], int)
    tables = list(book["tables"].iter_rows(values_only=True))
    assert tables[0] == TABLES_SHEET_COLUMNS and len(tables) == 1 + 4
    line = dict(zip(TABLES_SHEET_COLUMNS, tables[1], strict=True))
    assert (line["budget_total"], line["unit_code"], line["rows"]) == (10, "353215", 6)


def test_extract_csv_goes_to_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    assert main(["extract", str(FORMATS / "002.xlsx"), "-o", str(out)]) == EXIT_OK
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 36


def test_dask_reads_every_row_on_a_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    import perfmetrics.dask as pmd

    paths = [*DOCUMENTS, _broken(tmp_path)]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        frame = pmd.read_indicators(paths).compute()
    assert list(frame.columns) == list(pmd.COLUMNS)
    assert len(frame) == 36 * 4 + 133 + 1
    assert list(frame["source"].drop_duplicates()) == [str(p) for p in paths]
    expected = [r.raw for p in DOCUMENTS for t in pm.read_tables(p) for r in t.rows]
    assert list(frame["raw"][:-1]) == expected
    assert "binary file" in frame["error"].iloc[-1]


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["002.docx", "002.xlsx", "002.html", "002.xls"]), st.data())
def test_a_damaged_file_gives_tables_or_a_document_error(name: str, data: st.DataObject) -> None:
    original = (FORMATS / name).read_bytes()
    at = data.draw(st.integers(min_value=0, max_value=len(original) - 1))
    cut = data.draw(st.booleans())
    damaged = (
        original[:at] if cut else original[:at] + bytes([original[at] ^ 0xFF]) + original[at + 1 :]
    )
    try:
        tables = pm.read_tables(damaged)
    except pm.DocumentError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert isinstance(tables, pm.Tables)


def test_a_truncated_pdf_is_a_document_error() -> None:
    data = (FORMATS / "002.pdf").read_bytes()
    with pytest.raises(pm.DocumentError, match="<bytes>"):
        pm.read_tables(data[: len(data) // 3])


def test_extract_names_each_file_once_in_its_warnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(FORMATS / "002.xlsx"), str(DOCUMENTS[3])]) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"perfmetrics: {FORMATS / '002.xlsx'}, sheet 表1, table 3, row 54: "
        "no title line above the table (the export lost it)",
        f"perfmetrics: {DOCUMENTS[3]}: line 273: "
        "no title line above the table (the export lost it)",
    ]
