"""A short-lived cache of computed dashboard figures in each server process, dropped on any change.

An entry is reused only while the data version (import batches and the audit log, one cheap query) is
unchanged and it is younger than TOTEUMA_CACHE_SECONDS; 0 (the default, and the tests) turns it off.
Imports that make no batch (units, goals, commentary files) show within those seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.conf import settings

from toteuma.storage import workflow

T = TypeVar("T")
_MAX_ENTRIES = 512
_entries: dict[Hashable, tuple[float, Any, Any]] = {}
_request = threading.local()  # the data version, read once per request


def begin_request() -> None:
    """Forget the data version read by the previous request of this thread."""
    _request.version = None


def _version() -> Any:
    version = getattr(_request, "version", None)
    if version is None:
        version = _request.version = workflow.data_version()
    return version


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    seconds = float(getattr(settings, "CACHE_SECONDS", 0))
    if seconds <= 0:
        return compute()
    version, now = _version(), time.monotonic()
    found = _entries.get(key)
    if found is not None and found[1] == version and now - found[0] < seconds:
        return found[2]  # type: ignore[no-any-return]
    value = compute()
    if len(_entries) >= _MAX_ENTRIES:
        _entries.clear()
    _entries[key] = (now, version, value)
    return value
