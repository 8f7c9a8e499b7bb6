"""Writes on programmes: keyword-only, actor first, one transaction, audited inside it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import diff, record_event
from masar.audit.models import AuditAction

from ..models import Programme

EDITABLE_FIELDS = (
    "name_fr",
    "name_ar",
    "name_en",
    "funder",
    "starts_on",
    "ends_on",
    "envelope",
    "envelope_note_fr",
    "envelope_note_ar",
    "envelope_note_en",
    "quota",
    "rule_set",
    "is_active",
    "funders",
    "implementer",
    "budget",
    "budget_currency",
    "budget_note",
    "description_fr",
    "description_ar",
    "description_en",
)
# Set after the row is saved; audited as lists of codes.
RELATED_FIELDS = ("partners", "governorates", "municipalities")


def _split(values):
    unknown = set(values) - set(EDITABLE_FIELDS) - set(RELATED_FIELDS)
    if unknown:
        raise ValueError(f"not programme fields: {sorted(unknown)}")
    related = {f: list(values.pop(f)) for f in RELATED_FIELDS if f in values}
    return values, related


def _plain(value):
    return getattr(value, "code", value)


def _set_related(programme, related) -> dict:
    changes = {}
    for field, objects in related.items():
        manager = getattr(programme, field)
        before = sorted(o.code for o in manager.all())
        manager.set(objects)
        after = sorted(o.code for o in objects)
        if before != after:
            changes[field] = [before, after]
    return changes


def _require_manager(actor):
    if actor is not None and not has_perm(actor, Perm.MANAGE_PROGRAMMES):
        raise PermissionDenied(_("You are not allowed to do this."))


@transaction.atomic
def create_programme(*, actor, code, **values) -> Programme:
    _require_manager(actor)
    values, related = _split(values)
    programme = Programme(code=code, **values)
    programme.full_clean()
    programme.save()
    changes = {"envelope": [None, str(programme.envelope)], "quota": [None, programme.quota]}
    changes.update(_set_related(programme, related))
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=programme,
        summary=f"programme {code} created",
        changes=changes,
    )
    return programme


@transaction.atomic
def update_programme(*, actor, programme, **values) -> Programme:
    """Change a programme. The envelope and the quota cannot go below what is already
    approved (the row is locked, as approvals lock it)."""
    _require_manager(actor)
    values, related = _split(values)
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    before = {f: getattr(locked, f) for f in values}
    for field, value in values.items():
        setattr(locked, field, value)
    locked.full_clean()
    usage = Programme.objects.with_usage().get(pk=locked.pk)
    errors = {}
    if locked.envelope < usage.approved_total:
        errors["envelope"] = _(
            "The envelope cannot be less than the aid already approved (%(total)s TND)."
        ) % {"total": usage.approved_total}
    if locked.quota is not None and locked.quota < usage.approved_people:
        errors["quota"] = _(
            "The quota cannot be less than the number of people already granted aid (%(n)s)."
        ) % {"n": usage.approved_people}
    if errors:
        raise ValidationError(errors)
    locked.save()
    changes = {
        f: [_plain(old), _plain(new)] for f, (old, new) in diff(locked, before, values).items()
    }
    changes.update(_set_related(locked, related))
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        summary=f"programme {locked.code} changed",
        changes=changes,
    )
    programme.refresh_from_db()
    return locked
