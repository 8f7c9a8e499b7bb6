"""Aid files: prepared by the counsellor, decided by the committee (a supervisor), signed as a
commitment contract, disbursed in tranches.

Approvals never pass the programme's envelope (sum of approved amounts) nor its quota
(distinct people with approved aid), even when two supervisors approve at the same moment:
``decide_aid_file`` locks the programme row (SELECT … FOR UPDATE on PostgreSQL; on SQLite
every transaction is IMMEDIATE, so writers are serialised) and re-checks the figures inside
the transaction. Tranches never pass the approved amount, under the aid file's lock.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.policy import Perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.monitoring.models import Programme

from .. import rules
from ..models import AidFile, AidKind, AidStatus, CaseEventKind, Tranche
from .attachments import add_attachment
from .common import Summary, require_manager, timeline
from .enrolment import require_case_decider

CONTRACT_LANGUAGES = ("fr", "ar")
_MILLIME = Decimal("0.001")


def _money(value, field="amount") -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(_MILLIME)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationError({field: _("Enter an amount in dinars.")}, code="amount") from exc
    if amount <= 0 or not amount.is_finite():
        raise ValidationError({field: _("The amount must be more than zero.")}, code="amount")
    if amount >= Decimal("1e11"):
        raise ValidationError({field: _("The amount is too large.")}, code="amount")
    return amount


def _tnd(amount) -> str:
    return f"{Decimal(amount):.3f} TND"


def _locked(aid_file) -> AidFile:
    return (
        AidFile.objects.select_for_update(of=("self",))
        .select_related("enrolment__case__beneficiary", "enrolment__programme")
        .get(pk=aid_file.pk)
    )


@transaction.atomic
def create_aid_file(
    *, actor, enrolment, kind, amount, funder="", supplier="", description=""
) -> AidFile:
    """A draft aid file, for a case enrolled in a programme and eligible (or admitted by a
    supervisor's override)."""
    case = enrolment.case
    require_manager(actor, case=case)
    if case.is_closed:
        raise ValidationError(_("This case is closed."), code="closed")
    if not enrolment.admitted:
        raise ValidationError(
            _("The person is not eligible for this programme: no aid file can be prepared."),
            code="not_eligible",
        )
    if kind not in AidKind.values:
        raise ValidationError({"kind": _("Choose a kind of aid from the list.")}, code="kind")
    aid_file = AidFile(
        enrolment=enrolment,
        kind=kind,
        amount=_money(amount),
        funder=(funder or enrolment.programme.funder or "").strip()[:200],
        supplier=(supplier or "").strip()[:200],
        description=(description or "").strip(),
        created_by=actor,
    )
    aid_file.full_clean(exclude=["documents"])
    aid_file.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=aid_file,
        summary="aid file prepared",
        changes={"kind": [None, kind], "amount": [None, str(aid_file.amount)]},
    )
    return aid_file


@transaction.atomic
def add_aid_document(*, actor, aid_file, kind, upload):
    """A quote, an invoice or another document, attached to the person's record and linked
    to the aid file."""
    case = aid_file.enrolment.case
    require_manager(actor, case=case)
    if aid_file.status == AidStatus.REJECTED:
        raise ValidationError(_("This aid file was rejected."), code="rejected")
    attachment = add_attachment(
        actor=actor, beneficiary=case.beneficiary, kind=kind, upload=upload, case=case
    )
    aid_file.documents.add(attachment)
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=aid_file,
        summary="document linked to the aid file",
        changes={"documents": [None, str(attachment.pk)]},
    )
    return attachment


@transaction.atomic
def submit_aid_file(*, actor, aid_file) -> AidFile:
    """Send a draft to the committee."""
    require_manager(actor, case=aid_file.enrolment.case)
    aid_file = _locked(aid_file)
    if aid_file.status != AidStatus.DRAFT:
        raise ValidationError(_("This aid file was already submitted."), code="not_draft")
    if aid_file.enrolment.case.is_closed:
        raise ValidationError(_("This case is closed."), code="closed")
    if not aid_file.enrolment.admitted:
        raise ValidationError(
            _("The person is not eligible for this programme."), code="not_eligible"
        )
    if not rules.has_active_consent(aid_file.enrolment.case.beneficiary):
        raise ValidationError(
            _("The person's consent to case management is not active."), code="no_consent"
        )
    aid_file.status = AidStatus.SUBMITTED
    aid_file.submitted_at = timezone.now()
    aid_file.save(update_fields=["status", "submitted_at"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=aid_file,
        summary="aid file submitted",
        changes={"status": [AidStatus.DRAFT, AidStatus.SUBMITTED]},
    )
    timeline(
        cases=[aid_file.enrolment.case],
        actor=actor,
        kind=CaseEventKind.AID_SUBMITTED,
        summary=Summary(gettext_noop("%(kind)s, %(amount)s"))
        % {"kind": AidKind(aid_file.kind).label, "amount": _tnd(aid_file.amount)},
    )
    return aid_file


def _check_budget(programme, aid_file) -> None:
    """Inside the programme's lock: the approval must fit the envelope and the quota."""
    approved = AidFile.objects.filter(enrolment__programme=programme, status=AidStatus.APPROVED)
    total = approved.aggregate(s=Sum("amount"))["s"] or Decimal("0")
    if total + aid_file.amount > programme.envelope:
        raise ValidationError(
            _(
                "Approving %(amount)s would pass the programme's envelope: "
                "%(left)s are left of %(envelope)s."
            )
            % {
                "amount": _tnd(aid_file.amount),
                "left": _tnd(programme.envelope - total),
                "envelope": _tnd(programme.envelope),
            },
            code="over_envelope",
        )
    if programme.quota is None:
        return
    beneficiary_id = aid_file.enrolment.case.beneficiary_id
    people = set(approved.values_list("enrolment__case__beneficiary_id", flat=True).distinct())
    if beneficiary_id not in people and len(people) + 1 > programme.quota:
        raise ValidationError(
            _(
                "The programme's quota is reached: %(n)s people already have approved aid "
                "(quota %(quota)s)."
            )
            % {"n": len(people), "quota": programme.quota},
            code="over_quota",
        )


@transaction.atomic
def decide_aid_file(*, actor, aid_file, approve: bool, reason="") -> AidFile:
    """The committee's decision on a submitted aid file. A rejection needs a reason; an
    approval must fit the programme's envelope and quota."""
    require_case_decider(actor, aid_file.enrolment.case, Perm.DECIDE_AID)
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why the aid is rejected.")}, code="no_reason")
    # Lock order, everywhere: the programme, then the aid file.
    programme = Programme.objects.select_for_update().get(pk=aid_file.enrolment.programme_id)
    aid_file = _locked(aid_file)
    if aid_file.status != AidStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted aid file can be decided; this one is “%(status)s”.")
            % {"status": AidStatus(aid_file.status).label},
            code="not_submitted",
        )
    if approve:
        if aid_file.enrolment.case.is_closed:
            raise ValidationError(_("This case is closed."), code="closed")
        if not aid_file.enrolment.admitted:
            raise ValidationError(
                _("The person is not eligible for this programme."), code="not_eligible"
            )
        if not rules.has_active_consent(aid_file.enrolment.case.beneficiary):
            raise ValidationError(
                _("The person's consent to case management is not active."), code="no_consent"
            )
        _check_budget(programme, aid_file)
    to = AidStatus.APPROVED if approve else AidStatus.REJECTED
    aid_file.status = to
    aid_file.decided_by = actor
    aid_file.decided_at = timezone.now()
    aid_file.decision_reason = reason
    aid_file.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=aid_file,
        summary=f"aid file {to} ({programme.code})",
        changes={"status": [AidStatus.SUBMITTED, to], "decision_reason": [None, reason]},
    )
    timeline(
        cases=[aid_file.enrolment.case],
        actor=actor,
        kind=CaseEventKind.AID_DECIDED,
        summary=(
            Summary(gettext_noop("Approved: %(kind)s, %(amount)s"))
            if approve
            else Summary(gettext_noop("Rejected: %(kind)s, %(amount)s"))
        )
        % {"kind": AidKind(aid_file.kind).label, "amount": _tnd(aid_file.amount)},
    )
    return aid_file


@transaction.atomic
def issue_contract(*, actor, aid_file, language) -> bytes:
    """The commitment contract ("contrat d'engagement") for the person to sign, as a PDF in
    French or Arabic. Each issue is on the timeline and in the audit trail."""
    from ..contract import render_contract

    require_manager(actor, case=aid_file.enrolment.case)
    if language not in CONTRACT_LANGUAGES:
        raise ValidationError(
            {"language": _("The contract is issued in French or Arabic.")}, code="language"
        )
    aid_file = _locked(aid_file)
    if aid_file.status != AidStatus.APPROVED:
        raise ValidationError(
            _("A contract is issued only for an approved aid file."), code="not_approved"
        )
    pdf = render_contract(aid_file, language)
    if aid_file.contract_issued_at is None:
        aid_file.contract_issued_at = timezone.now()
        aid_file.save(update_fields=["contract_issued_at"])
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=aid_file,
        summary=f"commitment contract issued ({language})",
    )
    timeline(
        cases=[aid_file.enrolment.case],
        actor=actor,
        kind=CaseEventKind.AID_CONTRACT,
        summary=Summary(gettext_noop("Commitment contract issued (%(language)s)"))
        % {
            "language": {
                "fr": Summary(gettext_noop("French")),
                "ar": Summary(gettext_noop("Arabic")),
            }[language]
        },
    )
    return pdf


def disbursed(aid_file) -> Decimal:
    return aid_file.tranches.aggregate(s=Sum("amount"))["s"] or Decimal("0")


@transaction.atomic
def record_tranche(*, actor, aid_file, amount, paid_on, reference) -> Tranche:
    """One disbursement of an approved aid file; the tranches never pass the approved
    amount."""
    require_case_decider(actor, aid_file.enrolment.case, Perm.DECIDE_AID)
    aid_file = _locked(aid_file)
    if aid_file.status != AidStatus.APPROVED:
        raise ValidationError(_("Only an approved aid file can be disbursed."), code="not_approved")
    amount = _money(amount)
    reference = (reference or "").strip()
    errors = {}
    if not reference:
        errors["reference"] = _("Enter the payment reference.")
    if not isinstance(paid_on, date):
        errors["paid_on"] = _("Enter the date of payment.")
    elif paid_on > timezone.localdate():
        errors["paid_on"] = _("The date of payment cannot be in the future.")
    elif aid_file.decided_at and paid_on < timezone.localdate(aid_file.decided_at):
        errors["paid_on"] = _("The date of payment is before the committee's approval.")
    if errors:
        raise ValidationError(errors, code="invalid")
    paid = disbursed(aid_file)
    if paid + amount > aid_file.amount:
        raise ValidationError(
            {
                "amount": _(
                    "This tranche would pass the approved amount: %(left)s are left to pay."
                )
                % {"left": _tnd(aid_file.amount - paid)}
            },
            code="over_approved",
        )
    tranche = Tranche.objects.create(
        aid_file=aid_file,
        amount=amount,
        paid_on=paid_on,
        reference=reference[:100],
        recorded_by=actor,
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=tranche,
        summary="aid tranche disbursed",
        changes={"aid_file": [None, str(aid_file.pk)], "amount": [None, str(amount)]},
    )
    timeline(
        cases=[aid_file.enrolment.case],
        actor=actor,
        kind=CaseEventKind.AID_DISBURSED,
        summary=Summary(gettext_noop("Tranche of %(amount)s (%(paid)s of %(total)s paid)"))
        % {
            "amount": _tnd(amount),
            "paid": _tnd(paid + amount),
            "total": _tnd(aid_file.amount),
        },
    )
    return tranche
