"""Object predicates for referrals: the consent that covers them, the sending and the
receiving side."""

from masar.accounts.policy import Perm, has_perm

from ..models import Consent, ConsentPurpose
from .cases import can_manage_case


def referral_consents(beneficiary):
    return Consent.objects.active().filter(
        beneficiary=beneficiary, purpose=ConsentPurpose.REFERRALS
    )


def referral_consent_covers(beneficiary, kind: str) -> bool:
    """An active consent to referrals that covers this kind of institution."""
    return any(c.covers_kind(kind) for c in referral_consents(beneficiary))


def is_receiver(user, referral) -> bool:
    """A partner officer of the institution the referral was sent to."""
    return (
        has_perm(user, Perm.HANDLE_REFERRALS)
        and user.institution_id is not None
        and referral.institution_id == user.institution_id
    )


def is_sender_side(user, referral) -> bool:
    """Case staff who may manage the referral's case (cancel, record feedback)."""
    return can_manage_case(user, referral.case)
