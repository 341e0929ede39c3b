"""The permission matrix: what each role gets from each page and method, as the code enforces it.

This table is the documentation's (docs/security.md is generated from it by scripts/security_doc.py)
and the test's: tests/test_permission_matrix.py requests every URL of the URL configuration with
every method as every role and compares the outcome with it, and fails on a URL it does not list.
The checks themselves live in the services (services/access.py) and the views' decorators.
"""

from __future__ import annotations

ROLES = (
    "anonymous",
    "reader",
    "responsible, own unit",
    "responsible, other unit",
    "controller",
    "admin",
)
OK, SIGN_IN, REFUSED, METHOD = "allowed", "sign-in", "refused", "wrong method"

# (URL name, method) -> the outcome for each role of ROLES, in that order. "allowed": the view ran
# (it may still say 400 to bad input); "sign-in": redirected to sign in; "refused": 403, nothing
# changed; "wrong method": 405.
_ANYONE_SIGNED_IN = (SIGN_IN, OK, OK, OK, OK, OK)
_CONTROLLERS = (SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK)
_UNIT_EDITORS = (SIGN_IN, REFUSED, OK, REFUSED, OK, OK)
_POST_ONLY = (SIGN_IN, METHOD, METHOD, METHOD, METHOD, METHOD)
MATRIX: dict[tuple[str, str], tuple[str, ...]] = {
    ("overview", "GET"): _ANYONE_SIGNED_IN,
    ("overview", "POST"): _ANYONE_SIGNED_IN,
    ("login", "GET"): (OK, OK, OK, OK, OK, OK),
    ("login", "POST"): (OK, OK, OK, OK, OK, OK),
    ("logout", "GET"): (METHOD, METHOD, METHOD, METHOD, METHOD, METHOD),
    ("logout", "POST"): (OK, OK, OK, OK, OK, OK),
    ("unit", "GET"): _ANYONE_SIGNED_IN,
    ("unit", "POST"): _ANYONE_SIGNED_IN,
    ("save-text", "GET"): _POST_ONLY,
    ("save-text", "POST"): _UNIT_EDITORS,
    ("move-text", "GET"): _POST_ONLY,
    ("move-text", "POST"): _UNIT_EDITORS,  # sending for review; approving is the controllers' (below)
    ("forecasts", "GET"): _ANYONE_SIGNED_IN,  # readers see approved own forecasts only, never a draft
    ("forecasts", "POST"): _ANYONE_SIGNED_IN,
    ("save-forecast", "GET"): _POST_ONLY,
    ("save-forecast", "POST"): _UNIT_EDITORS,
    ("move-forecast", "GET"): _POST_ONLY,
    ("move-forecast", "POST"): _UNIT_EDITORS,  # sending for review; approving is the controllers' (below)
    ("alerts", "GET"): _ANYONE_SIGNED_IN,
    ("alerts", "POST"): _ANYONE_SIGNED_IN,
    ("drill", "GET"): _ANYONE_SIGNED_IN,
    ("drill", "POST"): _ANYONE_SIGNED_IN,
    ("lines", "GET"): _UNIT_EDITORS,
    ("lines", "POST"): _UNIT_EDITORS,
    ("lines-csv", "GET"): _UNIT_EDITORS,
    ("lines-csv", "POST"): _UNIT_EDITORS,
    ("imports", "GET"): _CONTROLLERS,
    ("imports", "POST"): _CONTROLLERS,
    ("upload", "GET"): _POST_ONLY,
    ("upload", "POST"): _CONTROLLERS,
    ("confirm-import", "GET"): _POST_ONLY,
    ("confirm-import", "POST"): _CONTROLLERS,
    ("rollback", "GET"): _CONTROLLERS,  # the confirmation page, which asks for the reason
    ("rollback", "POST"): _CONTROLLERS,
    ("reports", "GET"): _ANYONE_SIGNED_IN,
    ("reports", "POST"): _ANYONE_SIGNED_IN,
    ("goal", "GET"): _ANYONE_SIGNED_IN,
    ("goal", "POST"): _ANYONE_SIGNED_IN,
    ("investments", "GET"): _ANYONE_SIGNED_IN,
    ("investments", "POST"): _ANYONE_SIGNED_IN,
    ("amendments", "GET"): _ANYONE_SIGNED_IN,
    ("amendments", "POST"): _ANYONE_SIGNED_IN,
    ("projects", "GET"): _ANYONE_SIGNED_IN,
    ("projects", "POST"): _ANYONE_SIGNED_IN,
    ("project-lines", "GET"): _UNIT_EDITORS,  # with ?yksikko= the unit; without it, controllers only
    ("project-lines", "POST"): _UNIT_EDITORS,
    ("inbox", "GET"): _CONTROLLERS,
    ("inbox", "POST"): _CONTROLLERS,
    ("open-round", "GET"): _ANYONE_SIGNED_IN,  # a redirect to the inbox
    ("open-round", "POST"): _CONTROLLERS,
    ("audit", "GET"): _CONTROLLERS,
    ("audit", "POST"): _CONTROLLERS,
    ("set_language", "GET"): (OK, OK, OK, OK, OK, OK),
    ("set_language", "POST"): (OK, OK, OK, OK, OK, OK),
}
# Actions within a page that only some of the roles it admits may take.
ACTIONS: dict[str, tuple[str, ...]] = {
    "move-text POST toiminto=hyvaksy (approve)": (SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK),
    "move-text POST toiminto=palauta (send back)": (SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK),
    "move-forecast POST toiminto=hyvaksy (approve)": (SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK),
    "move-forecast POST toiminto=palauta (send back)": (SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK),
}


def markdown() -> str:
    """The matrix as the tables of docs/security.md."""
    head = "| page (URL name) | method | " + " | ".join(ROLES) + " |"
    rule = "|---|---|" + "---|" * len(ROLES)
    rows = [
        f"| `{name}` | {method} | " + " | ".join(found) + " |" for (name, method), found in MATRIX.items()
    ]
    actions = [f"| {what} | " + " | ".join(found) + " |" for what, found in ACTIONS.items()]
    return "\n".join(
        [
            head,
            rule,
            *rows,
            "",
            "| action | " + " | ".join(ROLES) + " |",
            "|---|" + "---|" * len(ROLES),
            *actions,
        ]
    )
