"""Permission matrix rows for the case pages (see test_matrix.py for the format).

Objects are created lazily by the ``kwargs`` callables: a consenting person registered by
the OTE Sfax antenna and, where needed, their case opened there. Counsellors see their own
antenna (conseiller.tunis gets a 404 on Sfax records); the supervisor (OTE headquarters)
sees every antenna under it. System administrators, institution administrators, partner
officers, mediators, M&E officers and analysts hold no case permission (403).
"""

from . import CASE_STAFF, SFAX_CASE_STAFF


def _sfax_person(personas):
    from tests.factories.cases import BeneficiaryFactory

    return BeneficiaryFactory(actor=personas("conseiller.sfax"), consent=True)


def _person(personas):
    return {"pk": _sfax_person(personas).pk}


def _case(personas):
    from tests.factories.cases import CaseFactory

    return {"pk": CaseFactory(actor=personas("conseiller.sfax")).pk}


MATRIX = {
    "cases:case-list": {"allowed": CASE_STAFF},
    "cases:beneficiary-register": {"allowed": CASE_STAFF},
    "cases:beneficiary-detail": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:beneficiary-edit": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:consent-record": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:case-detail": {"allowed": SFAX_CASE_STAFF, "kwargs": _case},
    "cases:case-open": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _person,
        "order": 500,
    },
    "cases:case-status": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _case,
        "data": {"to": "assessment"},
        "order": 500,
    },
}
