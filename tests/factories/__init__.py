from .accounts import InstitutionFactory, UserFactory

__all__ = ["InstitutionFactory", "UserFactory"]
