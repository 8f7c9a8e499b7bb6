"""Referrals: sent by case staff to an institution's inbox, answered and completed by that
institution's officers, cancelled by the sender, and the person's feedback recorded by the
counsellor. Each step is one transaction, audited inside it and written on the case
timeline; e-mails and tasks go after the commit."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.models import InstitutionKind
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from .. import rules
from ..models import (
    REFERRAL_INSTITUTION_KINDS,
    Case,
    CaseEventKind,
    Referral,
    ReferralStatus,
)
from .common import Summary, deny, require_manager, timeline

MAX_DUE_DAYS = 365


def _receiving_institution(institution, service):
    if service is not None:
        owner = service.organization.institution if service.organization_id else None
        if owner is None:
            raise ValidationError(
                {
                    "service": _(
                        "This service's organisation has no inbox in Masar: refer the person "
                        "to a partner institution instead."
                    )
                },
                code="no_inbox",
            )
        if institution is not None and institution.pk != owner.pk:
            raise ValidationError(
                {"service": _("This service is not offered by the chosen institution.")},
                code="service_mismatch",
            )
        institution = owner
    if institution is None:
        raise ValidationError(
            {"institution": _("Choose the institution to refer the person to.")},
            code="required",
        )
    if not institution.is_active or institution.kind not in REFERRAL_INSTITUTION_KINDS:
        raise ValidationError(
            {"institution": _("Cases cannot be referred to this institution.")},
            code="not_a_partner",
        )
    return institution


def _check_consent(beneficiary, kind):
    consents = list(rules.referral_consents(beneficiary))
    if not consents:
        raise ValidationError(
            _(
                "The person has not agreed to be referred (no active consent to referrals): "
                "record their consent first."
            ),
            code="no_consent",
        )
    if not any(c.covers_kind(kind) for c in consents):
        raise ValidationError(
            _(
                "The person's consent to referrals does not cover this kind of institution "
                "(%(kind)s)."
            )
            % {"kind": InstitutionKind(kind).label},
            code="consent_kind",
        )


@transaction.atomic
def send_referral(
    *, actor, case, reason, due_date, institution=None, service=None, notify=True
) -> Referral:
    """Refer the case to an institution's inbox (or to one of its directory services). The
    receiving officers are e-mailed after the commit (``notify=False``: not, e.g. for demo
    data)."""
    require_manager(actor, case=case)
    case = Case.objects.select_for_update().select_related("beneficiary").get(pk=case.pk)
    if case.is_closed:
        raise ValidationError(_("A closed case cannot be referred."), code="closed")
    institution = _receiving_institution(institution, service)
    errors = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Say why the person is referred and what they need.")
    today = timezone.localdate()
    if due_date is None:
        errors["due_date"] = _("Give a due date.")
    elif due_date < today:
        errors["due_date"] = _("The due date cannot be in the past.")
    elif due_date > today + timedelta(days=MAX_DUE_DAYS):
        errors["due_date"] = _("The due date must be within a year.")
    if errors:
        raise ValidationError(errors)
    _check_consent(case.beneficiary, institution.kind)
    referral = Referral.objects.create(
        case=case,
        institution=institution,
        service=service,
        reason=reason,
        due_date=due_date,
        sent_by=actor,
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=referral,
        summary=f"referral sent to {institution.code}",
        changes={
            "case": [None, str(case.pk)],
            "institution": [None, institution.code],
            "due_date": [None, due_date.isoformat()],
        },
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.REFERRAL_SENT,
        summary=Summary(gettext_noop("Referred to %(institution)s, due %(date)s"))
        % {"institution": institution.name, "date": due_date.isoformat()},
    )
    transaction.on_commit(lambda: _after_sending(referral, notify))
    return referral


def _after_sending(referral, notify):
    from ..tasks.referrals import schedule_reminder, send_new_referral_notice

    if notify:
        send_new_referral_notice(referral)
    schedule_reminder(referral)


def _locked(referral) -> Referral:
    return (
        Referral.objects.select_for_update()
        .select_related("case", "institution")
        .get(pk=referral.pk)
    )


def _move(referral, to):
    if not referral.can_move_to(to):
        raise ValidationError(
            _("This referral is %(status)s: it cannot be %(to)s.")
            % {
                "status": ReferralStatus(referral.status).label.lower(),
                "to": ReferralStatus(to).label.lower(),
            },
            code="illegal_transition",
        )


def _require_receiver(actor, referral):
    if actor is not None and not rules.is_receiver(actor, referral):
        deny()


def _require_sender(actor, referral):
    if actor is not None and not rules.is_sender_side(actor, referral):
        deny()


def _audit_and_timeline(*, actor, referral, before, summary, kind, timeline_summary, changes=None):
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=referral,
        summary=summary,
        changes={"status": [before, referral.status], **(changes or {})},
    )
    timeline(cases=[referral.case], actor=actor, kind=kind, summary=timeline_summary)


@transaction.atomic
def accept_referral(*, actor, referral) -> Referral:
    _require_receiver(actor, referral)
    referral = _locked(referral)
    _move(referral, ReferralStatus.ACCEPTED)
    before = referral.status
    referral.status = ReferralStatus.ACCEPTED
    referral.responded_by = actor
    referral.responded_at = timezone.now()
    referral.save(update_fields=["status", "responded_by", "responded_at"])
    _audit_and_timeline(
        actor=actor,
        referral=referral,
        before=before,
        summary="referral accepted",
        kind=CaseEventKind.REFERRAL_ACCEPTED,
        timeline_summary=Summary(gettext_noop("Accepted by %(institution)s"))
        % {"institution": referral.institution.name},
    )
    return referral


@transaction.atomic
def decline_referral(*, actor, referral, reason) -> Referral:
    _require_receiver(actor, referral)
    referral = _locked(referral)
    _move(referral, ReferralStatus.DECLINED)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the referral is declined.")}, code="no_reason")
    before = referral.status
    referral.status = ReferralStatus.DECLINED
    referral.responded_by = actor
    referral.responded_at = timezone.now()
    referral.decline_reason = reason
    referral.save(update_fields=["status", "responded_by", "responded_at", "decline_reason"])
    _audit_and_timeline(
        actor=actor,
        referral=referral,
        before=before,
        summary="referral declined",
        kind=CaseEventKind.REFERRAL_DECLINED,
        timeline_summary=Summary(gettext_noop("Declined by %(institution)s"))
        % {"institution": referral.institution.name},
    )
    return referral


@transaction.atomic
def complete_referral(*, actor, referral, outcome) -> Referral:
    _require_receiver(actor, referral)
    referral = _locked(referral)
    _move(referral, ReferralStatus.COMPLETED)
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError(
            {"outcome": _("Say what was done for the person.")}, code="no_outcome"
        )
    before = referral.status
    referral.status = ReferralStatus.COMPLETED
    referral.completed_by = actor
    referral.completed_at = timezone.now()
    referral.outcome = outcome
    referral.save(update_fields=["status", "completed_by", "completed_at", "outcome"])
    _audit_and_timeline(
        actor=actor,
        referral=referral,
        before=before,
        summary="referral completed",
        kind=CaseEventKind.REFERRAL_COMPLETED,
        timeline_summary=Summary(gettext_noop("Completed by %(institution)s"))
        % {"institution": referral.institution.name},
    )
    return referral


@transaction.atomic
def cancel_referral(*, actor, referral, reason="") -> Referral:
    """The sending side withdraws a referral that is still open."""
    _require_sender(actor, referral)
    referral = _locked(referral)
    _move(referral, ReferralStatus.CANCELLED)
    before = referral.status
    referral.status = ReferralStatus.CANCELLED
    referral.cancelled_by = actor
    referral.cancelled_at = timezone.now()
    referral.cancel_reason = (reason or "").strip()
    referral.save(update_fields=["status", "cancelled_by", "cancelled_at", "cancel_reason"])
    # No kind of its own on the timeline: the cancellation is a status change of the case's
    # referral, noted as such.
    _audit_and_timeline(
        actor=actor,
        referral=referral,
        before=before,
        summary="referral cancelled",
        kind=CaseEventKind.STATUS_CHANGED,
        timeline_summary=Summary(gettext_noop("Referral to %(institution)s cancelled"))
        % {"institution": referral.institution.name},
    )
    return referral


@transaction.atomic
def record_referral_feedback(
    *, actor, referral, received: bool, satisfaction=None, comment=""
) -> Referral:
    """The person's answer, asked by the counsellor: was the service received, and was it
    satisfactory (1–5)? Recorded once the institution accepted; may be corrected."""
    _require_sender(actor, referral)
    referral = _locked(referral)
    if referral.status not in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
        raise ValidationError(
            _("Feedback is recorded once the institution has accepted the referral."),
            code="not_accepted",
        )
    if received is None:
        raise ValidationError(
            {"received": _("Say whether the person received the service.")}, code="required"
        )
    if satisfaction is not None and not (1 <= int(satisfaction) <= 5):
        raise ValidationError(
            {"satisfaction": _("Satisfaction is a number from 1 to 5.")}, code="range"
        )
    before = {
        "feedback_received": referral.feedback_received,
        "feedback_satisfaction": referral.feedback_satisfaction,
    }
    referral.feedback_received = bool(received)
    referral.feedback_satisfaction = int(satisfaction) if satisfaction is not None else None
    referral.feedback_comment = (comment or "").strip()
    referral.feedback_by = actor
    referral.feedback_at = timezone.now()
    referral.save(
        update_fields=[
            "feedback_received",
            "feedback_satisfaction",
            "feedback_comment",
            "feedback_by",
            "feedback_at",
        ]
    )
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=referral,
        summary="referral feedback recorded",
        changes={
            name: [old, getattr(referral, name)]
            for name, old in before.items()
            if old != getattr(referral, name)
        },
    )
    timeline(
        cases=[referral.case],
        actor=actor,
        kind=CaseEventKind.REFERRAL_FEEDBACK,
        summary=(
            Summary(gettext_noop("Service received (%(institution)s)"))
            if referral.feedback_received
            else Summary(gettext_noop("Service not received (%(institution)s)"))
        )
        % {"institution": referral.institution.name},
    )
    return referral


@transaction.atomic
def note_referral_overdue(*, referral, today=None) -> bool:
    """Note once that a referral is past due (system action of the reminder task). Returns
    True when noted now, False when it was noted before or is no longer overdue; the
    reminder e-mails go after the commit."""
    referral = _locked(referral)
    if referral.overdue_notified_at is not None or not referral.is_overdue(today):
        return False
    referral.overdue_notified_at = timezone.now()
    referral.save(update_fields=["overdue_notified_at"])
    record_event(
        actor=None,
        action=AuditAction.UPDATE,
        obj=referral,
        summary="referral overdue: reminders sent",
        changes={"overdue_notified_at": [None, referral.overdue_notified_at.isoformat()]},
    )
    timeline(
        cases=[referral.case],
        actor=None,
        kind=CaseEventKind.REFERRAL_OVERDUE,
        summary=Summary(gettext_noop("Referral to %(institution)s past its due date (%(date)s)"))
        % {"institution": referral.institution.name, "date": referral.due_date.isoformat()},
    )
    from ..tasks.referrals import send_overdue_reminders

    pk = referral.pk
    transaction.on_commit(lambda: send_overdue_reminders(Referral.objects.get(pk=pk)))
    return True
