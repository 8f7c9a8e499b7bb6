"""Object predicates for cases, one module per concept (the role → permission matrix is in
accounts/policy.py)."""

from .cases import (
    CASE_INSTITUTION_KINDS,
    CONSENTED_FIELDS,
    PRE_CONSENT_FIELDS,
    can_hold_cases,
    can_hold_cases_for,
    can_manage_beneficiary,
    can_manage_case,
    has_active_consent,
)
from .referrals import is_receiver, is_sender_side, referral_consent_covers, referral_consents

__all__ = [
    "CASE_INSTITUTION_KINDS",
    "CONSENTED_FIELDS",
    "PRE_CONSENT_FIELDS",
    "can_hold_cases",
    "can_hold_cases_for",
    "can_manage_beneficiary",
    "can_manage_case",
    "has_active_consent",
    "is_receiver",
    "is_sender_side",
    "referral_consent_covers",
    "referral_consents",
]
