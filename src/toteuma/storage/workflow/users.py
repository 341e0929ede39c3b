"""Users with a role and assigned units, on Django's own user table."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction

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
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None
    return _info(user.pk, user.get_username(), Profile.objects.filter(user_id=user_id).first())


def user_names() -> list[str]:
    return list(get_user_model().objects.order_by("username").values_list("username", flat=True))
