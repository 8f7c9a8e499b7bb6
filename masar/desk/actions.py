"""Writes on desks. Every write is an action: keyword-only, actor first, one transaction,
the audit event written inside it."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from . import rules
from .models import ContactStatus, ContactTopic, DeskContact, Orientation, Topic

# Unambiguous characters for slip references (no 0/O, 1/I/L).
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
MAX_ORIENTATIONS = 10


def _reference(desk) -> str:
    prefix = "".join(ch for ch in desk.code.upper() if ch.isalnum())[:3] or "DSK"
    return f"{prefix}-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


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
    """Record an anonymous contact with its topics and orientations (directory services).

    A second call with the same ``idempotency_key`` returns the first contact unchanged."""
    if actor is not None and not rules.can_record_at(actor, desk):
        raise PermissionDenied(_("You are not allowed to do this."))
    if idempotency_key:
        existing = DeskContact.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    topics = list(dict.fromkeys(topics))
    services = list(dict.fromkeys(services))
    errors = {}
    if status not in ContactStatus.values:
        errors["status"] = _("Choose the person's status.")
    if not topics:
        errors["topics"] = _("Choose at least one topic.")
    elif any(t not in Topic.values for t in topics):
        errors["topics"] = _("Unknown topic.")
    if len(services) > MAX_ORIENTATIONS:
        errors["services"] = _("At most %(n)d orientations per contact.") % {"n": MAX_ORIENTATIONS}
    if errors:
        raise ValidationError(errors)
    contact = DeskContact(
        desk=desk,
        session=session,
        status=status,
        sex=sex,
        age_group=age_group,
        nationality=(nationality or "").upper(),
        recorded_by=actor,
        idempotency_key=idempotency_key or None,
    )
    if contacted_on is not None:
        contact.contacted_on = contacted_on
    contact.full_clean(exclude=["reference", "recorded_by"])
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
