"""What every view shares: the signed-in user as an Actor, the period from the query, refusals as pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import get_script_prefix, reverse

from toteuma import services
from toteuma.core.periods import Period
from toteuma.services.access import Actor, ForbiddenError

View = Callable[..., HttpResponseBase]


def refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "web/error.html", {"message": message}, status=status)


def with_actor(view: View) -> View:
    """Sign-in required; the view gets the Actor; a refusal is a 403 page, a user error a 400 page."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            who = services.actor(int(request.user.pk or 0))
            request.actor = who  # type: ignore[attr-defined]  # the templates show the role
            return view(request, who, *args, **kwargs)
        except ForbiddenError as exc:
            return refuse(request, str(exc), 403)
        except services.ServiceError as exc:
            return refuse(request, str(exc), 400)

    return wrapped


def period_of(request: HttpRequest) -> Period | None:
    """The period from `?kausi=YYYY-MM`, or None for the newest with data."""
    text = request.GET.get("kausi") or request.POST.get("kausi") or ""
    if not text:
        return None
    try:
        return Period.parse(text)
    except ValueError as exc:
        raise services.ServiceError(exc) from exc


# The largest whole number a parameter may carry: ids, versions, accounts and pages all fit well below,
# and no database column overflows on it (issue 9, item 11).
INT_LIMIT = 2**31 - 1


def int_param(
    request: HttpRequest, name: str, default: int | None = None, *, low: int = 0, high: int = INT_LIMIT
) -> int | None:
    """A whole-number parameter between `low` and `high`; anything else is a 400 saying so."""
    text = request.GET.get(name) or request.POST.get(name)
    if text in (None, ""):
        return default
    digits = text.strip().removeprefix("-")
    # The length first: a thousand-digit number is refused before it is ever converted.
    well_formed = digits.isascii() and digits.isdigit() and len(digits) <= len(str(high))
    if not well_formed or not low <= int(text) <= high:
        raise services.ServiceError(
            "security.whole_number_range", name=name, low=low, high=high, value=text[:30]
        )
    return int(text)


__all__ = ["INT_LIMIT", "Actor", "int_param", "period_of", "refuse", "with_actor"]


@lru_cache(maxsize=65536)
def _reversed(prefix: str, view: str, args: tuple[str, ...]) -> str:
    return reverse(view, args=args)


def address(view: str, *args: str) -> str:
    """A page's address (`reverse`), remembered per script prefix, view and arguments: the long tables
    link a hundred units or cells a page."""
    return _reversed(get_script_prefix(), view, args)
