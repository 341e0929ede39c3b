"""Reports in the browser: choose unit, period and format, download the document."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from toteuma import services
from toteuma.core.periods import Period
from toteuma.services import dashboard
from toteuma.web.common import Actor, with_actor

CONTENT_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json"}


@with_actor
def reports(request: HttpRequest, who: Actor) -> HttpResponse:
    unit, period, fmt = request.GET.get("yksikko"), request.GET.get("kausi"), request.GET.get("muoto", "html")
    if unit and period:
        try:
            at = Period.parse(period)
        except ValueError as exc:
            raise services.ServiceError(str(exc)) from exc
        content = services.build_report(unit, at)
        data = services.render_report(content, fmt)
        response = HttpResponse(data, content_type=CONTENT_TYPES.get(fmt, "application/octet-stream"))
        if request.GET.get("lataa"):
            name = f"toteuma-{content.unit.code}-{content.period}.{fmt}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        "units": [
            (depth, item) for depth, item in services.unit_listing() if item.kind.value != "kustannuspaikka"
        ],
        "periods": dashboard.periods(),
        "formats": services.FORMATS,
    }
    return render(request, "web/reports.html", context)
