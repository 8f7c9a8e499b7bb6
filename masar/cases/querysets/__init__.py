"""Scoped reads of the case records (``visible_to``), one module per concept."""

from .cases import BeneficiaryQuerySet, CaseQuerySet, ConsentQuerySet, scope_q
from .followups import CaseTransferQuerySet, FollowUpVisitQuerySet, SustainabilityScoreQuerySet
from .referrals import ReferralQuerySet

__all__ = [
    "BeneficiaryQuerySet",
    "CaseQuerySet",
    "CaseTransferQuerySet",
    "ConsentQuerySet",
    "FollowUpVisitQuerySet",
    "ReferralQuerySet",
    "SustainabilityScoreQuerySet",
    "scope_q",
]
