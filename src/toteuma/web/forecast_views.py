"""Forecasts on the dashboard: a unit's forecast page, where a responsible writes an own forecast with its
reason and a controller approves it (the commentary's rules), and the alerts across units."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toteuma.core.periods import Period
from toteuma.services import alert_pages, dashboard, forecast_pages, own_forecasts
from toteuma.services.workflow import ConflictError, self_approval_allowed
from toteuma.web.common import Actor, int_param, period_of, with_actor


def _back(code: str, period: Period, row: str = "") -> HttpResponse:
    anchor = f"#ennuste-{row}" if row else ""
    return redirect(f"{reverse('forecasts', args=[code])}?kausi={period}{anchor}")


@with_actor
def forecasts(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    period = period_of(request) or dashboard.default_period()
    page = forecast_pages.forecast_page(who, code, period, translation.get_language() or "fi")
    context = {
        "f": page,
        "periods": dashboard.periods(),
        "may_edit": who.may_edit(code),
        "self_approval": self_approval_allowed(),
    }
    return render(request, "web/forecasts.html", context)


@with_actor
@require_POST
def save(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    period = period_of(request) or dashboard.default_period()
    row = request.POST.get("rivi", "")
    amount, reason = request.POST.get("ennuste", ""), request.POST.get("perustelu", "")
    version = int_param(request, "versio", 0) or 0
    try:
        own_forecasts.save_forecast(who, code, period, row, amount, reason, version)
    except ConflictError as exc:
        context = {"code": code, "period": period, "row": row, "amount": amount, "reason": reason}
        return render(request, "web/forecast_conflict.html", {**context, "theirs": exc.current}, status=409)
    messages.success(request, _("Ennusteluonnos tallennettu."))
    return _back(code, period, row)


@with_actor
@require_POST
def move(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    period = period_of(request) or dashboard.default_period()
    row = request.POST.get("rivi", "")
    version = int_param(request, "versio")  # the version the page showed: only that one moves
    action = request.POST.get("toiminto", "")
    if action == "laheta":
        own_forecasts.submit(who, code, period, row, version)
        messages.success(request, _("Lähetetty tarkastettavaksi."))
    elif action == "hyvaksy":
        own_forecasts.approve(who, code, period, row, version)
        messages.success(request, _("Hyväksytty."))
    elif action == "palauta":
        own_forecasts.send_back(who, code, period, row, request.POST.get("kommentti", ""), version)
        messages.success(request, _("Palautettu luonnokseksi."))
    else:
        return render(request, "web/error.html", {"message": _("Tuntematon toiminto.")}, status=400)
    return _back(code, period, row)


@with_actor
def alerts(request: HttpRequest, who: Actor) -> HttpResponse:
    """Every alert across units, filtered by rule (`?saanto=`) and unit (`?yksikko=`)."""
    period = period_of(request) or dashboard.default_period()
    page = alert_pages.alerts_page(
        period,
        request.GET.get("saanto", ""),
        request.GET.get("yksikko", ""),
        translation.get_language() or "fi",
    )
    return render(request, "web/alerts.html", {"a": page, "periods": dashboard.periods()})
