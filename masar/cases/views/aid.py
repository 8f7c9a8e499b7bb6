"""Aid files, committee decisions, contracts and disbursements."""


def case_context(request, case) -> dict:
    """Context for the case page's aid panel (template cases/panels/aid_case.html)."""
    return {}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's aid panel (cases/panels/aid_beneficiary.html)."""
    return {}


urlpatterns: list = []
