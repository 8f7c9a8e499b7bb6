"""Permission matrix rows for programmes, enrolments and aid files (see test_matrix.py).

Objects are built lazily by the callables, in the OTE Sfax antenna by its counsellor.
Programmes are national reference data: whoever holds VIEW_PROGRAMMES sees them;
MANAGE_PROGRAMMES edits them (supervisor, M&E officer). Enrolments and aid files are seen
through their case (conseiller.tunis gets a 404 on Sfax ones); only the supervisor overrides
eligibility, decides aid and records disbursements.
"""

from . import SFAX_CASE_STAFF

PROGRAMME_VIEWERS = frozenset(
    {"conseiller.sfax", "conseiller.tunis", "social.sfax", "superviseur", "suivi"}
)
PROGRAMME_MANAGERS = frozenset({"superviseur", "suivi"})
DECIDERS = frozenset({"superviseur"})


def _today() -> str:
    from django.utils import timezone

    return timezone.localdate().isoformat()


def _programme(personas):
    from tests.factories.aid import ProgrammeFactory

    return ProgrammeFactory()


def _sfax_case(personas):
    from tests.factories.cases import CaseFactory

    return CaseFactory(actor=personas("conseiller.sfax"))


def _ineligible(personas):
    from tests.factories.aid import EnrolmentFactory

    return EnrolmentFactory(actor=personas("conseiller.sfax"), eligible=False)


def _eligible(personas):
    from tests.factories.aid import EnrolmentFactory

    return EnrolmentFactory(actor=personas("conseiller.sfax"))


def _aid(personas, *, submit=False, approve=False):
    from masar.cases.actions.aid import decide_aid_file
    from tests.factories.aid import AidFileFactory

    aid = AidFileFactory(actor=personas("conseiller.sfax"), submit=submit or approve)
    if approve:
        decide_aid_file(actor=None, aid_file=aid, approve=True)
    return aid


def _aid_path(suffix="", **kwargs):
    return lambda personas: f"/api/v1/aid-files/{_aid(personas, **kwargs).pk}{suffix}"


MATRIX = {
    # Programmes (monitoring)
    "monitoring:programme-list": {"allowed": PROGRAMME_VIEWERS},
    "monitoring:programme-detail": {
        "allowed": PROGRAMME_VIEWERS,
        "kwargs": lambda personas: {"pk": _programme(personas).pk},
    },
    "monitoring:programme-edit": {
        "allowed": PROGRAMME_MANAGERS,
        "kwargs": lambda personas: {"pk": _programme(personas).pk},
    },
    # Enrolments and aid files (pages)
    "cases:enrolment-create": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _sfax_case(personas).pk},
        "data": lambda personas: {"programme": str(_programme(personas).pk)},
        "order": 500,
    },
    "cases:enrolment-override": {
        "allowed": DECIDERS,
        "method": "post",
        "kwargs": lambda personas: {"pk": _ineligible(personas).pk},
        "data": {"reason": "Returned from Libya after ten years in Italy"},
        "order": 500,
    },
    "cases:aid-create": {
        "allowed": SFAX_CASE_STAFF,
        "kwargs": lambda personas: {"pk": _eligible(personas).case_id},
    },
    "cases:aid-detail": {
        "allowed": SFAX_CASE_STAFF,
        "kwargs": lambda personas: {"pk": _aid(personas).pk},
    },
    "cases:aid-document-add": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _aid(personas).pk},
        "data": {"kind": "quote"},
        "order": 500,
    },
    "cases:aid-submit": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _aid(personas).pk},
        "order": 500,
    },
    "cases:aid-decide": {
        "allowed": DECIDERS,
        "method": "post",
        "kwargs": lambda personas: {"pk": _aid(personas, submit=True).pk},
        "data": {"decision": "approve"},
        "order": 500,
    },
    "cases:aid-contract": {
        "allowed": SFAX_CASE_STAFF,
        # A draft: the page answers with a message (no PDF rendered for every persona).
        "kwargs": lambda personas: {"pk": _aid(personas).pk, "lang": "fr"},
        "order": 500,
    },
    "cases:aid-tranche-add": {
        "allowed": DECIDERS,
        "method": "post",
        "kwargs": lambda personas: {"pk": _aid(personas, approve=True).pk},
        "data": {"amount": "100", "paid_on": "2099-01-01", "reference": "VIR-1"},
        "order": 500,
    },
    # API
    "GET /api/v1/aid-files": {"allowed": frozenset(SFAX_CASE_STAFF | {"conseiller.tunis"})},
    "GET /api/v1/aid-files/{aid_file_id}": {
        "allowed": SFAX_CASE_STAFF,
        "path": _aid_path(),
    },
    "POST /api/v1/aid-files": {
        "allowed": SFAX_CASE_STAFF,
        "data": lambda personas: {
            "enrolment": str(_eligible(personas).pk),
            "kind": "training",
            "amount": "1200.500",
        },
        "order": 500,
    },
    "POST /api/v1/aid-files/{aid_file_id}/submit": {
        "allowed": SFAX_CASE_STAFF,
        "path": _aid_path("/submit"),
        "order": 500,
    },
    "POST /api/v1/aid-files/{aid_file_id}/decision": {
        "allowed": DECIDERS,
        "path": _aid_path("/decision", submit=True),
        "data": {"decision": "reject", "reason": "Quotes missing"},
        "order": 500,
    },
    "POST /api/v1/aid-files/{aid_file_id}/tranches": {
        "allowed": DECIDERS,
        "path": _aid_path("/tranches", approve=True),
        "data": lambda personas: {
            "amount": "100",
            "paid_on": _today(),
            "reference": "VIR-1",
        },
        "order": 500,
    },
    "GET /api/v1/aid-files/{aid_file_id}/contract": {
        "allowed": SFAX_CASE_STAFF,
        "path": _aid_path("/contract?language=fr", approve=True),
        "order": 500,
    },
    "POST /api/v1/cases/{case_id}/enrolments": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_sfax_case(personas).pk}/enrolments",
        "data": lambda personas: {"programme": _programme(personas).code},
        "order": 500,
    },
    "POST /api/v1/enrolments/{enrolment_id}/override": {
        "allowed": DECIDERS,
        "path": lambda personas: f"/api/v1/enrolments/{_ineligible(personas).pk}/override",
        "data": {"reason": "Returned from Libya after ten years in Italy"},
        "order": 500,
    },
}
