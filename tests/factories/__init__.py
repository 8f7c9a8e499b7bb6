from .accounts import InstitutionFactory, UserFactory
from .aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory
from .cases import BeneficiaryFactory, CaseFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory

__all__ = [
    "AidFileFactory",
    "BeneficiaryFactory",
    "CaseFactory",
    "EnrolmentFactory",
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "ProgrammeFactory",
    "ServiceFactory",
    "UserFactory",
]
