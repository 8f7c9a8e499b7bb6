"""Writes on a person's data rights: name keys for duplicate search, merges, emergency
processing without consent, subject access and erasure. Each is keyword-only, one
transaction, audited inside it — the audit trail keeps the fact and the field names, never
the values."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.core.classification import DataClass, field_class

from ..models import (
    Attachment,
    Beneficiary,
    Case,
    CaseEventKind,
    CaseNameToken,
    Consent,
    ConsentPurpose,
    EmergencyProcessing,
    EmergencyStatus,
    ErasureMode,
    ErasureRecord,
    MergeRecord,
    NameKey,
)
from ..rules import duplicates
from ..rules import rights as rules
from ..search import index_person
from .common import Summary, deny, require_manager, timeline

# Fields of the person never copied from one record to the other on a merge.
_BOOKKEEPING = frozenset({"id", "institution", "created_by", "created_at"})
ERASED_TEXT = "—"


def refresh_name_keys(beneficiary) -> None:
    """Rebuild the person's duplicate-search keys (derived data: not audited)."""
    NameKey.objects.filter(beneficiary=beneficiary).delete()
    keys = duplicates.keys_of(
        beneficiary.first_name,
        beneficiary.last_name,
        beneficiary.first_name_ar,
        beneficiary.last_name_ar,
    )
    NameKey.objects.bulk_create(
        NameKey(beneficiary=beneficiary, key=key, birth_date=beneficiary.birth_date)
        for key in sorted(keys)
    )


def _require(actor, perm, *beneficiaries):
    if actor is None:
        return
    if not has_perm(actor, perm):
        deny()
    visible = Beneficiary.objects.visible_to(actor)
    for beneficiary in beneficiaries:
        if not visible.filter(pk=beneficiary.pk).exists():
            deny()


def _value(value):
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, models.Model):
        return str(value.pk)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a file
        return value.name or ""
    return str(value)


def row_values(obj) -> dict:
    """Every concrete field of a row, JSON-ready (foreign keys as identifiers)."""
    out = {}
    for f in obj._meta.concrete_fields:
        out[f.name] = _value(getattr(obj, f.attname if f.is_relation else f.name))
    return out


def _empty(value) -> bool:
    return value is None or value == ""


def _relations(model):
    """Every relation pointing at ``model``, hidden ones included (``related_name="+"``,
    automatic many-to-many tables): (related model, name of its foreign key, one-to-one?)."""
    for rel in model._meta.get_fields(include_hidden=True):
        if rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one):
            yield rel.related_model, rel.field.name, rel.one_to_one


def _move(related, fk, kept, merged, one_to_one):
    """Point the rows of ``related`` from ``merged`` to ``kept``. Returns (moved, clashes).
    One-to-one clash: the kept record's row stays, its empty fields are filled from the other
    one, which is then deleted (its values are kept in the merge record). A row that a
    unique constraint stops from moving is kept in the merge record, then deleted."""
    manager = related._base_manager
    rows = manager.filter(**{fk: merged})
    if one_to_one:
        theirs = rows.first()
        if theirs is None:
            return 0, []
        ours = manager.filter(**{fk: kept}).first()
        if ours is None:
            rows.update(**{fk: kept})
            return 1, []
        for f in related._meta.concrete_fields:
            if f.primary_key or f.name == fk:
                continue
            if _empty(getattr(ours, f.attname)) and not _empty(getattr(theirs, f.attname)):
                setattr(ours, f.attname, getattr(theirs, f.attname))
        clash = {"model": related._meta.label, "values": row_values(theirs)}
        theirs.delete()
        ours.save()
        return 0, [clash]
    try:
        with transaction.atomic():
            return rows.update(**{fk: kept}), []
    except IntegrityError:
        pass
    moved, clashes = 0, []
    for row in list(rows):
        try:
            with transaction.atomic():
                manager.filter(pk=row.pk).update(**{fk: kept})
                moved += 1
        except IntegrityError:
            clashes.append({"model": related._meta.label, "values": row_values(row)})
            row.delete()
    return moved, clashes


@transaction.atomic
def merge_beneficiaries(*, actor, kept, merged, reason="") -> MergeRecord:
    """Make two records of one person one. Everything pointing at ``merged`` — consents,
    cases, attachments and every other record any part of Masar hangs on a person — is
    moved to ``kept``; empty fields of ``kept`` are filled from ``merged``, whose values are
    kept whole in a MergeRecord; then ``merged`` is deleted.

    Rule for open cases: a person has one open case at most, so two records that both have
    an open case cannot be merged — close one of the two cases first (a supervisor decides
    which one continues)."""
    _require(actor, Perm.MERGE_BENEFICIARIES, kept, merged)
    if kept.pk == merged.pk:
        raise ValidationError(_("Choose two different records."), code="same_record")
    locked = {
        b.pk: b
        for b in Beneficiary.objects.select_for_update()
        .filter(pk__in=[kept.pk, merged.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise ValidationError(_("One of the two records no longer exists."), code="gone")
    kept, merged = locked[kept.pk], locked[merged.pk]
    if kept.erasures.exists() or merged.erasures.exists():
        raise ValidationError(_("An erased record cannot be merged."), code="erased")
    if kept.cases.open().exists() and merged.cases.open().exists():
        raise ValidationError(
            _("Both records have an open case: close one of the two cases first."),
            code="two_open_cases",
        )
    snapshot = row_values(merged)
    filled = []
    for f in Beneficiary._meta.concrete_fields:
        if f.name in _BOOKKEEPING:
            continue
        if _empty(getattr(kept, f.attname)) and not _empty(getattr(merged, f.attname)):
            setattr(kept, f.attname, getattr(merged, f.attname))
            filled.append(f.name)
    moved, clashes = {}, []
    for related, fk, one_to_one in _relations(Beneficiary):
        if getattr(related, "DERIVED", False):
            continue
        count, clash = _move(related, fk, kept, merged, one_to_one)
        if count:
            label = related._meta.label
            moved[label] = moved.get(label, 0) + count
        clashes += clash
    Beneficiary.objects.filter(pk=merged.pk).delete()
    kept.save()
    refresh_name_keys(kept)
    record = MergeRecord.objects.create(
        kept=kept,
        merged_id=merged.pk,
        snapshot=snapshot,
        filled=filled,
        moved=moved,
        clashes=clashes,
        reason=(reason or "").strip(),
        merged_by=actor,
    )
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=kept,
        summary="beneficiary merged",
        changes={"merged_id": str(merged.pk), "filled": filled, "moved": moved},
    )
    record_event(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="cases.beneficiary",
        object_id=str(merged.pk),
        summary=f"beneficiary merged into {kept.pk}",
    )
    index_person(kept)  # the moved cases are found under the kept record's names
    timeline(
        cases=list(kept.cases.all()),
        actor=actor,
        kind=CaseEventKind.MERGED,
        summary=Summary(
            gettext_noop("Two records of the person merged; %(n)s fields filled from the other")
        )
        % {"n": len(filled)},
    )
    return record


# --- Emergency processing without consent ---------------------------------------------------


@transaction.atomic
def request_emergency(
    *, actor, beneficiary, reason, days=rules.EMERGENCY_DEFAULT_DAYS
) -> EmergencyProcessing:
    """Ask to proceed without the person's consent, for a written reason; a second person
    (``cases.approve_emergency``) decides."""
    require_manager(actor, beneficiary=beneficiary)
    reason = " ".join((reason or "").split())
    errors = {}
    if len(reason) < 20:
        errors["reason"] = _("Explain the emergency in a sentence or more (20 characters).")
    if not isinstance(days, int) or not 1 <= days <= rules.EMERGENCY_MAX_DAYS:
        errors["days"] = _("Ask for 1 to %(max)s days.") % {"max": rules.EMERGENCY_MAX_DAYS}
    if errors:
        raise ValidationError(errors)
    Beneficiary.objects.select_for_update().filter(pk=beneficiary.pk).first()
    if (
        Consent.objects.active()
        .filter(beneficiary=beneficiary, purpose=ConsentPurpose.CASE_MANAGEMENT)
        .exists()
    ):
        raise ValidationError(
            _("The person's consent to case management is active: no emergency is needed."),
            code="consent_active",
        )
    if rules.active_emergency(beneficiary) is not None:
        raise ValidationError(
            _("Processing without consent is already approved for this person."),
            code="already_approved",
        )
    if beneficiary.emergencies.filter(status=EmergencyStatus.REQUESTED).exists():
        raise ValidationError(
            _("A request is already awaiting approval for this person."), code="pending"
        )
    emergency = EmergencyProcessing.objects.create(
        beneficiary=beneficiary, reason=reason, days=days, requested_by=actor
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=emergency,
        summary="emergency processing requested",
        changes={"beneficiary": [None, str(beneficiary.pk)], "days": [None, days]},
    )
    timeline(
        cases=list(beneficiary.cases.open()),
        actor=actor,
        kind=CaseEventKind.EMERGENCY_REQUESTED,
        summary=Summary(gettext_noop("Processing without consent requested for %(days)s days"))
        % {"days": days},
    )
    return emergency


@transaction.atomic
def decide_emergency(*, actor, emergency, approve: bool, note="") -> EmergencyProcessing:
    """Approve (for the days requested, from now) or refuse. The decider must hold
    ``cases.approve_emergency`` and be another person than the requester."""
    _require(actor, Perm.APPROVE_EMERGENCY, emergency.beneficiary)
    emergency = EmergencyProcessing.objects.select_for_update().get(pk=emergency.pk)
    if emergency.status != EmergencyStatus.REQUESTED:
        raise ValidationError(_("This request was already decided."), code="decided")
    if actor is not None and emergency.requested_by_id == actor.pk:
        raise ValidationError(
            _("A second person must decide: you made this request."), code="same_person"
        )
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError({"note": _("Say why the request is refused.")}, code="no_note")
    now = timezone.now()
    emergency.status = EmergencyStatus.APPROVED if approve else EmergencyStatus.REFUSED
    emergency.decided_by = actor
    emergency.decided_at = now
    emergency.decision_note = note
    emergency.valid_until = now + timedelta(days=emergency.days) if approve else None
    emergency.save()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=emergency,
        summary=f"emergency processing {emergency.status}",
        changes={"status": [EmergencyStatus.REQUESTED, emergency.status]},
    )
    timeline(
        cases=list(emergency.beneficiary.cases.open()),
        actor=actor,
        kind=CaseEventKind.EMERGENCY_DECIDED,
        summary=(
            Summary(gettext_noop("Processing without consent approved until %(date)s"))
            % {"date": timezone.localtime(emergency.valid_until).date().isoformat()}
            if approve
            else Summary(gettext_noop("Processing without consent refused"))
        ),
    )
    return emergency


# --- Subject access -------------------------------------------------------------------------


@transaction.atomic
def record_subject_access(*, actor, beneficiary, fmt: str) -> None:
    """Audit an export of the person's record made for them (the export itself is a read:
    ``masar.cases.subject_access``)."""
    _require(actor, Perm.VIEW_CASES, beneficiary)
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=beneficiary,
        summary=f"subject access export ({fmt})",
    )
    timeline(
        cases=list(beneficiary.cases.all()),
        actor=actor,
        kind=CaseEventKind.SUBJECT_ACCESS,
        summary=Summary(gettext_noop("The person's record was exported for them (%(format)s)"))
        % {"format": fmt},
    )


# --- Erasure --------------------------------------------------------------------------------


def _cleared_value(f, cleared_classes):
    """The value that replaces field ``f``'s, or ``...`` when it is not cleared."""
    if f.primary_key or f.is_relation or field_class(f.model, f.name) not in cleared_classes:
        return ...
    if isinstance(f, models.FileField):
        return ...
    if isinstance(f, models.JSONField):
        return f.get_default() if f.has_default() else None
    if isinstance(f, models.TextField):
        return ERASED_TEXT
    if isinstance(f, models.CharField):
        if f.null:
            return None
        return "" if f.blank else ERASED_TEXT
    if isinstance(f, models.BooleanField):
        return None if f.null else False
    if f.null:
        return None
    return ...


def _clear_rows(queryset, cleared_classes) -> list[str]:
    model = queryset.model
    values = {}
    for f in model._meta.concrete_fields:
        value = _cleared_value(f, cleared_classes)
        if value is not ...:
            values[f.name] = value
    if not values or not queryset.exists():
        return []
    queryset.update(**values)
    return [f"{model._meta.label}.{name}" for name in sorted(values)]


def _person_rows(beneficiary):
    """Querysets of every row hanging on the person, directly or through one of their
    cases (the models other parts of Masar add included)."""
    for related, fk, _one in _relations(Beneficiary):
        if related in (ErasureRecord, NameKey, Attachment, Beneficiary):
            continue
        yield related._base_manager.filter(**{fk: beneficiary})
    cases = Case.objects.filter(beneficiary=beneficiary)
    for related, fk, _one in _relations(Case):
        if related in (Attachment, CaseNameToken):  # the name index is deleted, not blanked
            continue
        yield related._base_manager.filter(**{f"{fk}__in": cases})


@transaction.atomic
def erase_beneficiary(*, actor, beneficiary, request_reference) -> ErasureRecord:
    """Erase the person's personal data at their request. Where a retention rule holds
    (``rules.rights.RETENTION_RULES``) the record is anonymised instead: the financial
    records the rule protects (and the invoices, quotes and contracts attached) are kept,
    without the identity. Either way identity and contact are blanked, free texts cleared,
    attachment files deleted; dates, statuses, amounts of aggregates and the case history
    remain, pointing at nobody."""
    _require(actor, Perm.ERASE_PERSONAL_DATA, beneficiary)
    request_reference = (request_reference or "").strip()
    if not request_reference:
        raise ValidationError(
            {"request_reference": _("Give the reference of the person's request.")}
        )
    beneficiary = Beneficiary.objects.select_for_update().get(pk=beneficiary.pk)
    blockers = rules.erasure_blockers(beneficiary)
    if blockers:
        raise ValidationError(blockers, code="blocked")
    holding = rules.retention_holds(beneficiary)
    mode = ErasureMode.ANONYMISED if holding else ErasureMode.ERASED
    classes = rules.CLEARED_CLASSES | (set() if holding else {DataClass.FINANCIAL})
    fields = []
    # The person's own row: everything personal except what statistics count.
    for f in Beneficiary._meta.concrete_fields:
        if f.name in rules.KEPT_FOR_STATISTICS:
            continue
        value = _cleared_value(f, classes)
        if f.name in ("delegation", "municipality"):
            value = None
        if value is ...:
            continue
        setattr(beneficiary, f.attname if f.is_relation else f.name, value)
        fields.append(f"cases.Beneficiary.{f.name}")
    beneficiary.first_name, beneficiary.last_name = "", ERASED_TEXT
    beneficiary.save()
    NameKey.objects.filter(beneficiary=beneficiary).delete()
    CaseNameToken.objects.filter(case__beneficiary=beneficiary).delete()
    for queryset in _person_rows(beneficiary):
        fields += _clear_rows(queryset, classes)
    # Attachments: deleted with their files, except the financial documents a retention
    # rule keeps.
    attachments = Attachment.objects.filter(beneficiary=beneficiary)
    if holding:
        kept = attachments.filter(kind__in=rules.RETAINED_ATTACHMENT_KINDS)
        kept.update(original_name=ERASED_TEXT)
        attachments = attachments.exclude(kind__in=rules.RETAINED_ATTACHMENT_KINDS)
    files = [a.file.name for a in attachments if a.file]
    storage = Attachment._meta.get_field("file").storage
    attachments.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    record = ErasureRecord.objects.create(
        beneficiary=beneficiary,
        mode=mode,
        retention_rules=[r.code for r in holding],
        fields=sorted(set(fields)),
        files_deleted=len(files),
        request_reference=request_reference[:100],
        erased_by=actor,
    )
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=beneficiary,
        summary=f"personal data {mode}",
        changes={
            "mode": mode,
            "retention_rules": [r.code for r in holding],
            "fields_cleared": len(record.fields),
            "files_deleted": len(files),
        },
    )
    timeline(
        cases=list(beneficiary.cases.all()),
        actor=actor,
        kind=CaseEventKind.ERASED,
        summary=(
            Summary(
                gettext_noop(
                    "Personal data anonymised at the person's request (a retention rule applies)"
                )
            )
            if holding
            else Summary(gettext_noop("Personal data erased at the person's request"))
        ),
    )
    return record


__all__ = [
    "decide_emergency",
    "erase_beneficiary",
    "merge_beneficiaries",
    "record_subject_access",
    "refresh_name_keys",
    "request_emergency",
]
