"""Follow-up visits, the sustainability score and case transfers."""


def case_context(request, case) -> dict:
    """Context for the case page's followups panel (template cases/panels/followups_case.html)."""
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's followups panel (cases/panels/followups_beneficiary.html)."""
    return {}


urlpatterns: list = []
