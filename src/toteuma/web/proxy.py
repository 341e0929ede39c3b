"""The client's address behind the reverse proxy, for the sign-in lockout (django-axes).

The proxy (docs/deploy.md) appends the address it saw to X-Forwarded-For; entries before it come
from the client and may be forged, so only the last one counts, and only when the request came from
the proxy itself (TOTEUMA_TRUSTED_PROXIES, default the loopback addresses).
"""

from __future__ import annotations

import ipaddress
import os

from django.http import HttpRequest

TRUSTED = tuple(
    item.strip()
    for item in os.environ.get("TOTEUMA_TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if item.strip()
)


def client_address(request: HttpRequest) -> str:
    """The last X-Forwarded-For entry if the request came from a trusted proxy, else the peer address."""
    peer = str(request.META.get("REMOTE_ADDR", ""))
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    if peer not in TRUSTED or not forwarded:
        return peer
    last = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return peer
