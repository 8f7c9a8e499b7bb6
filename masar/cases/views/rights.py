"""Duplicates and merges, emergencies without consent, subject access and erasure, attachments."""


def case_context(request, case) -> dict:
    """Context for the case page's rights panel (template cases/panels/rights_case.html)."""
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's rights panel (cases/panels/rights_beneficiary.html)."""
    return {}


urlpatterns: list = []
