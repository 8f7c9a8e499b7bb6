"""Scoped reads of the case records (``visible_to``), one module per concept."""

from .aid import AidFileQuerySet, EnrolmentQuerySet
from .cases import BeneficiaryQuerySet, CaseQuerySet, ConsentQuerySet, scope_q

__all__ = [
    "AidFileQuerySet",
    "BeneficiaryQuerySet",
    "CaseQuerySet",
    "ConsentQuerySet",
    "EnrolmentQuerySet",
    "scope_q",
]
