"""Outreach activities with the numbers reached (counts only)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from .. import rules
from ..models import (
    OutreachActivity,
    OutreachKind,
    Topic,
)
from .common import MAX_REACHED, _deny
from .desks import holders_for

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
