"""Writes on beneficiaries, consents and cases. Each is keyword-only, one transaction, audited
inside it (sensitive values masked by DATA_CLASSIFICATION), and appends to the timeline of the
cases it touches."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.audit.actions import diff, record_event, snapshot
from masar.audit.models import AuditAction

from .. import rules
from ..models import (
    Beneficiary,
    Case,
    CaseEventKind,
    CaseStatus,
    Consent,
    ConsentLanguage,
    ConsentPurpose,
)
from ..models.referral import REFERRAL_INSTITUTION_KINDS
from ..search import NAME_FIELDS, index_cases, index_person
from ..validators import normalize_cin, normalize_phone
from .common import Summary, deny, require_manager, timeline
from .rights import refresh_name_keys

EDITABLE_FIELDS = rules.PRE_CONSENT_FIELDS + rules.CONSENTED_FIELDS


def _clean_values(values: dict) -> dict:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    out = dict(values)
    errors = {}
    for name in ("first_name", "last_name", "first_name_ar", "last_name_ar", "passport_number"):
        if name in out:
            out[name] = " ".join((out[name] or "").split())
    if "returned_from" in out:
        out["returned_from"] = (out["returned_from"] or "").upper()
    for name, normalize in (("phone", normalize_phone), ("cin", normalize_cin)):
        if name in out:
            try:
                out[name] = normalize(out[name])
            except ValidationError as exc:
                errors[name] = exc.messages
    if errors:
        raise ValidationError(errors)
    return out


def _save_validated(beneficiary):
    try:
        beneficiary.full_clean(exclude=["institution", "created_by"])
    except ValidationError as exc:
        if "cin" in getattr(exc, "error_dict", {}):
            exc.error_dict["cin"] = [
                ValidationError(_("A beneficiary with this card number is already registered."))
                if e.code == "unique"
                else e
                for e in exc.error_dict["cin"]
            ]
        raise
    beneficiary.save()


@transaction.atomic
def register_beneficiary(
    *, actor, first_name, last_name, first_name_ar="", last_name_ar="", phone="", institution=None
) -> Beneficiary:
    """Record a name and a contact: all that may be kept before consent."""
    require_manager(actor)
    institution = institution or getattr(actor, "institution", None)
    if institution is None:
        raise ValidationError(_("Your account belongs to no institution."))
    values = _clean_values(
        {
            "first_name": first_name,
            "last_name": last_name,
            "first_name_ar": first_name_ar,
            "last_name_ar": last_name_ar,
            "phone": phone,
        }
    )
    beneficiary = Beneficiary(institution=institution, created_by=actor, **values)
    _save_validated(beneficiary)
    refresh_name_keys(beneficiary)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=beneficiary,
        summary="beneficiary registered",
        changes={f: [None, getattr(beneficiary, f)] for f in values},
    )
    return beneficiary


@transaction.atomic
def update_beneficiary(*, actor, beneficiary, **values) -> Beneficiary:
    """Change the record. Anything beyond a name and a contact needs an active
    case-management consent."""
    require_manager(actor, beneficiary=beneficiary)
    values = _clean_values(values)
    before = snapshot(beneficiary, EDITABLE_FIELDS)
    changed = {f for f, v in values.items() if _raw(before.get(f)) != _raw(v)}
    if changed & set(rules.CONSENTED_FIELDS) and not rules.has_active_consent(beneficiary):
        raise ValidationError(
            _(
                "Record the person's consent to case management before recording anything "
                "beyond their name and contact."
            ),
            code="no_consent",
        )
    for name, value in values.items():
        setattr(beneficiary, name, value)
    _save_validated(beneficiary)
    changes = diff(beneficiary, before, EDITABLE_FIELDS)
    if set(changes) & set(NAME_FIELDS):
        index_person(beneficiary)
    if changes.keys() & {"first_name", "last_name", "first_name_ar", "last_name_ar", "birth_date"}:
        refresh_name_keys(beneficiary)
    if changes:
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=beneficiary,
            summary="beneficiary updated",
            changes=changes,
        )
        timeline(
            cases=list(beneficiary.cases.open()),
            actor=actor,
            kind=CaseEventKind.BENEFICIARY_UPDATED,
            summary=Summary(gettext_noop("Record updated: %(fields)s"))
            % {"fields": ", ".join(sorted(changes))},
        )
    return beneficiary


def _raw(value):
    return value.pk if hasattr(value, "pk") else value


@transaction.atomic
def record_consent(
    *,
    actor,
    beneficiary,
    purposes: dict,
    text_version,
    language,
    expires_at=None,
    referral_kinds=None,
) -> list[Consent]:
    """One answer per purpose; a new answer ends the previous one for that purpose.
    ``referral_kinds``: the kinds of institution the referrals consent covers (none or
    empty: every kind)."""
    require_manager(actor, beneficiary=beneficiary)
    errors = {}
    if not purposes or set(purposes) - set(ConsentPurpose.values):
        errors["purposes"] = _("Answer for the purposes of the consent form only.")
    referral_kinds = sorted(set(referral_kinds or ()))
    if set(referral_kinds) - set(REFERRAL_INSTITUTION_KINDS):
        errors["referral_kinds"] = _("Choose kinds of institution from the list.")
    if not (text_version or "").strip():
        errors["text_version"] = _("Say which version of the consent text was read.")
    if language not in ConsentLanguage.values:
        errors["language"] = _("The consent text is read in French or in Arabic.")
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        errors["expires_at"] = _("The expiry must be in the future.")
    if errors:
        raise ValidationError(errors)
    consents = []
    for purpose, granted in purposes.items():
        Consent.objects.active(now).filter(beneficiary=beneficiary, purpose=purpose).update(
            withdrawn_at=now
        )
        consent = Consent.objects.create(
            beneficiary=beneficiary,
            purpose=purpose,
            granted=bool(granted),
            text_version=text_version.strip(),
            language=language,
            taken_by=actor,
            taken_at=now,
            expires_at=expires_at,
            institution_kinds=referral_kinds if purpose == ConsentPurpose.REFERRALS else [],
        )
        changes = {"beneficiary": [None, str(beneficiary.pk)], "granted": [None, bool(granted)]}
        if consent.institution_kinds:
            changes["institution_kinds"] = [None, consent.institution_kinds]
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=consent,
            summary=f"consent {purpose}: {'granted' if granted else 'refused'}",
            changes=changes,
        )
        consents.append(consent)
    granted = ", ".join(sorted(p for p, g in purposes.items() if g)) or "-"
    timeline(
        cases=list(beneficiary.cases.open()),
        actor=actor,
        kind=CaseEventKind.CONSENT_RECORDED,
        summary=Summary(gettext_noop("Consent recorded (%(version)s); granted: %(purposes)s"))
        % {"version": text_version.strip(), "purposes": granted},
    )
    return consents


@transaction.atomic
def withdraw_consent(*, actor, beneficiary, purpose) -> int:
    require_manager(actor, beneficiary=beneficiary)
    now = timezone.now()
    active = Consent.objects.active(now).filter(beneficiary=beneficiary, purpose=purpose)
    withdrawn = list(active)
    if not withdrawn:
        raise ValidationError(_("There is no active consent for this purpose to withdraw."))
    active.update(withdrawn_at=now)
    for consent in withdrawn:
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=consent,
            summary=f"consent {purpose} withdrawn",
            changes={"withdrawn_at": [None, now.isoformat()]},
        )
    timeline(
        cases=list(beneficiary.cases.open()),
        actor=actor,
        kind=CaseEventKind.CONSENT_WITHDRAWN,
        summary=Summary(gettext_noop("Consent withdrawn: %(purpose)s")) % {"purpose": purpose},
    )
    return len(withdrawn)


@transaction.atomic
def open_case(*, actor, beneficiary, antenna=None) -> Case:
    """Open a case in the actor's antenna, at reception; needs case-management consent."""
    require_manager(actor, beneficiary=beneficiary)
    antenna = antenna or getattr(actor, "institution", None)
    if actor is not None and not rules.can_hold_cases_for(actor, antenna):
        deny()
    if not rules.can_hold_cases(antenna):
        raise ValidationError(_("Cases are opened in an OTE antenna or at the headquarters."))
    if not rules.has_active_consent(beneficiary):
        raise ValidationError(
            _("A case can be opened only with the person's consent to case management."),
            code="no_consent",
        )
    if beneficiary.cases.open().exists():
        raise ValidationError(_("This person already has an open case."), code="already_open")
    try:
        with transaction.atomic():
            case = Case.objects.create(
                beneficiary=beneficiary,
                antenna=antenna,
                counsellor=actor,
                status=CaseStatus.RECEPTION,
            )
    except IntegrityError as exc:  # a concurrent opening won
        raise ValidationError(_("This person already has an open case.")) from exc
    index_cases([case])
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=case,
        summary="case opened",
        changes={"beneficiary": [None, str(beneficiary.pk)], "status": [None, case.status]},
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.OPENED,
        summary=Summary(gettext_noop("Case opened")),
    )
    return case


@transaction.atomic
def change_case_status(*, actor, case, to, reason="") -> Case:
    """Move a case along ``Case.ALLOWED_TRANSITIONS``; closing needs a reason. Apart from
    closing, a case moves only while the person's case-management consent is active."""
    require_manager(actor, case=case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if to not in CaseStatus.values:
        raise ValidationError({"to": _("Choose a status from the list.")})
    if to not in case.ALLOWED_TRANSITIONS[case.status]:
        raise ValidationError(
            {
                "to": _("A case cannot go from “%(from)s” to “%(to)s”.")
                % {"from": CaseStatus(case.status).label, "to": CaseStatus(to).label}
            },
            code="illegal_transition",
        )
    reason = (reason or "").strip()
    if to == CaseStatus.CLOSED and not reason:
        raise ValidationError({"reason": _("Say why the case is closed.")}, code="no_reason")
    if to != CaseStatus.CLOSED and not rules.has_active_consent(case.beneficiary):
        raise ValidationError(
            _(
                "The person's consent to case management is not active: the case can only be closed."
            ),
            code="no_consent",
        )
    before = case.status
    case.status = to
    if to == CaseStatus.CLOSED:
        case.closure_reason = reason
        case.closed_at = timezone.now()
    case.save(update_fields=["status", "closure_reason", "closed_at"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        summary="case status changed",
        changes={"status": [before, to]},
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.STATUS_CHANGED,
        summary=Summary(gettext_noop("Status: %(from)s → %(to)s"))
        % {"from": CaseStatus(before).label, "to": CaseStatus(to).label},
    )
    if to == CaseStatus.SUPPORT:
        # Support starts: the 3, 6 and 12-month follow-ups (idempotent on re-entry).
        from .followups import schedule_follow_ups

        schedule_follow_ups(actor=actor, case=case)
    return case
