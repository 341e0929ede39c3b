"""Own forecasts: a responsible's year-end figure for a unit's row, drafted and approved like commentary.

The draft is a `Draft` with the subject "forecast:<row key>", its reason as the text and its amount
in `amount_cents`; approving it writes an `OwnForecast`, which is all that readers, the documents
and the forecast ever see (decision 59).
"""

from __future__ import annotations

from collections.abc import Iterable

from toteuma.storage.workflow.models import Draft, OwnForecast
from toteuma.storage.workflow.types import OwnForecastInfo, WorkflowError

FORECAST = "forecast"


def forecast_subject(row: str) -> str:
    return f"{FORECAST}:{row}"


def publish_forecast(draft: Draft, row: str) -> None:
    """Approval of a forecast draft: its amount and reason become the unit's own forecast for the period."""
    if draft.amount_cents is None:  # a forecast draft always has one; refuse rather than print nothing
        raise WorkflowError("ownforecast.no_amount", target=f"{draft.unit_code}/{draft.period}/{row}")
    OwnForecast.objects.update_or_create(
        unit_code=draft.unit_code,
        period=draft.period,
        row=row,
        defaults={
            "amount_cents": draft.amount_cents,
            "reason": draft.text.strip(),
            "written_by": sorted(draft.authors or ()),
            "approved_by": draft.updated_by,
            "approved_at": draft.updated_at,
        },
    )


def _info(row: OwnForecast) -> OwnForecastInfo:
    return OwnForecastInfo(
        row.unit_code,
        row.period,
        row.row,
        row.amount_cents,
        row.reason,
        tuple(row.written_by or ()),
        row.approved_by,
        row.approved_at,
    )


def approved_forecasts(unit_codes: Iterable[str], period: str) -> dict[tuple[str, str], OwnForecastInfo]:
    """(unit, row) -> the latest own forecast approved for a period of the year up to `period`.

    A forecast stands until a newer one is approved (as a goal's status does, decision 45); its
    `period` says when it was made. One query.
    """
    rows = OwnForecast.objects.filter(
        unit_code__in=list(unit_codes), period__gte=f"{period[:4]}-01", period__lte=period
    ).order_by("period")
    return {(row.unit_code, row.row): _info(row) for row in rows}
