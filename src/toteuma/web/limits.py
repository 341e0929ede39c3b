"""Request bodies are measured before anything reads them (issue 9, item 10).

Django parses a multipart body, and spools its files to the temporary folder, as soon as anything
reads request.POST: the CSRF check does so before any view runs. This middleware runs before that
and refuses by the declared Content-Length alone: an anonymous body beyond a sign-in form's size, a
signed-in body beyond a form's, and an upload beyond TOTEUMA_UPLOAD_LIMIT or from anyone but a
controller. The proxy should refuse bigger bodies still earlier (docs/deploy.md).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from toteuma import services

ANONYMOUS_BODY = 64 * 1024  # the sign-in and language forms are a few hundred bytes
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields of the upload form


def body_limit(request: HttpRequest) -> int:
    """The largest body this request may send, by who sends it and where."""
    if not request.user.is_authenticated:
        return ANONYMOUS_BODY
    if request.path == reverse("upload"):
        who = services.actor(int(request.user.pk or 0))
        if who.is_controller:
            return int(settings.UPLOAD_LIMIT) + FORM_OVERHEAD
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


class BodyLimitMiddleware:
    """413 before the body is read, by its declared length; 400 for a length that is no number."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not declared.isdigit():
            return HttpResponse("Content-Length is not a number", status=400, content_type="text/plain")
        length = int(declared)
        if length:
            limit = body_limit(request)
            if length > limit:
                context = {
                    "limit_mb": max(1, limit // (1024 * 1024)),
                    "upload": request.path == reverse("upload"),
                }
                page = render_to_string("web/413.html", context, request=request)
                response = HttpResponse(page, status=413)
                response["Connection"] = "close"  # the unread body is not waited for
                return response
        return self.get_response(request)
