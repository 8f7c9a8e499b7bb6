"""Scoped reads of the case records (``visible_to``), one module per concept."""

from .cases import BeneficiaryQuerySet, CaseQuerySet, ConsentQuerySet, scope_q
from .followups import CaseTransferQuerySet, FollowUpVisitQuerySet, SustainabilityScoreQuerySet

__all__ = [
    "BeneficiaryQuerySet",
    "CaseQuerySet",
    "CaseTransferQuerySet",
    "ConsentQuerySet",
    "FollowUpVisitQuerySet",
    "SustainabilityScoreQuerySet",
    "scope_q",
]
