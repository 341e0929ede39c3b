"""Imports in the browser: upload, see the problems, confirm or cancel; batches and their rollback."""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toteuma import services
from toteuma.services import uploads
from toteuma.services.access import require_controller
from toteuma.web.common import Actor, int_param, with_actor

SESSION_KEY = "toteuma-upload"


def _staging() -> Path:
    root = Path(getattr(settings, "UPLOAD_DIR", "") or Path(tempfile.gettempdir()) / "toteuma-uploads")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _store(upload: UploadedFile[bytes]) -> Path:
    folder = _staging() / secrets.token_hex(16)
    folder.mkdir()
    target = folder / get_valid_filename(Path(upload.name or "tiedosto").name)
    with target.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return target


def _staged(request: HttpRequest) -> tuple[str, Path] | None:
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    path = Path(data["path"])
    # Only a path this server made, under its own staging folder, is ever opened.
    if _staging() not in path.parents or not path.is_file():
        return None
    return data["kind"], path


def _drop(request: HttpRequest) -> None:
    found = _staged(request)
    request.session.pop(SESSION_KEY, None)
    if found is not None:
        shutil.rmtree(found[1].parent, ignore_errors=True)


@with_actor
def batches(request: HttpRequest, who: Actor) -> HttpResponse:
    context = {
        "batches": uploads.batches(who),
        "kinds": services.IMPORT_KINDS,
        "limit": settings.UPLOAD_LIMIT,
    }
    return render(request, "web/imports.html", context)


@with_actor
@require_POST
def upload(request: HttpRequest, who: Actor) -> HttpResponse:
    require_controller(who)
    kind = request.POST.get("laji", "")
    file = request.FILES.get("tiedosto")
    if file is None:
        raise services.ServiceError(_("Valitse tiedosto."))
    if (file.size or 0) > settings.UPLOAD_LIMIT:
        return render(request, "web/error.html", {"message": _("Tiedosto on liian suuri.")}, status=413)
    _drop(request)
    path = _store(file)
    try:
        check = uploads.check_file(who, kind, path)
    except services.ServiceError:
        shutil.rmtree(path.parent, ignore_errors=True)
        raise
    if check.problems:
        shutil.rmtree(path.parent, ignore_errors=True)
    else:
        request.session[SESSION_KEY] = {"kind": kind, "path": str(path)}
    return render(request, "web/import_check.html", {"check": check}, status=422 if check.problems else 200)


@with_actor
@require_POST
def confirm(request: HttpRequest, who: Actor) -> HttpResponse:
    require_controller(who)
    found = _staged(request)
    if found is None or request.POST.get("toiminto") != "vahvista":
        _drop(request)
        messages.info(request, _("Tuonti peruttu; mitään ei tallennettu."))
        return redirect("imports")
    result = uploads.confirm(who, *found)
    _drop(request)
    if result.problems:
        return render(request, "web/error.html", {"message": str(result.problems[0])}, status=422)
    messages.success(
        request,
        _("Tuotu %(n)s tietuetta.") % {"n": result.records}
        if not result.skipped
        else _("Sama tiedosto oli jo tuotu."),
    )
    return redirect("imports")


@with_actor
def rollback(request: HttpRequest, who: Actor, batch_id: int) -> HttpResponse:
    """GET asks for confirmation and a reason; POST with a reason rolls the batch back."""
    found = uploads.batch(who, batch_id)
    reason = request.POST.get("syy", "").strip()
    if request.method != "POST" or not reason:
        status = 400 if request.method == "POST" else 200
        context = {"b": found, "missing": request.method == "POST"}
        return render(request, "web/rollback.html", context, status=status)
    uploads.rollback(who, batch_id, reason)
    messages.success(request, _("Erä %(id)s peruttu.") % {"id": batch_id})
    return redirect("imports")


__all__ = ["batches", "confirm", "int_param", "rollback", "upload"]
