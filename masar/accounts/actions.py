"""Writes on institutions and accounts. Each is one transaction that audits itself."""

import binascii
import time
from binascii import unhexlify

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from .models import Institution, RoleAssignment, User
from .policy import Perm, assignable_roles, can_manage_user, has_perm

INSTITUTION_FIELDS = (
    "code",
    "name_fr",
    "name_ar",
    "name_en",
    "acronym",
    "kind",
    "parent",
    "municipality",
    "email",
    "phone",
    "is_active",
)
USER_FIELDS = ("first_name", "last_name", "email", "phone", "preferred_language", "is_active")


def _require(actor, perm):
    if actor is not None and not has_perm(actor, perm):
        raise PermissionDenied(_("You are not allowed to do this."))


def create_institution(
    *,
    actor,
    code: str,
    name_fr: str,
    kind: str,
    name_ar: str = "",
    name_en: str = "",
    acronym: str = "",
    parent=None,
    municipality=None,
    governorates=(),
    email: str = "",
    phone: str = "",
) -> Institution:
    """``actor=None`` is the system itself (setup, demo data)."""
    _require(actor, Perm.MANAGE_INSTITUTIONS)
    with transaction.atomic():
        institution = Institution(
            code=code,
            name_fr=name_fr,
            name_ar=name_ar,
            name_en=name_en or name_fr,
            acronym=acronym,
            kind=kind,
            parent=parent,
            municipality=municipality,
            email=email,
            phone=phone,
        )
        institution.full_clean()
        institution.save()
        institution.governorates.set(governorates)
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=institution,
            changes=snapshot(institution, INSTITUTION_FIELDS),
            summary=f"institution {institution.code}",
        )
        return institution


def update_institution(
    *, actor, institution: Institution, governorates=None, **values
) -> Institution:
    _require(actor, Perm.MANAGE_INSTITUTIONS)
    unknown = set(values) - set(INSTITUTION_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        institution = Institution.objects.select_for_update().get(pk=institution.pk)
        before = snapshot(institution, INSTITUTION_FIELDS)
        for name, value in values.items():
            setattr(institution, name, value)
        institution.full_clean()
        institution.save()
        changes = diff(institution, before, INSTITUTION_FIELDS)
        if governorates is not None:
            old = sorted(institution.governorates.values_list("code", flat=True))
            institution.governorates.set(governorates)
            new = sorted(g.code for g in governorates)
            if old != new:
                changes["governorates"] = [old, new]
        if changes:
            record_event(
                actor=actor,
                action=AuditAction.UPDATE,
                obj=institution,
                changes=changes,
                summary=f"institution {institution.code}",
            )
        return institution


def create_user(
    *,
    actor,
    institution: Institution,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    phone: str = "",
    roles=(),
    password: str | None = None,
    validate: bool = True,
    preferred_language: str = "",
) -> User:
    """Create an account inside an institution.

    An institution administrator can create users only inside their own institution, and
    cannot make system administrators. ``password=None`` leaves the account without a usable
    password: the person sets one through the reset link. ``validate=False`` is for the demo
    data only (its shared password is shorter than the rules require).
    """
    if actor is not None:
        if not (
            has_perm(actor, Perm.MANAGE_ALL_USERS)
            or (has_perm(actor, Perm.MANAGE_USERS) and institution.pk == actor.institution_id)
        ):
            raise PermissionDenied(_("You can only create users in your own institution."))
        allowed = set(assignable_roles(actor))
        if not set(roles) <= allowed:
            raise PermissionDenied(_("You are not allowed to give these roles."))
    with transaction.atomic():
        user = User(
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            institution=institution,
            preferred_language=preferred_language,
        )
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError({"username": _("This username is already taken.")})
        user.full_clean(exclude=["password"])
        if password:
            if validate:
                validate_password(password, user)
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        for role in roles:
            RoleAssignment.objects.create(user=user, role=role)
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=user,
            changes={**snapshot(user, USER_FIELDS), "roles": sorted(roles)},
            summary=f"user {user.pk}",
        )
        return user


def update_user(*, actor, user: User, roles=None, **values) -> User:
    unknown = set(values) - set(USER_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if actor is not None and not can_manage_account(actor, user):
        raise PermissionDenied(_("You can only manage users of your own institution."))
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        before = snapshot(user, USER_FIELDS)
        for name, value in values.items():
            setattr(user, name, value)
        user.full_clean(exclude=["password"])
        user.save()
        changes = diff(user, before, USER_FIELDS)
        if roles is not None:
            changes.update(_set_roles(actor, user, roles))
        if changes:
            record_event(
                actor=actor,
                action=AuditAction.UPDATE,
                obj=user,
                changes=changes,
                summary=f"user {user.pk}",
            )
        if before["is_active"] and not user.is_active:
            end_sessions(user)
        return user


def _set_roles(actor, user: User, roles) -> dict:
    old = sorted(user.role_names)
    new = sorted(set(roles))
    if old == new:
        return {}
    if actor is not None:
        allowed = set(assignable_roles(actor))
        if not (set(old) ^ set(new)) <= allowed:
            raise PermissionDenied(_("You are not allowed to give or remove these roles."))
    RoleAssignment.objects.filter(user=user).exclude(role__in=new).delete()
    for role in set(new) - set(old):
        RoleAssignment.objects.create(user=user, role=role)
    user._role_names = None
    user._masar_perms = None
    return {"roles": [old, new]}


def set_user_password(*, actor, user: User, password: str) -> User:
    """The person sets their own password (change or reset link). The form has already run
    the password validators; other sessions end because the session hash changes."""
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied(_("Only the account holder sets their password."))
    with transaction.atomic():
        validate_password(password, user)
        user.set_password(password)
        user.save(update_fields=["password"])
        record_event(
            actor=user,
            action=AuditAction.UPDATE,
            obj=user,
            changes={"password": ["", ""]},
            summary=f"user {user.pk} password set",
        )
        return user


def can_manage_account(actor, target) -> bool:
    """Kept as the name views use; the decision is the policy's."""
    return can_manage_user(actor, target)


def deactivate_user(*, actor, user: User) -> User:
    """Deactivation ends every session of the account at once."""
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    return update_user(actor=actor, user=user, is_active=False)


def end_sessions(user: User) -> int:
    """Delete every stored session that belongs to the user."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


# --- Two-factor authentication (TOTP) -------------------------------------------------------


def _totp_matches(key: str, token: str) -> tuple[int, int] | None:
    """``(time step, drift)`` at which ``token`` matches the hex ``key`` (±1 step), or None."""
    from django_otp.oath import TOTP

    try:
        totp = TOTP(unhexlify(key.encode()), step=30, t0=0, digits=6)
        code = int(token)
    except (ValueError, TypeError, binascii.Error):
        return None
    totp.time = time.time()
    return (totp.t(), totp.drift) if totp.verify(code, tolerance=1) else None


def enrol_totp_device(*, actor: User, key: str, token: str, name: str = "") -> TOTPDevice | None:
    """Confirm a new authenticator app for ``actor`` from the secret they were shown and a
    code it produced. On success the new device replaces the user's earlier devices (the
    view allows this only before any device is confirmed or once the session is verified)."""
    match = _totp_matches(key, token)
    with transaction.atomic():
        if match is None:
            record_event(
                actor=actor,
                action=AuditAction.OTP_FAILED,
                obj=actor,
                summary="enrolment code refused",
            )
            return None
        TOTPDevice.objects.filter(user=actor).delete()
        device = TOTPDevice.objects.create(
            user=actor,
            name=(name or "authenticator")[:64],
            key=key,
            confirmed=True,
            last_t=match[0],
            drift=match[1],
        )
        record_event(
            actor=actor, action=AuditAction.OTP_ENROLLED, obj=actor, summary="TOTP device confirmed"
        )
        return device


def verify_second_factor(*, actor: User, token: str) -> tuple[TOTPDevice | None, bool]:
    """Check a code against the user's confirmed devices, with django-otp's throttling
    (each failure doubles the wait before the next try). Returns ``(device, throttled)``;
    a refusal is audited."""
    with transaction.atomic():
        devices = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=True)
        throttled = False
        for device in devices:
            allowed, _info = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(token):
                return device, False
        record_event(
            actor=actor,
            action=AuditAction.OTP_FAILED,
            obj=actor,
            summary="throttled" if throttled else "code refused",
        )
        return None, throttled


def reset_two_factor(*, actor, user: User) -> int:
    """Remove a user's authenticator devices (lost phone): they enrol again at next login.
    Their open sessions end, so no half-verified session survives."""
    if actor is not None and not can_manage_account(actor, user):
        raise PermissionDenied(_("You can only manage users of your own institution."))
    with transaction.atomic():
        removed, _detail = TOTPDevice.objects.filter(user=user).delete()
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=user,
            changes={"two_factor": ["enrolled", "reset"]},
            summary=f"user {user.pk} two-factor reset",
        )
        end_sessions(user)
        return removed
