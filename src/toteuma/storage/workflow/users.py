"""Users with a role and assigned units, on Django's own user table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from toteuma.core.messages import language
from toteuma.storage.workflow.audit import record
from toteuma.storage.workflow.models import Profile, Role
from toteuma.storage.workflow.types import UserInfo, WorkflowError

ROLES = tuple(role.value for role in Role)


def _info(user_id: int, name: str, profile: Profile | None) -> UserInfo:
    if profile is None:
        return UserInfo(user_id, name, Role.READER.value, ())
    return UserInfo(user_id, name, profile.role, tuple(profile.units))


def add_user(
    name: str, role: str, password: str, units: Iterable[str] = (), *, by: str = "", replace: bool = False
) -> UserInfo:
    """Create a user (or, with `replace`, reset an existing one) with a role and assigned unit codes."""
    if role not in ROLES:
        raise WorkflowError("storage.workflow.unknown_role", role=role, roles=ROLES)
    model = get_user_model()
    codes = sorted(set(units))
    with transaction.atomic():
        user = model.objects.filter(username=name).first()
        if user is not None and not replace:
            raise WorkflowError("storage.workflow.user_exists", name=name)
        if user is None:
            user = model(username=name)
        user.set_password(password)
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.save()
        Profile.objects.update_or_create(user=user, defaults={"role": role, "units": codes})
        record(by or name, "user.add", f"user:{name}", None, {"role": role, "units": codes})
    return UserInfo(user.pk, name, role, tuple(codes))


def user_info(user_id: int) -> UserInfo | None:
    """The user with their role and units, in one query (a user without a profile reads)."""
    user = get_user_model().objects.filter(pk=user_id).select_related("toteuma").first()
    if user is None:
        return None
    return _info(user.pk, user.get_username(), getattr(user, "toteuma", None))


def user_names() -> list[str]:
    return list(get_user_model().objects.order_by("username").values_list("username", flat=True))


def password_problems(name: str, password: str) -> list[str]:
    """What the password rules (settings.AUTH_PASSWORD_VALIDATORS) say against it; empty if it passes.

    In the language the messages are given in (Django's own translations of its validators).
    """
    with translation.override(language()):
        try:
            validate_password(password, get_user_model()(username=name))
        except ValidationError as exc:
            return [str(message) for message in exc.messages]
    return []


def _existing(name: str) -> Any:
    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise WorkflowError("security.no_user", name=name)
    return user


def remove_user(name: str, *, by: str) -> None:
    """Delete the user, their role and (with them) their sessions' access; the audit log keeps who did it."""
    with transaction.atomic():
        user = _existing(name)
        profile = Profile.objects.filter(user=user).first()
        before = {"role": profile.role, "units": profile.units} if profile else None
        get_user_model().objects.filter(username=name).delete()
        record(by, "user.remove", f"user:{name}", before, None)


def set_role(name: str, role: str, units: Iterable[str] | None, *, by: str) -> UserInfo:
    """Change the user's role (and, when given, the units they answer for)."""
    if role not in ROLES:
        raise WorkflowError("storage.workflow.unknown_role", role=role, roles=ROLES)
    with transaction.atomic():
        user = _existing(name)
        profile, _ = Profile.objects.get_or_create(user=user)
        before = {"role": profile.role, "units": list(profile.units)}
        profile.role = role
        if units is not None:
            profile.units = sorted(set(units))
        profile.save()
        get_user_model().objects.filter(pk=user.pk).update(
            is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN
        )
        record(by, "user.role", f"user:{name}", before, {"role": role, "units": list(profile.units)})
        return UserInfo(user.pk, name, role, tuple(profile.units))


def set_password(name: str, password: str, *, by: str) -> None:
    """A new password; the user's other sessions end (Django checks the password hash in each session)."""
    with transaction.atomic():
        user = _existing(name)
        user.set_password(password)
        user.save()
        record(by, "user.password", f"user:{name}", None, None)  # never the password itself


def all_users() -> list[UserInfo]:
    """Every user with role and units, by name."""
    profiles = {profile.user_id: profile for profile in Profile.objects.all()}
    rows = get_user_model().objects.order_by("username")
    return [_info(user.pk, user.get_username(), profiles.get(user.pk)) for user in rows]


def unlock(name: str, *, by: str) -> int:
    """Forget the failed sign-ins of the user name (django-axes); how many lockout records went."""
    from axes.utils import reset

    removed = int(reset(username=name) or 0)
    record(by, "user.unlock", f"user:{name}", None, {"records": removed})
    return removed
