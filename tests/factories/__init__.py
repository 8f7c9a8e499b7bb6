from .accounts import InstitutionFactory, UserFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory
from .followups import CaseTransferFactory, FollowUpVisitFactory, SustainabilityScoreFactory

__all__ = [
    "BeneficiaryFactory",
    "CaseFactory",
    "CaseTransferFactory",
    "FollowUpVisitFactory",
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "ServiceFactory",
    "SustainabilityScoreFactory",
    "UserFactory",
]
