"""The per-process cache of dashboard figures (services/figure_cache.py): reused until anything changes."""

from __future__ import annotations

from typing import Any

import pytest

from toteuma.services import figure_cache

pytestmark = pytest.mark.django_db


def test_off_by_default_so_every_call_computes(tiny_org: object) -> None:
    calls: list[int] = []
    for _ in range(2):
        figure_cache.cached("off", lambda: calls.append(1))
    assert len(calls) == 2


def test_reused_until_the_audit_log_or_the_batches_change(tiny_org: object, settings: Any) -> None:
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


def test_an_entry_expires_after_its_seconds(tiny_org: object, settings: Any) -> None:
    settings.CACHE_SECONDS = 1e-9
    figure_cache.begin_request()
    calls: list[int] = []
    figure_cache.cached("short", lambda: calls.append(1))
    figure_cache.cached("short", lambda: calls.append(1))
    assert len(calls) == 2
