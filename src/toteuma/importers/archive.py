"""An XLSX workbook is a zip archive: one that would unpack too big is refused before a reader opens it.

Each member is checked on its own (issue 9, item 9): a ratio summed over the archive lets one huge
sheet hide beside a member of random bytes. The sizes are the ones actually unpacked, in a stream
that stops at the first limit, not the ones the archive claims.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from toteuma.core.problems import Problem, problem

MAX_MEMBER = 300 * 1024 * 1024  # bytes one member may unpack to: a sheet of a million rows is less
MAX_UNPACKED = 500 * 1024 * 1024  # all members together
MAX_RATIO = 100  # unpacked / packed of a member; spreadsheets' XML compresses 5-30 times
RATIO_FROM = 1024 * 1024  # members smaller than this may compress better (a blank style sheet)
_BLOCK = 1 << 20


def workbook_problem(path: Path) -> Problem | None:
    """`file.too-large` or `file.unreadable` for an archive no reader should unpack, else None."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for member in archive.infolist():
                size, found = _unpacked(archive, member, str(path))
                total += size
                if found is None and total > MAX_UNPACKED:
                    found = problem("file.too-large", "total", limit=MAX_UNPACKED, file=str(path))
                if found is not None:
                    return found
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        return problem("file.unreadable", "workbook", reason=exc, file=str(path))
    return None


def _unpacked(archive: zipfile.ZipFile, member: zipfile.ZipInfo, file: str) -> tuple[int, Problem | None]:
    """Bytes the member really unpacks to, up to the first limit it passes, and that limit's problem."""
    packed = max(member.compress_size, 1)
    size = 0
    where = {"file": file, "value": member.filename}
    with archive.open(member) as stream:
        while block := stream.read(_BLOCK):
            size += len(block)
            if size > MAX_MEMBER:
                return size, problem("file.too-large", limit=MAX_MEMBER, **where)
            if size > RATIO_FROM and size > packed * MAX_RATIO:
                return size, problem("file.too-large", "ratio", ratio=MAX_RATIO, packed=packed, **where)
    return size, None
