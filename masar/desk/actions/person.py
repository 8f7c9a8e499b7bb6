"""With the person's consent, linking a contact to a named person (the cases actions)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from ..models import (
    ContactStatus,
    DeskContact,
)
from .common import _deny, _require_record


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
