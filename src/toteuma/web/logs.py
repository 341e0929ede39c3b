"""The request id in every log line of a request, so that a 500 page's code finds its traceback.

Imported by the LOGGING settings before Django's apps are ready: standard library only.
"""

from __future__ import annotations

import logging
import re
import secrets
from contextvars import ContextVar

current_id: ContextVar[str] = ContextVar("toteuma_request_id", default="-")
_GIVEN = re.compile(r"^[A-Za-z0-9._-]{6,64}$")  # an id a proxy set (X-Request-ID), if it looks like one


def new_id(given: str = "") -> str:
    """The proxy's request id when it is a plausible one, else twelve random hex digits."""
    return given if _GIVEN.match(given) else secrets.token_hex(6)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside requests, e.g. on the command line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_id.get()
        return True
