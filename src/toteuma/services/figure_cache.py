"""Computed dashboard figures kept in the cache every server process shares, dropped on any change.

The cache is Django's (settings.CACHES, from TOTEUMA_CACHE_URL: a folder on the host by default in
production, Redis or Memcached by setting; decisions.md, 37). An entry's key holds the data version
(import batches and the audit log, one cheap query per request), so after an import or an edit every
worker computes afresh and they all agree; entries live TOTEUMA_CACHE_SECONDS at most, 0 (the default,
and the tests) turns the cache off. Imports that make no batch (units, goals, commentary files) show
within those seconds. A cache that fails (a Redis that is down) is logged and computed around.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches

from toteuma.storage import workflow

T = TypeVar("T")
log = logging.getLogger("toteuma.web")
_request = threading.local()  # the data version, read once per request
_MISSING = object()


def begin_request() -> None:
    """Forget the data version read by the previous request of this thread, and what it kept."""
    _request.version = None
    _request.kept = {}


def end_request() -> None:
    """Forget what this request kept (outside a request nothing is kept)."""
    _request.kept = None


def per_request(key: Hashable, compute: Callable[[], T]) -> T:
    """Read once per web request (e.g. the organisation, which a page and its blocks all need);
    computed every time outside a request (command line, tests that call services directly)."""
    kept = getattr(_request, "kept", None)
    if kept is None:
        return compute()
    if key not in kept:
        kept[key] = compute()
    return kept[key]  # type: ignore[no-any-return]


def kept_in_request(key: Hashable) -> Any:
    """What this web request has read once under `key` (`per_request`), or None."""
    kept = getattr(_request, "kept", None)
    return None if kept is None else kept.get(key)


def _version() -> Any:
    version = getattr(_request, "version", None)
    if version is None:
        version = _request.version = workflow.data_version()
    return version


def cache_key(key: Hashable, version: Any) -> str:
    """The same text in every process for the same key and data (reprs of tuples and dataclasses)."""
    return "figures:" + hashlib.sha256(repr((version, key)).encode()).hexdigest()


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    seconds = float(getattr(settings, "CACHE_SECONDS", 0))
    if seconds <= 0:
        return compute()
    name = cache_key(key, _version())
    cache = caches["default"]
    try:
        found = cache.get(name, _MISSING)
    except Exception:  # any backend's failure: the page is computed instead
        log.warning("figure cache unavailable; computing", exc_info=True)
        return compute()
    if found is not _MISSING:
        return found  # type: ignore[no-any-return]
    value = compute()
    try:
        cache.set(name, value, timeout=seconds)
    except Exception:
        log.warning("figure cache unavailable; not kept", exc_info=True)
    return value
