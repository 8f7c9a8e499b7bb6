from .accounts import InstitutionFactory, UserFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory
from .rights import EmergencyFactory, ErasureFactory, MergeFactory

__all__ = [
    "BeneficiaryFactory",
    "CaseFactory",
    "EmergencyFactory",
    "ErasureFactory",
    "InstitutionFactory",
    "LocationFactory",
    "MergeFactory",
    "OrganizationFactory",
    "ServiceFactory",
    "UserFactory",
]
