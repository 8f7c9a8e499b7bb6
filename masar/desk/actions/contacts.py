"""Contacts: recording one (anonymous, with topics and orientations) and whether the
oriented person reached the service."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from ..models import (
    ContactStatus,
    ContactTopic,
    DeskContact,
    Orientation,
    Reached,
    SessionStatus,
    Topic,
)
from .common import (
    MAX_ORIENTATIONS,
    _reference,
    _require_record,
    is_country_code,
    published_services,
    todays_session,
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
