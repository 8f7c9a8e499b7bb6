"""Permission matrix rows for the case operations of the API (see test_matrix.py).

Objects are created lazily by the ``path``/``data`` callables: a consenting person
registered by the OTE Sfax antenna and, where needed, their case opened there. Counsellors
see their own antenna (conseiller.tunis gets a 404 on Sfax records, including when naming a
Sfax person in the body of POST /cases); the supervisor (OTE headquarters) sees every antenna
under it. Everyone else holds no case permission (403).
"""

from . import CASE_STAFF, SFAX_CASE_STAFF


def _sfax_person(personas):
    from tests.factories.cases import BeneficiaryFactory

    return BeneficiaryFactory(actor=personas("conseiller.sfax"), consent=True)


def _sfax_case(personas):
    from tests.factories.cases import CaseFactory

    return CaseFactory(actor=personas("conseiller.sfax"))


MATRIX = {
    "GET /api/v1/cases": {"allowed": CASE_STAFF, "data": {"limit": 5}},
    "GET /api/v1/cases/{case_id}": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_sfax_case(personas).pk}",
    },
    "POST /api/v1/cases": {
        "allowed": SFAX_CASE_STAFF,
        "data": lambda personas: {"beneficiary": str(_sfax_person(personas).pk)},
        "order": 500,
    },
    "POST /api/v1/cases/{case_id}/status": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_sfax_case(personas).pk}/status",
        "data": {"to": "assessment"},
        "order": 500,
    },
    "GET /api/v1/beneficiaries/{beneficiary_id}": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/beneficiaries/{_sfax_person(personas).pk}",
    },
    "POST /api/v1/beneficiaries": {
        "allowed": CASE_STAFF,
        "data": {"first_name": "Amel", "last_name": "Ben Salah", "phone": "98123456"},
        "order": 500,
    },
    "POST /api/v1/beneficiaries/{beneficiary_id}/consents": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/beneficiaries/{_sfax_person(personas).pk}/consents",
        "data": {
            "purposes": {"case_management": True},
            "text_version": "tounesna-consent-fr-v1",
            "language": "fr",
        },
        "order": 500,
    },
}
