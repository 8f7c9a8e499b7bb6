"""Scoped reads of the case records (``visible_to``), one module per concept."""

from .cases import BeneficiaryQuerySet, CaseQuerySet, ConsentQuerySet, scope_q
from .referrals import ReferralQuerySet

__all__ = [
    "BeneficiaryQuerySet",
    "CaseQuerySet",
    "ConsentQuerySet",
    "ReferralQuerySet",
    "scope_q",
]
