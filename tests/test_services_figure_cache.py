"""The shared cache of dashboard figures (services/figure_cache.py): reused until anything changes,
seen alike by every worker, and the cache chosen by TOTEUMA_CACHE_URL (settings.cache_from_env)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from toteuma.services import figure_cache
from toteuma.settings import cache_from_env


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    cache.clear()
    figure_cache.begin_request()
    yield
    cache.clear()


@pytest.mark.django_db
def test_off_by_default_so_every_call_computes(tiny_org: object) -> None:
    calls: list[int] = []
    for _ in range(2):
        figure_cache.cached("off", lambda: calls.append(1))
    assert len(calls) == 2


@pytest.mark.django_db
def test_reused_until_the_audit_log_or_the_batches_change(
    tiny_org: object, settings: Any, fresh_cache: None
) -> None:
    from toteuma.storage import workflow

    settings.CACHE_SECONDS = 60
    calls: list[int] = []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731  # a counter is the point
    assert figure_cache.cached("on", compute) == 1
    figure_cache.begin_request()
    assert figure_cache.cached("on", compute) == 1
    figure_cache.begin_request()
    assert figure_cache.cached("on", compute) == 1
    workflow.save_draft("1100", "2024-03", "commentary", "x", "", 0, "anna")  # writes the audit log
    figure_cache.begin_request()
    assert figure_cache.cached("on", compute) == 2


@pytest.mark.django_db
def test_an_entry_expires_after_its_seconds(tiny_org: object, settings: Any, fresh_cache: None) -> None:
    settings.CACHE_SECONDS = 1e-9
    calls: list[int] = []
    figure_cache.cached("short", lambda: calls.append(1))
    figure_cache.cached("short", lambda: calls.append(1))
    assert len(calls) == 2


@pytest.mark.django_db
def test_workers_share_the_figures_through_the_cache_folder(
    tiny_org: object, settings: Any, tmp_path: Path
) -> None:
    settings.CACHE_SECONDS = 60
    settings.CACHES = cache_from_env({"TOTEUMA_CACHE_URL": f"file://{tmp_path}"})
    figure_cache.begin_request()
    assert figure_cache.cached(("overview", "2024-03"), lambda: {"figures": 1}) == {"figures": 1}
    assert list(tmp_path.iterdir())  # kept in the folder every process on the host reads
    seen: list[object] = []
    version = figure_cache._version()

    def other_worker() -> None:  # another thread has its own cache connection, as another process would
        figure_cache._request.version = version
        seen.append(figure_cache.cached(("overview", "2024-03"), lambda: {"figures": 2}))

    thread = threading.Thread(target=other_worker)
    thread.start()
    thread.join()
    assert seen == [{"figures": 1}]


def test_the_cache_url_names_the_backend_and_its_location() -> None:
    assert cache_from_env({})["default"]["BACKEND"].endswith("LocMemCache")
    found = cache_from_env({}, default="file:///var/lib/toteuma/cache")["default"]
    assert (found["BACKEND"].rsplit(".", 1)[1], found["LOCATION"]) == (
        "FileBasedCache",
        "/var/lib/toteuma/cache",
    )
    redis = cache_from_env({"TOTEUMA_CACHE_URL": "redis://127.0.0.1:6379/1"})["default"]
    assert (redis["BACKEND"].rsplit(".", 1)[1], redis["LOCATION"]) == (
        "RedisCache",
        "redis://127.0.0.1:6379/1",
    )
    memcached = cache_from_env({"TOTEUMA_CACHE_URL": "memcached://10.0.0.5:11211"})["default"]
    assert memcached["LOCATION"] == "10.0.0.5:11211"
    assert (
        cache_from_env({"TOTEUMA_CACHE_URL": "db://toteuma_cache"})["default"]["LOCATION"] == "toteuma_cache"
    )
    with pytest.raises(ImproperlyConfigured, match="TOTEUMA_CACHE_URL 'mongodb://x'"):
        cache_from_env({"TOTEUMA_CACHE_URL": "mongodb://x"})
