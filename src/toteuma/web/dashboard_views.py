"""Overview, unit page and drill-down: read-only pages, each a call to one service."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from toteuma.core.cells import inert
from toteuma.core.money import to_report_sign
from toteuma.core.records import GoalRecord, GoalStatus
from toteuma.services import dashboard, dashboard_charts, drill, inbox, workflow
from toteuma.services.access import RESPONSIBLE, require_lines
from toteuma.web.common import Actor, address, int_param, period_of, with_actor
from toteuma.web.templatetags.toteuma_web import cell

# At most this many binding units opened at once (each is a parameter; the figures of each are read).
MAX_OPENED = 50


def _ask(request: HttpRequest) -> dashboard.OverviewAsk:
    """`auki` lists the opened units; present but empty (`auki=`) it opens none; absent, the default."""
    opened = request.GET.getlist("auki")[:MAX_OPENED] if "auki" in request.GET else None
    return dashboard.OverviewAsk.of(opened, request.GET.get("haku", ""), request.GET.get("jarjestys", ""))


def _toggles(found: dashboard.Overview) -> dict[str, str]:
    """Per binding unit: the overview's address with its areas shown (or hidden again), all else kept."""
    ask, links = found.ask, {}
    for glance in found.units:
        if glance.depth:
            continue
        code = glance.unit.code
        opened = [item for item in found.opened if item != code] + ([] if code in found.opened else [code])
        query = {"kausi": str(found.period), "haku": ask.query, "jarjestys": ask.sort}
        kept: dict[str, Any] = {key: value for key, value in query.items() if value}
        kept["auki"] = sorted(opened) or [""]  # explicit, even when none is left open
        links[code] = f"{reverse('overview')}?{urlencode(kept, doseq=True)}#yksikko-{code}"
    return links


@with_actor
def overview(request: HttpRequest, who: Actor) -> HttpResponse:
    found = dashboard.overview(period_of(request), _ask(request))
    context: dict[str, Any] = {
        "o": found,
        "my_tasks": None,
        "toggles": _toggles(found),
        "sorts": SORT_LABELS,
    }
    if who.role == RESPONSIBLE:  # a responsible's overview starts with their own units
        context["my_tasks"] = inbox.my_units(who, found.period)
        context["my_round"] = inbox.round_for(found.period)
    return render(request, "web/overview.html", context)


@with_actor
def unit(request: HttpRequest, who: Actor, code: str) -> HttpResponse:
    page = dashboard.unit_page(code, period_of(request), translation.get_language() or "fi")
    owners = {record.assessor or record.unit for _, record in page.goals}
    projects = {item.code: workflow.project_unit(item.code) for item in page.investments}
    drafts = workflow.drafts_of(who, sorted({code, *owners, *projects.values()}), page.period)
    context = {
        "p": page,
        "goals": [_goal(who, goal_id, record, page, drafts) for goal_id, record in page.goals],
        "investments": [
            {
                "p": item,
                "unit": projects[item.code],
                "may_edit": who.may_edit(projects[item.code]),
                "draft": drafts.get((projects[item.code], f"investment:{item.code}")),
            }
            for item in page.investments
        ],
        "draft": drafts.get((code, "commentary")),
        "unit_names": {unit.code: unit.name for unit in page.path} | {u.code: u.name for u in _areas(page)},
        "may_edit": who.may_edit(code),
        "drill_columns": drill.DRILL_COLUMNS,
        "periods": dashboard.periods(),
        "rows": _statement_rows(page),
        "status_choices": STATUS_CHOICES,
        "self_approval": workflow.self_approval_allowed(),
    }
    return render(request, "web/unit.html", context)


SORT_LABELS = [
    ("", _("organisaation järjestyksessä")),
    ("nimi", _("nimen mukaan")),
    ("kaytetty", _("käytetty osuus, suurin ensin")),
    ("menot", _("menot, suurimmat ensin")),
    ("halytykset", _("hälytykset ensin")),
]
STATUS_CHOICES = [(status.value, status.value.capitalize()) for status in GoalStatus]


def _areas(page: dashboard.UnitPage) -> list[Any]:
    """The page's unit and its sub-units, whose names a goal's assessing unit is shown with."""
    return [page.unit, *(glance.unit for glance in page.children)]


def _goal(
    who: Actor, goal_id: int, record: GoalRecord, page: dashboard.UnitPage, drafts: dict[Any, Any]
) -> dict[str, Any]:
    """A goal on a unit page: its drafts and edit box live under the unit that assesses it."""
    owner = record.assessor or record.unit
    return {
        "id": goal_id,
        "g": record,
        "owner": owner,
        "may_edit": who.may_edit(owner),
        "draft": drafts.get((owner, f"goal:{goal_id}")),
        "carried": bool(record.period) and record.period != str(page.period),
        "metrics": [
            {"s": series, "chart": dashboard_charts.metric_chart(series), "id": f"mittari-{goal_id}-{n}"}
            for n, series in enumerate(page.metrics_of(record), start=1)
        ],
    }


def _statement_rows(page: dashboard.UnitPage) -> list[dict[str, Any]]:
    """The statement's printed rows, each figure cell with a drill-down link where the ledger lies below."""
    table = page.statement
    found = []
    for row in table.rows:
        key = row.key or page.row_keys.get(row.label, "")
        cells = []
        for column, value in zip(table.columns, row.values, strict=True):
            link = ""
            if key and value is not None and column.key in drill.DRILL_COLUMNS and row.kind != "heading":
                link = f"{address('drill', page.unit.code, key, column.key)}?kausi={page.period}"
            cells.append({"text": cell(value), "link": link, "column": column.label})
        found.append({"label": row.label, "kind": row.kind.value, "cells": cells})
    return found


def _cell(request: HttpRequest, code: str, row: str, column: str) -> drill.Cell:
    return drill.cell(code, row, column, period_of(request) or dashboard.default_period())


@with_actor
def drill_cell(request: HttpRequest, who: Actor, code: str, row: str, column: str) -> HttpResponse:
    found = _cell(request, code, row, column)
    account = int_param(request, "tili")
    context = {
        "c": found,
        "account": account,
        "accounts": drill.accounts(found) if account is None else None,
        "centers": drill.cost_centers(found, account) if account is not None else None,
        "sees_lines": who.sees_lines(code),
    }
    return render(request, "web/drill.html", context)


@with_actor
def drill_lines(request: HttpRequest, who: Actor, code: str, row: str, column: str) -> HttpResponse:
    require_lines(who, code)
    found = _cell(request, code, row, column)
    account, center = int_param(request, "tili"), request.GET.get("kp") or None
    page = drill.lines(
        found, account, center, int_param(request, "sivu", 1) or 1, request.GET.get("jarjestys", "date")
    )
    context = {"c": found, "account": account, "center": center, "page": page}
    return render(request, "web/lines.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


@with_actor
def drill_csv(request: HttpRequest, who: Actor, code: str, row: str, column: str) -> StreamingHttpResponse:
    require_lines(who, code)
    found = _cell(request, code, row, column)
    account, center = int_param(request, "tili"), request.GET.get("kp") or None
    rows = drill.all_lines(found, account, center, request.GET.get("jarjestys", "date"))
    writer = csv.writer(_Echo(), delimiter=";")

    def produce() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(
            [
                "Pvm",
                "Tosite",
                "Tili",
                "Kustannuspaikka",
                "Projekti",
                "Summa (debet +)",
                "Summa (raportti)",
                "Selite",
            ]
        )
        for line in rows:
            yield writer.writerow(
                [
                    line.posted.isoformat(),
                    inert(line.document),  # text from the ledger file: never a formula (issue 9, item 7)
                    line.account,
                    inert(line.unit),
                    inert(line.project),
                    _decimal(line.amount_cents),
                    _decimal(to_report_sign(line.amount_cents)),
                    inert(line.text),
                ]
            )

    response = StreamingHttpResponse(produce(), content_type="text/csv; charset=utf-8")
    name = f"toteuma-{found.unit.code}-{found.row}-{found.column}-{found.period}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _decimal(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"
