"""Writes on desks. Every write is an action: keyword-only, actor first, one transaction,
the audit event written inside it. ``actor=None`` is the system (demo data, imports)."""

import datetime
import secrets

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, Role, has_perm
from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from . import rules
from .models import (
    ContactStatus,
    ContactTopic,
    DeskContact,
    DeskOpening,
    DeskPoint,
    DeskSession,
    Orientation,
    OutreachActivity,
    OutreachKind,
    Reached,
    SessionStatus,
    Topic,
)

# Unambiguous characters for slip references (no 0/O, 1/I/L).
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
MAX_ORIENTATIONS = 10
MAX_REACHED = 100_000
# Who can be named a desk's mediator: the holder's staff with one of these roles.
MEDIATOR_ROLES = (Role.MEDIATOR, Role.COUNSELLOR)
DESK_FIELDS = (
    "code",
    "name_fr",
    "name_ar",
    "name_en",
    "address_fr",
    "address_ar",
    "address_en",
    "access_notes_fr",
    "access_notes_ar",
    "access_notes_en",
    "phone",
    "latitude",
    "longitude",
    "governorate",
    "delegation",
    "municipality",
    "is_public",
    "is_active",
)


def _deny():
    raise PermissionDenied(_("You are not allowed to do this."))


def _require_record(actor, desk):
    if actor is not None and not rules.can_record_at(actor, desk):
        _deny()


def _require_manage(actor, desk):
    if actor is not None and not rules.can_manage_desk(actor, desk):
        _deny()


def _reference(desk) -> str:
    prefix = "".join(ch for ch in desk.code.upper() if ch.isalnum())[:3] or "DSK"
    return f"{prefix}-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def is_country_code(code: str) -> bool:
    return bool(code) and pycountry.countries.get(alpha_2=code.upper()) is not None


def published_services():
    from masar.directory.models import Service

    return Service.objects.published()


def todays_session(desk, day=None):
    """The session held at the desk on ``day`` (today), if one was recorded."""
    day = day or timezone.localdate()
    return (
        DeskSession.objects.filter(desk=desk, held_on=day, status=SessionStatus.HELD)
        .order_by("starts_at")
        .first()
    )


def record_desk_contact(
    *,
    actor,
    desk,
    status: str,
    topics,
    services=(),
    sex: str = "unspecified",
    age_group: str = "unknown",
    nationality: str = "",
    contacted_on=None,
    session=None,
    idempotency_key: str | None = None,
) -> DeskContact:
    """Record an anonymous contact with its topics and orientations (published directory
    services). Without ``session``, the session held at the desk that day is linked.

    A second call with the same ``idempotency_key`` returns the first contact unchanged."""
    _require_record(actor, desk)
    if idempotency_key:
        existing = DeskContact.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    topics = list(dict.fromkeys(topics))
    services = list(dict.fromkeys(services))
    nationality = (nationality or "").strip().upper()
    today = timezone.localdate()
    errors = {}
    if status not in ContactStatus.values:
        errors["status"] = _("Choose the person's status.")
    if not topics:
        errors["topics"] = _("Choose at least one topic.")
    elif any(t not in Topic.values for t in topics):
        errors["topics"] = _("Unknown topic.")
    if len(services) > MAX_ORIENTATIONS:
        errors["services"] = _("At most %(n)d orientations per contact.") % {"n": MAX_ORIENTATIONS}
    elif services:
        published = set(
            published_services()
            .filter(pk__in=[s.pk for s in services])
            .values_list("pk", flat=True)
        )
        if any(s.pk not in published for s in services):
            errors["services"] = _("Orient only to published services of the directory.")
    if nationality and not is_country_code(nationality):
        errors["nationality"] = _("Choose a nationality from the list (a two-letter country code).")
    if contacted_on is not None and contacted_on > today:
        errors["contacted_on"] = _("The date of a contact cannot be in the future.")
    day = contacted_on or today
    if session is not None and (
        session.desk_id != desk.pk or session.status != SessionStatus.HELD or session.held_on != day
    ):
        errors["session"] = _("This session was not held at this desk on that day.")
    if errors:
        raise ValidationError(errors)
    if session is None:
        session = todays_session(desk, day)
    contact = DeskContact(
        desk=desk,
        session=session,
        status=status,
        sex=sex,
        age_group=age_group,
        nationality=nationality,
        recorded_by=actor,
        idempotency_key=idempotency_key or None,
        contacted_on=day,
    )
    contact.full_clean(exclude=["reference", "recorded_by", "idempotency_key"])
    try:
        with transaction.atomic():
            for _attempt in range(5):
                contact.reference = _reference(desk)
                if not DeskContact.objects.filter(reference=contact.reference).exists():
                    break
            contact.save()
            ContactTopic.objects.bulk_create(
                ContactTopic(contact=contact, topic=t, desk=desk, contacted_on=contact.contacted_on)
                for t in topics
            )
            Orientation.objects.bulk_create(
                Orientation(contact=contact, service=s) for s in services
            )
            record_event(
                actor=actor,
                action=AuditAction.CREATE,
                obj=contact,
                summary=f"desk contact {contact.reference} at {desk.code}",
                changes={
                    "status": status,
                    "topics": topics,
                    "orientations": [str(s.pk) for s in services],
                },
            )
    except IntegrityError:
        if idempotency_key:
            existing = DeskContact.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise
    return contact


@transaction.atomic
def mark_orientation_reached(*, actor, orientation, reached: str) -> Orientation:
    """Whether the oriented person reached the service (yes / no / not known yet)."""
    _require_record(actor, orientation.contact.desk)
    if reached not in Reached.values:
        raise ValidationError({"reached": _("Answer yes, no or not known yet.")})
    before = orientation.reached
    if before == reached:
        return orientation
    orientation.reached = reached
    orientation.reached_noted_at = timezone.now() if reached != Reached.UNKNOWN else None
    orientation.reached_noted_by = actor if reached != Reached.UNKNOWN else None
    orientation.save(update_fields=["reached", "reached_noted_at", "reached_noted_by"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=orientation,
        summary=f"orientation of {orientation.contact.reference}: reached {reached}",
        changes={"reached": [before, reached]},
    )
    return orientation


# Desks --------------------------------------------------------------------------------


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
    opening then skips it). A held session cannot be in the future; a cancelled one is."""
    _require_manage(actor, desk)
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


# Linking a contact to a named person ------------------------------------------------------


@transaction.atomic
def link_contact_person(
    *,
    actor,
    contact,
    first_name: str,
    last_name: str,
    phone: str = "",
    consent: bool,
    consent_language: str = "fr",
    text_version: str = "",
    open_reintegration_case: bool = False,
) -> DeskContact:
    """With the person's consent, register them (cases actions), record their consent to
    case management and, for a returnee, open a reintegration case in the actor's antenna.
    Only counsellors (cases.manage_cases) at a desk they record at."""
    from masar.cases import actions as cases

    _require_record(actor, contact.desk)
    if actor is not None and not has_perm(actor, Perm.MANAGE_CASES):
        _deny()
    errors = {}
    if contact.beneficiary_id:
        errors["__all__"] = _("This contact is already linked to a person.")
    if not consent:
        errors["consent"] = _(
            "A contact is linked to a named person only with their consent: read them the "
            "consent text and tick the box."
        )
    if open_reintegration_case and contact.status != ContactStatus.RETURNEE:
        errors["open_reintegration_case"] = _("A reintegration case is opened for returnees.")
    if errors:
        raise ValidationError(errors)
    beneficiary = cases.register_beneficiary(
        actor=actor, first_name=first_name, last_name=last_name, phone=phone
    )
    cases.record_consent(
        actor=actor,
        beneficiary=beneficiary,
        purposes={"case_management": True},
        text_version=text_version or f"tounesna-consent-{consent_language}-v1",
        language=consent_language,
    )
    case = None
    if open_reintegration_case:
        case = cases.open_case(actor=actor, beneficiary=beneficiary)
    contact.beneficiary = beneficiary
    contact.case = case
    contact.save(update_fields=["beneficiary", "case"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=contact,
        summary=f"desk contact {contact.reference} linked to a person",
        changes={
            "beneficiary": [None, str(beneficiary.pk)],
            "case": [None, str(case.pk) if case else None],
        },
    )
    return contact


# Outreach -------------------------------------------------------------------------------

OUTREACH_COUNTS = ("reached_women", "reached_men", "reached_unspecified", "reached_minors")


def _count(value, field, errors):
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        errors[field] = _("Enter a whole number.")
        return 0
    if number < 0:
        errors[field] = _("A number reached cannot be negative.")
    elif number > MAX_REACHED:
        errors[field] = _("This number is not plausible for one activity.")
    return number


def record_outreach(
    *,
    actor,
    holder,
    kind: str,
    title: str,
    held_on,
    desk=None,
    place: str = "",
    topics=(),
    governorate=None,
    delegation=None,
    municipality=None,
    reached_women=0,
    reached_men=0,
    reached_unspecified=0,
    reached_minors=0,
    idempotency_key: str | None = None,
) -> OutreachActivity:
    """Peer sessions in schools, themed events, performances, with counts reached only."""
    if actor is not None:
        if not has_perm(actor, Perm.RECORD_DESK_CONTACTS):
            _deny()
        if desk is not None and not rules.can_record_at(actor, desk):
            _deny()
        if desk is None and not holders_for(actor).filter(pk=holder.pk).exists():
            _deny()
    if idempotency_key:
        existing = OutreachActivity.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    errors = {}
    counts = {
        f: _count(v, f, errors)
        for f, v in zip(
            OUTREACH_COUNTS,
            (reached_women, reached_men, reached_unspecified, reached_minors),
            strict=True,
        )
    }
    if kind not in OutreachKind.values:
        errors["kind"] = _("Choose the kind of activity.")
    if not (title or "").strip():
        errors["title"] = _("Give the activity a title.")
    if held_on is None:
        errors["held_on"] = _("Give the date of the activity.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("Record an activity once it has taken place.")
    topics = list(dict.fromkeys(topics))
    if any(t not in Topic.values for t in topics):
        errors["topics"] = _("Unknown topic.")
    total = counts["reached_women"] + counts["reached_men"] + counts["reached_unspecified"]
    if "reached_minors" not in errors and counts["reached_minors"] > total:
        errors["reached_minors"] = _("Those under 18 cannot outnumber the people reached.")
    if not errors and total == 0:
        errors["reached_women"] = _("Give the number of people reached.")
    activity = OutreachActivity(
        holder=holder,
        desk=desk,
        kind=kind,
        title=(title or "").strip(),
        held_on=held_on,
        place=(place or "").strip(),
        topics=topics,
        governorate=governorate,
        delegation=delegation,
        municipality=municipality,
        recorded_by=actor,
        idempotency_key=idempotency_key or None,
        **counts,
    )
    if not errors:
        errors.update(activity.territory_errors())
    if errors:
        raise ValidationError(errors)
    activity.full_clean(exclude=["recorded_by", "idempotency_key"])
    try:
        with transaction.atomic():
            activity.save()
            record_event(
                actor=actor,
                action=AuditAction.CREATE,
                obj=activity,
                summary=f"outreach {kind} on {held_on:%Y-%m-%d}",
                changes={"kind": [None, kind], "reached": [None, total]},
            )
    except IntegrityError:
        if idempotency_key:
            existing = OutreachActivity.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise
    return activity
