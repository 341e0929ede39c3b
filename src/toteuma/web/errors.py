"""Requests that fail: an id for each request, a 503 page for a database that is busy, read-only or full
(typed text kept for another try), and a 500 page that names the request id the log holds."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

from toteuma import services
from toteuma.web.logs import current_id, new_id

log = logging.getLogger("toteuma.web")
RETRY_SECONDS = 30
# Shown if even the 500 template cannot be rendered (a broken installation): all three languages.
_BARE_500 = (
    "<!DOCTYPE html><html lang='fi'><meta charset='utf-8'><title>Virhe</title>"
    "<h1>Palvelussa tapahtui virhe</h1><p>Yritä hetken kuluttua uudelleen. Jos virhe toistuu, kerro "
    "ylläpidolle tunnus {id}.</p><p lang='sv'>Ett fel inträffade. Försök igen om en stund; om felet "
    "upprepas, uppge koden {id} för administratören.</p><p lang='en'>Something went wrong. Try again "
    "in a moment; if it happens again, give the administrator the code {id}.</p></html>"
)


class RequestIdMiddleware:
    """Gives the request an id (the proxy's X-Request-ID if plausible), in the logs and the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = new_id(request.headers.get("X-Request-ID", ""))
        request.request_id = request_id  # type: ignore[attr-defined]
        # Not reset on the way out: Django logs a 4xx after the middleware has returned, and the
        # thread's next request sets its own id first.
        current_id.set(request_id)
        response = self.get_response(request)
        response.headers["X-Request-ID"] = request_id
        return response


class DatabaseFaultMiddleware:
    """A busy, read-only, full or unreachable database is a 503 page saying what to do, not a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        fault = services.fault_of(exc)
        if fault is None:
            return None
        log.warning("database %s: %s %s: %s", fault, request.method, request.path, exc)
        kept = (
            {key: request.POST.get(key, "") for key in request.POST if key != "csrfmiddlewaretoken"}
            if request.method == "POST"
            else {}
        )
        context = {"fault": fault, "kept": kept, "text": kept.pop("teksti", None), "action": request.path}
        context["request_id"] = getattr(request, "request_id", "")
        response = HttpResponse(render_to_string("web/503.html", context, request=request), status=503)
        response["Retry-After"] = str(RETRY_SECONDS)
        return response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (handler500): what to do, and the request id under which the log has the details."""
    request_id = getattr(request, "request_id", current_id.get())
    try:
        return HttpResponseServerError(
            render_to_string("web/500.html", {"request_id": request_id}, request=request)
        )
    except Exception:  # the page of last resort must not fail in turn
        log.exception("the 500 page could not be rendered")
        return HttpResponseServerError(_BARE_500.format(id=request_id))
