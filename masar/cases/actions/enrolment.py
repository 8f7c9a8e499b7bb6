"""Enrolling a case in a programme: the eligibility check, and a supervisor's override."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from ..models import Case, CaseEventKind, Enrolment
from ..rules import eligibility
from .common import Summary, deny, require_manager, timeline


def require_case_decider(actor, case, perm):
    """A decision a supervisor takes on a case in their scope."""
    if actor is None:
        return
    if not has_perm(actor, perm):
        deny()
    if not Case.objects.visible_to(actor).filter(pk=case.pk).exists():
        deny()


@transaction.atomic
def enrol_case(*, actor, case, programme) -> Enrolment:
    """Check the person against the programme's rules and record the result with every
    rule's explanation. Enrolling again re-checks (after the record was corrected); an
    override already recorded stays."""
    require_manager(actor, case=case)
    if case.is_closed:
        raise ValidationError(_("This case is closed."), code="closed")
    if not programme.is_active:
        raise ValidationError(
            {"programme": _("This programme is not open to new enrolments.")}, code="inactive"
        )
    eligible, checks = eligibility.evaluate(programme.rule_set, case.beneficiary)
    values = {
        "eligible": eligible,
        "checks": [c.as_dict() for c in checks],
        "checked_by": actor,
        "checked_at": timezone.now(),
    }
    enrolment = Enrolment.objects.select_for_update().filter(case=case, programme=programme).first()
    if enrolment is None:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(case=case, programme=programme, **values)
        except IntegrityError as exc:  # a concurrent enrolment won
            raise ValidationError(_("The case is already enrolled in this programme.")) from exc
        action, before = AuditAction.CREATE, None
    else:
        before = enrolment.eligible
        for field, value in values.items():
            setattr(enrolment, field, value)
        enrolment.save(update_fields=list(values))
        action = AuditAction.UPDATE
    record_event(
        actor=actor,
        action=action,
        obj=enrolment,
        summary=f"eligibility checked for {programme.code}",
        changes={"eligible": [before, eligible]},
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.ELIGIBILITY_CHECKED,
        summary=(
            Summary(gettext_noop("%(programme)s: eligible"))
            if eligible
            else Summary(gettext_noop("%(programme)s: not eligible"))
        )
        % {"programme": programme.name},
    )
    return enrolment


@transaction.atomic
def override_eligibility(*, actor, enrolment, reason) -> Enrolment:
    """A supervisor admits a person the rules found not eligible, saying why."""
    require_case_decider(actor, enrolment.case, Perm.OVERRIDE_ELIGIBILITY)
    enrolment = (
        Enrolment.objects.select_for_update().select_related("programme").get(pk=enrolment.pk)
    )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the rules are overridden.")}, code="no_reason")
    if enrolment.eligible:
        raise ValidationError(
            _("The person is eligible: there is nothing to override."), code="eligible"
        )
    if enrolment.overridden:
        raise ValidationError(_("The eligibility was already overridden."), code="overridden")
    enrolment.override_reason = reason
    enrolment.overridden_by = actor
    enrolment.overridden_at = timezone.now()
    enrolment.save(update_fields=["override_reason", "overridden_by", "overridden_at"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=enrolment,
        summary=f"eligibility overridden for {enrolment.programme.code}",
        changes={"override_reason": [None, reason]},
    )
    timeline(
        cases=[enrolment.case],
        actor=actor,
        kind=CaseEventKind.ELIGIBILITY_OVERRIDDEN,
        summary=Summary(gettext_noop("%(programme)s: admitted by a supervisor's decision"))
        % {"programme": enrolment.programme.name},
    )
    return enrolment
