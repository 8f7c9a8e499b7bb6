"""Desk points: creating and editing them, weekly openings, mediators, sessions held or
cancelled."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from .. import rules
from ..models import (
    DeskOpening,
    DeskPoint,
    DeskSession,
    SessionStatus,
)
from .common import DESK_FIELDS, MEDIATOR_ROLES, _deny, _require_manage, published_services


def holders_for(actor):
    """The institutions a desk may be held by: the actor's own and those directly under it
    (as for the desks they see); any with VIEW_ALL_DESKS."""
    from masar.accounts.models import Institution

    if actor is None or has_perm(actor, Perm.VIEW_ALL_DESKS):
        return Institution.objects.all()
    if actor.institution_id is None:
        return Institution.objects.none()
    return Institution.objects.filter(
        Q(pk=actor.institution_id) | Q(parent_id=actor.institution_id)
    )


def _check_desk(desk, holder, services, actor):
    errors = desk.territory_errors()
    if not (desk.name_fr or "").strip():
        errors["name_fr"] = _("Give the desk a name in French.")
    if holder is None or not holders_for(actor).filter(pk=holder.pk).exists():
        errors["holder"] = _("A desk is held by your institution or one under it.")
    if (desk.latitude is None) != (desk.longitude is None):
        errors["latitude"] = _("Give both the latitude and the longitude, or neither.")
    elif desk.latitude is not None and not (
        30.0 <= desk.latitude <= 37.6 and 7.4 <= desk.longitude <= 11.7
    ):
        errors["latitude"] = _("These coordinates are not in Tunisia.")
    if services is not None:
        ids = [s.pk for s in services]
        if published_services().filter(pk__in=ids).count() != len(set(ids)):
            errors["services"] = _("Choose published services of the directory.")
    try:
        desk.full_clean(exclude=["holder", *errors])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_desk(*, actor, holder, services=(), **values) -> DeskPoint:
    if actor is not None and not has_perm(actor, Perm.MANAGE_DESKS):
        _deny()
    unknown = set(values) - set(DESK_FIELDS)
    if unknown:
        raise TypeError(f"not desk fields: {sorted(unknown)}")
    desk = DeskPoint(holder=holder, **values)
    if not desk.name:
        desk.name = desk.name_fr
    services = list(services)
    _check_desk(desk, holder, services, actor)
    desk.save()
    desk.services.set(services)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=desk,
        summary=f"desk {desk.code} created",
        changes={
            "holder": [None, holder.code],
            "services": [None, sorted(str(s.pk) for s in services)],
        },
    )
    return desk


@transaction.atomic
def update_desk(*, actor, desk, holder=None, services=None, **values) -> DeskPoint:
    _require_manage(actor, desk)
    unknown = set(values) - set(DESK_FIELDS)
    if unknown:
        raise TypeError(f"not desk fields: {sorted(unknown)}")
    fields = [f for f in DESK_FIELDS if f not in ("governorate", "delegation", "municipality")]
    fields += ["governorate_id", "delegation_id", "municipality_id", "holder_id"]
    before = snapshot(desk, fields)
    before_services = sorted(str(pk) for pk in desk.services.values_list("pk", flat=True))
    for name, value in values.items():
        setattr(desk, name, value)
    holder = holder or desk.holder
    desk.holder = holder
    services = list(services) if services is not None else None
    try:
        _check_desk(desk, holder, services, actor)
    except ValidationError:
        desk.refresh_from_db()
        raise
    desk.save()
    changes = diff(desk, before, fields)
    if services is not None:
        desk.services.set(services)
        after = sorted(str(s.pk) for s in services)
        if after != before_services:
            changes["services"] = [before_services, after]
    if changes:
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=desk,
            summary=f"desk {desk.code} changed",
            changes=changes,
        )
    return desk


@transaction.atomic
def add_opening(*, actor, desk, weekday: int, opens_at, closes_at) -> DeskOpening:
    _require_manage(actor, desk)
    opening = DeskOpening(desk=desk, weekday=weekday, opens_at=opens_at, closes_at=closes_at)
    if opens_at and closes_at and opens_at >= closes_at:
        raise ValidationError({"closes_at": _("The desk must close after it opens.")})
    opening.full_clean()
    if any(
        o.weekday == weekday and o.opens_at < closes_at and opens_at < o.closes_at
        for o in desk.openings.all()
    ):
        raise ValidationError(_("This span overlaps another opening on the same day."))
    opening.save()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=desk,
        summary=f"desk {desk.code}: opening added ({opening})",
        changes={"opening": [None, f"{weekday} {opens_at:%H:%M}-{closes_at:%H:%M}"]},
    )
    return opening


@transaction.atomic
def remove_opening(*, actor, opening) -> None:
    desk = opening.desk
    _require_manage(actor, desk)
    text = f"{opening.weekday} {opening.opens_at:%H:%M}-{opening.closes_at:%H:%M}"
    opening.delete()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=desk,
        summary=f"desk {desk.code}: opening removed",
        changes={"opening": [text, None]},
    )


def mediator_candidates(desk):
    """Users of the holder institution with the mediator or counsellor role."""
    from masar.accounts.models import User

    return (
        User.objects.filter(
            institution_id=desk.holder_id,
            is_active=True,
            role_assignments__role__in=MEDIATOR_ROLES,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@transaction.atomic
def set_mediators(*, actor, desk, mediators) -> DeskPoint:
    _require_manage(actor, desk)
    mediators = list(mediators)
    allowed = set(mediator_candidates(desk).values_list("pk", flat=True))
    if any(m.pk not in allowed for m in mediators):
        raise ValidationError(
            {
                "mediators": _(
                    "Mediators are staff of the institution holding the desk, with the "
                    "mediator or counsellor role."
                )
            }
        )
    before = sorted(desk.mediators.values_list("username", flat=True))
    desk.mediators.set(mediators)
    after = sorted(m.username for m in mediators)
    if before != after:
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=desk,
            summary=f"desk {desk.code}: mediators",
            changes={"mediators": [before, after]},
        )
    return desk


@transaction.atomic
def record_session(
    *,
    actor,
    desk,
    held_on,
    starts_at,
    ends_at,
    status: str = SessionStatus.HELD,
    mediators=(),
    note: str = "",
) -> DeskSession:
    """A session held (mediators present), or announced as cancelled (the portal's next
    opening then skips it). A held session cannot be in the future; a cancelled one is.
    The desk's mediators and recorders record sessions as well as its managers."""
    if actor is not None and not rules.can_record_session(actor, desk):
        _deny()
    errors = {}
    today = timezone.localdate()
    if status not in SessionStatus.values:
        errors["status"] = _("Choose held or cancelled.")
    elif status == SessionStatus.HELD and held_on > today:
        errors["held_on"] = _("A session cannot be recorded as held before its day.")
    elif status == SessionStatus.CANCELLED and held_on < today:
        errors["held_on"] = _("Announce a cancellation for today or a later day.")
    if starts_at and ends_at and starts_at >= ends_at:
        errors["ends_at"] = _("The session must end after it starts.")
    mediators = list(mediators)
    allowed = set(mediator_candidates(desk).values_list("pk", flat=True)) | set(
        desk.mediators.values_list("pk", flat=True)
    )
    if any(m.pk not in allowed for m in mediators):
        errors["mediators"] = _("Choose mediators of this desk.")
    if DeskSession.objects.filter(desk=desk, held_on=held_on, starts_at=starts_at).exists():
        errors["held_on"] = _("A session is already recorded at this desk on that day and time.")
    if errors:
        raise ValidationError(errors)
    session = DeskSession(
        desk=desk,
        held_on=held_on,
        starts_at=starts_at,
        ends_at=ends_at,
        status=status,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    session.full_clean(exclude=["recorded_by"])
    session.save()
    session.mediators.set(mediators)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=session,
        summary=f"desk {desk.code}: session {status} on {held_on:%Y-%m-%d}",
        changes={"status": [None, status], "mediators": [None, [m.username for m in mediators]]},
    )
    return session


def session_slots(desk, day: datetime.date):
    """The weekly openings of ``desk`` on ``day`` (to announce a cancellation)."""
    return [o for o in desk.openings.all() if o.weekday == day.weekday()]
