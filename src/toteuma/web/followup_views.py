"""Goal history, investments by project with their ledger lines, amendments, projects, rounds and inbox."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from toteuma.core.periods import Period
from toteuma.core.records import ProjectKind
from toteuma.services import dashboard, followup_pages, inbox
from toteuma.services.access import require_lines
from toteuma.services.common import ServiceError
from toteuma.web.common import Actor, int_param, period_of, with_actor


@with_actor
def goal(request: HttpRequest, who: Actor, goal_id: int) -> HttpResponse:
    page = followup_pages.goal_page(goal_id, period_of(request))
    return render(request, "web/goal.html", {"p": page})


@with_actor
def investments(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    page = followup_pages.investments_page(code, period_of(request))
    return render(request, "web/investments.html", {"p": page})


@with_actor
def project_lines(request: HttpRequest, who: Actor, project: str) -> HttpResponse:
    unit = request.GET.get("yksikko") or None
    # Ledger lines: controllers, or the responsible of the unit asked for (decision 28).
    require_lines(who, unit or "")
    page = followup_pages.project_lines(project, period_of(request), unit, int_param(request, "sivu", 1) or 1)
    return render(request, "web/project_lines.html", {"p": page})


@with_actor
def amendments(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    unit, period, decisions = followup_pages.amendments_page(code, period_of(request))
    return render(request, "web/amendments.html", {"unit": unit, "period": period, "decisions": decisions})


@with_actor
def projects(request: HttpRequest, who: Actor) -> HttpResponse:
    period, found = followup_pages.projects_page(period_of(request))
    savings = [item for item in found if item.record.kind is ProjectKind.SAVINGS]
    context = {"period": period, "projects": found, "savings": savings, "periods": dashboard.periods()}
    return render(request, "web/projects.html", context)


@with_actor
def waiting(request: HttpRequest, who: Actor) -> HttpResponse:
    """The controller's inbox: what waits for review, and each open round's progress by unit."""
    items = inbox.inbox(who)
    progress = [
        (item, inbox.tasks(list(item.units), Period.parse(item.period), item.deadline))
        for item in inbox.rounds()
    ]
    context = {"items": items, "rounds": progress, "periods": dashboard.periods(), "units": _round_units()}
    return render(request, "web/inbox.html", context)


def _round_units() -> list[tuple[str, str]]:
    """The units a round may cover: every binding unit and the units just below it."""
    return [(unit.code, f"{'— ' * depth}{unit.code} {unit.name}") for unit, depth in dashboard.round_units()]


@with_actor
def open_round(request: HttpRequest, who: Actor) -> HttpResponse:
    if request.method != "POST":
        return redirect("inbox")
    period = period_of(request) or dashboard.default_period()
    try:
        deadline = date.fromisoformat(request.POST.get("maaraaika", ""))
    except ValueError as exc:
        raise ServiceError("followup.pages.bad_deadline") from exc
    inbox.open_round(who, period, deadline, request.POST.getlist("yksikot"))
    messages.success(request, _("Raportointikierros avattu."))
    return redirect(reverse("inbox"))
