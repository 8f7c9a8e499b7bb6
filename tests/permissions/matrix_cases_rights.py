"""Permission matrix rows for the data-rights pages and API operations (see test_matrix.py).

Objects are created lazily: a consenting person registered by the OTE Sfax antenna (out of
scope for conseiller.tunis: 404). Exports and the duplicate search are for case staff;
merges, emergency decisions and erasures for the supervisor only (403 for the others).
"""

from . import CASE_STAFF, SFAX_CASE_STAFF

SUPERVISOR = frozenset({"superviseur"})


def _sfax_person(personas):
    from tests.factories.cases import BeneficiaryFactory

    return BeneficiaryFactory(actor=personas("conseiller.sfax"), consent=True)


def _person(personas):
    return {"pk": _sfax_person(personas).pk}


def _emergency(personas):
    from tests.factories.cases import BeneficiaryFactory
    from tests.factories.rights import EmergencyFactory

    counsellor = personas("conseiller.sfax")
    person = BeneficiaryFactory(actor=counsellor)
    return {"pk": EmergencyFactory(actor=counsellor, beneficiary=person).pk}


def _person_path(suffix):
    return lambda personas: f"/api/v1/beneficiaries/{_sfax_person(personas).pk}{suffix}"


MATRIX = {
    "cases:beneficiary-duplicates": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:beneficiary-merge": {"allowed": SUPERVISOR, "kwargs": _person},
    "cases:emergency-request": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:emergency-decide": {
        "allowed": SUPERVISOR,
        "method": "post",
        "kwargs": _emergency,
        "data": {"decision": "approve"},
        "order": 500,
    },
    "cases:subject-access-json": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:subject-access-pdf": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:beneficiary-erase": {"allowed": SUPERVISOR, "kwargs": _person},
    "GET /api/v1/beneficiaries/duplicates": {
        "allowed": CASE_STAFF,
        "data": {"first_name": "Amel", "last_name": "Ben Salah"},
    },
    "GET /api/v1/beneficiaries/{beneficiary_id}/export": {
        "allowed": SFAX_CASE_STAFF,
        "path": _person_path("/export"),
    },
    "POST /api/v1/beneficiaries/{beneficiary_id}/merge": {
        "allowed": SUPERVISOR,
        "path": _person_path("/merge"),
        "data": lambda personas: {"other": str(_sfax_person(personas).pk)},
        "order": 500,
    },
}
