"""Referrals to partner institutions and their inboxes."""


def case_context(request, case) -> dict:
    """Context for the case page's referrals panel (template cases/panels/referrals_case.html)."""
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's referrals panel (cases/panels/referrals_beneficiary.html)."""
    return {}


urlpatterns: list = []
