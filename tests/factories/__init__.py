from .accounts import InstitutionFactory, UserFactory
from .directory import LocationFactory, OrganizationFactory, ServiceFactory

__all__ = [
    "InstitutionFactory",
    "LocationFactory",
    "OrganizationFactory",
    "ServiceFactory",
    "UserFactory",
]
