"""Writing commentary and goal assessments, moving them through review, and reading the audit log."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toteuma import services
from toteuma.core.periods import Period
from toteuma.services import audit as audit_log
from toteuma.services import dashboard, workflow
from toteuma.storage.workflow import AuditFilter
from toteuma.web.common import Actor, int_param, period_of, with_actor


def _back(code: str, period: Period) -> HttpResponse:
    return redirect(f"{reverse('unit', args=[code])}?kausi={period}#tekstit")


@with_actor
@require_POST
def save(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    period = period_of(request) or dashboard.default_period()
    goal_id = int_param(request, "tavoite")
    text = request.POST.get("teksti", "")
    status = request.POST.get("tila", "")
    project = request.POST.get("hanke", "")
    version = int_param(request, "versio", 0) or 0
    try:
        workflow.save_text(who, code, period, text, version, goal_id, status, project)
    except workflow.ConflictError as exc:
        context = {
            "code": code,
            "period": period,
            "goal_id": goal_id,
            "mine": text,
            "status": status,
            "project": project,
            "theirs": exc.current,
        }
        return render(request, "web/conflict.html", context, status=409)
    messages.success(request, _("Luonnos tallennettu."))
    return _back(code, period)


_MOVES = {"laheta": workflow.submit, "hyvaksy": workflow.approve}


@with_actor
@require_POST
def move(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    period = period_of(request) or dashboard.default_period()
    goal_id = int_param(request, "tavoite")
    project = request.POST.get("hanke", "")
    version = int_param(request, "versio")  # the version the page showed: only that one moves
    action = request.POST.get("toiminto", "")
    if action == "palauta":
        comment = request.POST.get("kommentti", "")
        workflow.send_back(who, code, period, comment, goal_id, project, version=version)
        messages.success(request, _("Palautettu luonnokseksi."))
    elif action in _MOVES:
        _MOVES[action](who, code, period, goal_id, project, version=version)
        messages.success(
            request, _("Lähetetty tarkastettavaksi.") if action == "laheta" else _("Hyväksytty.")
        )
    else:
        return render(request, "web/error.html", {"message": _("Tuntematon toiminto.")}, status=400)
    return _back(code, period)


def _day(request: HttpRequest, name: str) -> date | None:
    text = request.GET.get(name, "").strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError as exc:
        raise services.ServiceError("services.web.not_a_date", name=name, value=text) from exc


@with_actor
def audit(request: HttpRequest, who: Actor) -> HttpResponse:
    """The log, newest first, filtered by who, what, when and a part of the target."""
    page = max(int_param(request, "sivu", 1) or 1, 1)
    chosen = AuditFilter(
        user=request.GET.get("kuka", ""),
        action=request.GET.get("toiminto", ""),
        since=_day(request, "alkaen"),
        until=_day(request, "asti"),
        target=request.GET.get("kohde", "").strip(),
    )
    users, actions = audit_log.audit_choices(who)
    context = {
        "entries": audit_log.audit_page(who, page, chosen),
        "page": page,
        "chosen": chosen,
        "users": users,
        "actions": actions,
        "query": request.GET.copy(),
        "more": audit_log.PAGE,
    }
    return render(request, "web/audit.html", context)
