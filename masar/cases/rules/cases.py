"""Object predicates for cases (the role → permission matrix is in accounts/policy.py)."""

from django.utils import timezone

from masar.accounts.models import InstitutionKind
from masar.accounts.policy import Perm, has_perm

from ..models import (
    Beneficiary,
    Case,
    Consent,
    ConsentPurpose,
    EmergencyProcessing,
    EmergencyStatus,
)

# Fields that may be recorded before any consent: a name and a contact, nothing more.
PRE_CONSENT_FIELDS = ("first_name", "last_name", "first_name_ar", "last_name_ar", "phone")
# The rest of the record needs an active case-management consent.
CONSENTED_FIELDS = (
    "sex",
    "birth_date",
    "cin",
    "passport_number",
    "governorate",
    "delegation",
    "municipality",
    "returned_from",
    "return_date",
    "return_kind",
    "years_abroad",
    "situation_abroad",
    "heard_of_scheme",
)
CASE_INSTITUTION_KINDS = frozenset({InstitutionKind.OTE_ANTENNA, InstitutionKind.OTE_HQ})


def has_active_consent(beneficiary, purpose=ConsentPurpose.CASE_MANAGEMENT) -> bool:
    """An active consent for ``purpose``; for case management, an approved and unexpired
    emergency processing (reason + second person's approval) stands in for it."""
    now = timezone.now()
    if Consent.objects.active(now).filter(beneficiary=beneficiary, purpose=purpose).exists():
        return True
    return (
        purpose == ConsentPurpose.CASE_MANAGEMENT
        and EmergencyProcessing.objects.filter(
            beneficiary=beneficiary, status=EmergencyStatus.APPROVED, valid_until__gt=now
        ).exists()
    )


def can_manage_beneficiary(user, beneficiary) -> bool:
    return (
        has_perm(user, Perm.MANAGE_CASES)
        and Beneficiary.objects.visible_to(user).filter(pk=beneficiary.pk).exists()
    )


def can_manage_case(user, case) -> bool:
    return (
        has_perm(user, Perm.MANAGE_CASES)
        and Case.objects.visible_to(user).filter(pk=case.pk).exists()
    )


def can_hold_cases(institution) -> bool:
    """Cases live in OTE antennas (and the headquarters)."""
    return institution is not None and institution.kind in CASE_INSTITUTION_KINDS


def can_hold_cases_for(user, institution) -> bool:
    """The user may place a case in ``institution``: their own, or one under it for
    supervisors."""
    if institution is None or user.institution_id is None:
        return False
    if institution.pk == user.institution_id:
        return True
    return has_perm(user, Perm.VIEW_SUBORDINATE_CASES) and (
        institution.parent_id == user.institution_id
    )
