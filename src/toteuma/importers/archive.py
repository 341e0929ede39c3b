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
                size, why = _unpacked(archive, member)
                total += size
                if why or total > MAX_UNPACKED:
                    reason = why or f"the members together unpack to more than {MAX_UNPACKED} bytes"
                    return problem("file.too-large", reason, file=str(path), value=member.filename)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        return problem("file.unreadable", f"not a readable workbook (zip archive): {exc}", file=str(path))
    return None


def _unpacked(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, str]:
    """Bytes the member really unpacks to, up to the first limit it passes, and which limit (or "")."""
    packed = max(member.compress_size, 1)
    size = 0
    with archive.open(member) as stream:
        while block := stream.read(_BLOCK):
            size += len(block)
            if size > MAX_MEMBER:
                return size, f"member {member.filename} unpacks to more than {MAX_MEMBER} bytes"
            if size > RATIO_FROM and size > packed * MAX_RATIO:
                return size, (
                    f"member {member.filename} unpacks to more than {MAX_RATIO} times its packed size "
                    f"({packed} bytes): a possible zip bomb"
                )
    return size, ""
