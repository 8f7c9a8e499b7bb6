from .accounts import InstitutionFactory, UserFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory

__all__ = [
    "BeneficiaryFactory",
    "CaseFactory",
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "ServiceFactory",
    "UserFactory",
]
