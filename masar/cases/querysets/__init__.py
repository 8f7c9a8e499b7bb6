"""Scoped reads of the case records (``visible_to``), one module per concept."""

from .aid import AidFileQuerySet, EnrolmentQuerySet
from .cases import BeneficiaryQuerySet, CaseQuerySet, ConsentQuerySet, scope_q
from .followups import CaseTransferQuerySet, FollowUpVisitQuerySet, SustainabilityScoreQuerySet
from .referrals import ReferralQuerySet

__all__ = [
    "AidFileQuerySet",
    "BeneficiaryQuerySet",
    "CaseQuerySet",
    "CaseTransferQuerySet",
    "ConsentQuerySet",
    "EnrolmentQuerySet",
    "FollowUpVisitQuerySet",
    "ReferralQuerySet",
    "SustainabilityScoreQuerySet",
    "scope_q",
]
