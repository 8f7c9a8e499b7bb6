from .accounts import InstitutionFactory, UserFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory
from .followups import CaseTransferFactory, FollowUpVisitFactory, SustainabilityScoreFactory
from .needs import (
    AssessmentFactory,
    PlanActionFactory,
    PlanTrackFactory,
    ProfileFactory,
    VulnerabilityFactory,
)
from .referrals import ReferralFactory

__all__ = [
    "AssessmentFactory",
    "BeneficiaryFactory",
    "CaseFactory",
    "CaseTransferFactory",
    "FollowUpVisitFactory",
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "PlanActionFactory",
    "PlanTrackFactory",
    "ProfileFactory",
    "ReferralFactory",
    "ServiceFactory",
    "SustainabilityScoreFactory",
    "UserFactory",
    "VulnerabilityFactory",
]
