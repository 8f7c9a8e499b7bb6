"""Writes on institutions and accounts. Each is one transaction that audits itself."""

from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from .models import Institution, RoleAssignment, User
from .policy import Perm, assignable_roles, can_manage_user, has_perm

INSTITUTION_FIELDS = ("code", "name_fr", "name_ar", "name_en", "acronym", "kind", "parent",
                      "municipality", "email", "phone", "is_active")
USER_FIELDS = ("first_name", "last_name", "email", "phone", "preferred_language", "is_active")


def _require(actor, perm):
    if actor is not None and not has_perm(actor, perm):
        raise PermissionDenied(_("You are not allowed to do this."))


def create_institution(*, actor, code: str, name_fr: str, kind: str, name_ar: str = "",
                       name_en: str = "", acronym: str = "", parent=None, municipality=None,
                       governorates=(), email: str = "", phone: str = "") -> Institution:
    """``actor=None`` is the system itself (setup, demo data)."""
    _require(actor, Perm.MANAGE_INSTITUTIONS)
    with transaction.atomic():
        institution = Institution(
            code=code, name_fr=name_fr, name_ar=name_ar, name_en=name_en or name_fr,
            acronym=acronym, kind=kind, parent=parent, municipality=municipality,
            email=email, phone=phone,
        )
        institution.full_clean()
        institution.save()
        institution.governorates.set(governorates)
        record_event(actor=actor, action=AuditAction.CREATE, obj=institution,
                     changes=snapshot(institution, INSTITUTION_FIELDS),
                     summary=f"institution {institution.code}")
        return institution


def update_institution(*, actor, institution: Institution, governorates=None,
                       **values) -> Institution:
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
            record_event(actor=actor, action=AuditAction.UPDATE, obj=institution,
                         changes=changes, summary=f"institution {institution.code}")
        return institution


def create_user(*, actor, institution: Institution, username: str, email: str = "",
                first_name: str = "", last_name: str = "", phone: str = "",
                roles=(), password: str | None = None, validate: bool = True) -> User:
    """Create an account inside an institution.

    An institution administrator can create users only inside their own institution, and
    cannot make system administrators. ``password=None`` leaves the account without a usable
    password: the person sets one through the reset link. ``validate=False`` is for the demo
    data only (its shared password is shorter than the rules require).
    """
    if actor is not None:
        if not (has_perm(actor, Perm.MANAGE_ALL_USERS) or (
            has_perm(actor, Perm.MANAGE_USERS) and institution.pk == actor.institution_id
        )):
            raise PermissionDenied(_("You can only create users in your own institution."))
        allowed = set(assignable_roles(actor))
        if not set(roles) <= allowed:
            raise PermissionDenied(_("You are not allowed to give these roles."))
    with transaction.atomic():
        user = User(username=username, email=email, first_name=first_name,
                    last_name=last_name, phone=phone, institution=institution)
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
        record_event(actor=actor, action=AuditAction.CREATE, obj=user,
                     changes={**snapshot(user, USER_FIELDS), "roles": sorted(roles)},
                     summary=f"user {user.pk}")
        return user


def update_user(*, actor, user: User, roles=None, **values) -> User:
    unknown = set(values) - set(USER_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if actor is not None and not can_manage_user(actor, user):
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
            record_event(actor=actor, action=AuditAction.UPDATE, obj=user, changes=changes,
                         summary=f"user {user.pk}")
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


def deactivate_user(*, actor, user: User) -> User:
    """Deactivation ends every session of the account at once."""
    return update_user(actor=actor, user=user, is_active=False)


def end_sessions(user: User) -> int:
    """Delete every stored session that belongs to the user."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended
