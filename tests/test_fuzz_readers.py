"""Fuzzing the readers (issue 9): random bytes and mutations of the example files go into the CSV and
XLSX readers and through whole imports. Never a traceback; never a partial import; DuckDB's fast
path never accepts what the row-by-row reader refuses, nor reads it differently.

FUZZ_EXAMPLES (default 1 000) sets the examples of each reader; the slower properties (DuckDB, the
database) take a fifth of it. The examples are the same on every run (derandomised), so that a run of the
suite is repeatable; FUZZ_RANDOM=1 draws new ones, which is how to go looking for more (a failure found so
becomes a named test, as the header's open quote did in tests/test_importers_strict.py).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from toteuma.core.problems import BY_CODE
from toteuma.importers.kinds import parse_file
from toteuma.importers.sources import RecordsLedger, read_ledger

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "heinola-2024-q1"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))
SLOW = max(50, EXAMPLES // 5)
LEDGER = b"".join((EXAMPLE / "ledger-2024.csv").read_bytes().splitlines(keepends=True)[:25])
BUDGET = (EXAMPLE / "budget-2024.xlsx").read_bytes()
RANDOM = os.environ.get("FUZZ_RANDOM", "") == "1"
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    suppress_health_check=[HealthCheck.too_slow],
)
FUZZ_SLOW = settings(
    max_examples=SLOW,
    deadline=None,
    derandomize=not RANDOM,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SCRATCH = Path(tempfile.mkdtemp(prefix="toteuma-fuzz-"))

# Bytes that matter to a CSV reader, to splice in more often than chance would.
SPECIAL = [
    b'"',
    b";",
    b",",
    b"\t",
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"-",
    b" ",
    b"=",
    b"1,5",
]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The original with a few byte-level edits: replace, insert, delete, duplicate a line."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.sampled_from(SPECIAL), st.binary(min_size=1, max_size=4)))
        action = draw(st.sampled_from(["insert", "replace", "delete", "repeat"]))
        if action == "insert":
            data[at:at] = piece
        elif action == "replace":
            data[at : at + len(piece)] = piece
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 30))]
        else:
            start = original.rfind(b"\n", 0, at) + 1
            data[at:at] = original[start : original.find(b"\n", at) + 1]
    return bytes(data)


CSV_INPUTS = st.one_of(st.binary(max_size=600), mutated(LEDGER))


def _file(data: bytes, suffix: str) -> Path:
    path = SCRATCH / f"fuzz{suffix}"
    path.write_bytes(data)
    return path


def _catalogued(problems: list) -> None:  # type: ignore[type-arg]
    for item in problems:
        assert item.code in BY_CODE
        assert item.message


@FUZZ
@given(CSV_INPUTS)
def test_the_csv_reader_never_fails_on_any_bytes(data: bytes) -> None:
    records, problems = parse_file("ledger", _file(data, ".csv"))
    _catalogued(problems)
    event("problems" if problems else "clean")
    if not [p for p in problems if p.severity == "error"]:
        assert records  # no error: something was read


@FUZZ_SLOW
@given(CSV_INPUTS)
def test_the_fast_path_never_accepts_what_the_row_by_row_reader_refuses(data: bytes) -> None:
    path = _file(data, ".csv")
    parsed = read_ledger(path)
    try:
        _catalogued(parsed.problems)
        event("fast path" if parsed.fast else "row by row")
        if not parsed.fast:
            return
        records, problems = parse_file("ledger", path)
        assert not [p for p in problems if p.severity == "error"], [str(p) for p in problems]
        assert parsed.source is not None
        assert parsed.source.totals() == RecordsLedger(records).totals()
        assert parsed.source.balances() == RecordsLedger(records).balances()
    finally:
        parsed.close()


def _rezipped(original: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
    return out.getvalue()


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    """Random bytes, the example workbook with bytes changed, or with its sheet's XML changed inside."""
    kind = draw(st.sampled_from(["bytes", "archive", "sheet", "strings"]))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    if kind == "archive":
        return draw(mutated(BUDGET))
    target = "xl/worksheets/sheet1.xml" if kind == "sheet" else "xl/sharedStrings.xml"
    edits = draw(
        st.lists(
            st.tuples(
                st.integers(0, 10**6), st.sampled_from([b"<", b">", b'"', b"&", b"x", b"0", b"-", b"\xff"])
            ),
            min_size=1,
            max_size=5,
        )
    )

    def change(name: str, content: bytes) -> bytes:
        if name != target:
            return content
        data = bytearray(content)
        for at, piece in edits:
            spot = at % max(len(data), 1)
            data[spot : spot + 1] = piece
        return bytes(data)

    return _rezipped(BUDGET, change)


@FUZZ
@given(workbooks())
def test_the_xlsx_reader_never_fails_on_any_workbook(data: bytes) -> None:
    records, problems = parse_file("budget", _file(data, ".xlsx"))
    _catalogued(problems)
    event(sorted({p.code for p in problems})[0] if problems else "clean")
    if not [p for p in problems if p.severity == "error"]:
        assert records


def _ledger_state() -> tuple[int, int, int]:
    from toteuma.storage.models import ImportBatch, LedgerLine, MonthlyBalance

    return ImportBatch.objects.count(), LedgerLine.objects.count(), MonthlyBalance.objects.count()


@pytest.fixture
def example_org(db: None) -> None:
    from toteuma import services

    for kind, name in (("units", "units.csv"), ("accounts", "accounts.csv")):
        assert services.import_file(kind, EXAMPLE / name).ok


@FUZZ_SLOW
@given(st.one_of(mutated(LEDGER), workbooks()), st.booleans())
@pytest.mark.django_db
def test_an_import_of_any_file_is_whole_or_nothing(example_org: None, data: bytes, as_workbook: bool) -> None:
    from django.db import transaction

    from toteuma import services

    kind = "budget" if data[:2] == b"PK" and as_workbook else "ledger"
    path = _file(data, ".xlsx" if data[:2] == b"PK" else ".csv")
    with transaction.atomic():
        before = _ledger_state()
        result = services.import_file(kind, path, options=services.ImportOptions(accept_warnings=True))
        _catalogued(list(result.problems))
        batches, lines, _ = _ledger_state()
        if result.imported and kind == "ledger":
            assert (batches, lines) == (before[0] + 1, before[1] + result.records)
        elif not result.imported:
            assert _ledger_state() == before
        transaction.set_rollback(True)
