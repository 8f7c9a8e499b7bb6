"""Needs assessment, vulnerabilities and the reintegration plan."""


def case_context(request, case) -> dict:
    """Context for the case page's needs panel (template cases/panels/needs_case.html)."""
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's needs panel (cases/panels/needs_beneficiary.html)."""
    return {}


urlpatterns: list = []
