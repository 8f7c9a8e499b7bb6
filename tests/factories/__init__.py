from .accounts import InstitutionFactory, UserFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory
from .referrals import ReferralFactory

__all__ = [
    "BeneficiaryFactory",
    "CaseFactory",
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "ReferralFactory",
    "ServiceFactory",
    "UserFactory",
]
