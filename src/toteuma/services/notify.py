"""Who hears of a text's progress, by e-mail: controllers of a submission, the unit's responsibles of
a send-back or an approval, and of a round's deadline drawing near (`toteuma remind`)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings

from toteuma import storage
from toteuma.core.messages import language
from toteuma.reports.i18n import LANGUAGES, catalogue
from toteuma.services.access import ADMIN, CONTROLLER, RESPONSIBLE
from toteuma.services.common import default_structure
from toteuma.storage import workflow
from toteuma.storage.workflow import DraftInfo

log = logging.getLogger(__name__)


def controllers(_unit_code: str = "") -> list[str]:
    """The e-mail addresses of every controller and admin (whatever the unit)."""
    return [email for _, email, role, _ in workflow.people() if role in (ADMIN, CONTROLLER)]


def responsibles(unit_code: str) -> list[str]:
    """The e-mail addresses of the responsibles assigned to the unit or to a unit above it."""
    tree = storage.org_tree()
    above: set[str] = set()
    current: str | None = unit_code if unit_code in tree else None
    while current is not None:
        above.add(current)
        current = tree[current].parent
    return [
        email for _, email, role, units in workflow.people() if role == RESPONSIBLE and above & set(units)
    ]


def link(path: str) -> str:
    """An absolute link to a dashboard page, when the site's address is configured."""
    return f"{settings.TOTEUMA_SITE_URL.rstrip('/')}{path}" if settings.TOTEUMA_SITE_URL else path


def subject_of(draft: DraftInfo) -> dict[str, str]:
    """What a mail or the inbox says of a draft's subject: its kind and, for a goal or project, which."""
    kind, _, key = draft.subject.partition(":")
    detail = ""
    if kind == "goal":
        detail = workflow.goal_owners(int(draft.period[:4])).get(int(key), ("", "", ""))[2]
    elif kind == workflow.INVESTMENT:
        detail = workflow.investment_owners().get(key, ("", key))[1]
    elif kind == workflow.FORECAST:
        detail = row_label(key)
    return {"kind": kind, "detail": detail}


def row_label(key: str) -> str:
    """A statement row's label in the current language, for an own forecast's subject."""
    structure = default_structure()
    label = structure.line(key).label if structure.has(key) else key
    lang = language()
    return catalogue(lang if lang in LANGUAGES else "fi").row(key, label)


def _context(draft: DraftInfo, by: str) -> dict[str, object]:
    tree = storage.org_tree()
    name = tree[draft.unit_code].name if draft.unit_code in tree else draft.unit_code
    return {
        "draft": draft,
        "unit_name": name,
        "by": by,
        "subject": subject_of(draft),
        "link": link(page_of(draft)),
    }


def page_of(draft: DraftInfo) -> str:
    """Where a draft is read and approved: own forecasts on the forecast page, texts on the unit page."""
    kind, _, key = draft.subject.partition(":")
    if kind == workflow.FORECAST:
        return f"/yksikko/{draft.unit_code}/ennusteet/?kausi={draft.period}#ennuste-{key}"
    return f"/yksikko/{draft.unit_code}/?kausi={draft.period}#tekstit"


_TEMPLATES: dict[str, tuple[str, Callable[[str], list[str]]]] = {
    "ready": ("submitted", controllers),
    "draft": ("sent_back", responsibles),
    "approved": ("approved", responsibles),
}


def state_changed(draft: DraftInfo, by: str) -> int:
    """Mail whoever the new state concerns; a failing mail server is logged and the change stands."""
    template, recipients = _TEMPLATES[draft.state]
    to = recipients(draft.unit_code)
    try:
        return workflow.send(template, to, _context(draft, by))
    except OSError as exc:  # SMTP down: the text is saved all the same
        log.warning(
            "could not send the %s e-mail for %s/%s: %s", template, draft.unit_code, draft.period, exc
        )
        return 0
