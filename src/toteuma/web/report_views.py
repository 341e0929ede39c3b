"""Reports in the browser: choose unit, period, language, layout and format; open or download."""

from __future__ import annotations

import base64
import hashlib
import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from toteuma import services
from toteuma.core.periods import Period
from toteuma.services import dashboard
from toteuma.services.layouts import layout_list
from toteuma.web.common import Actor, with_actor

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@with_actor
def reports(request: HttpRequest, who: Actor) -> HttpResponse:
    unit, period, fmt = request.GET.get("yksikko"), request.GET.get("kausi"), request.GET.get("muoto", "html")
    if unit and period:
        try:
            at = Period.parse(period)
        except ValueError as exc:
            raise services.ServiceError(exc) from exc
        chosen = request.GET.get("asettelu") or services.default_layout()
        if chosen not in services.shipped_layouts():  # the browser may name shipped layouts, never a file
            raise services.ServiceError(
                "layouts.web.unknown", layout=chosen, layouts=services.shipped_layouts()
            )
        layout = services.get_layout(chosen)
        content = services.build_report(unit, at, layout)
        data = services.render_report(content, fmt, layout, request.GET.get("kieli") or request.LANGUAGE_CODE)
        response = HttpResponse(data, content_type=CONTENT_TYPES.get(fmt, "application/octet-stream"))
        if fmt == "html":
            _allow_own_styles(response, data)
        if request.GET.get("lataa") or fmt not in ("html", "json"):
            name = f"toteuma-{content.unit.code}-{content.period}.{fmt}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        "units": [
            (depth, item) for depth, item in services.unit_listing() if item.kind.value != "kustannuspaikka"
        ],
        "periods": dashboard.periods(),
        "formats": services.FORMATS,
        "languages": services.LANGUAGES,
        # each shipped layout by what it is, in the page's language ("Neljännesvuosiraportti kuten …")
        "layouts": [(name, text.split(":")[0] or name) for name, text in layout_list()],
    }
    return render(request, "web/reports.html", context)


_STYLE = re.compile(rb"<style>(.*?)</style>", re.DOTALL)


def _allow_own_styles(response: HttpResponse, page: bytes) -> None:
    """The report is one self-contained page with its stylesheet inline: the policy allows exactly
    that stylesheet, by its hash (no 'unsafe-inline'), and still no script at all."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(found).digest()).decode("ascii") + "'"
        for found in _STYLE.findall(page)
    ]
    response._csp_update = {"style-src": hashes}  # type: ignore[attr-defined]  # read by django-csp
