"""Permission matrix rows for the profile, the needs assessment, vulnerabilities and the plan
(see test_matrix.py for the format).

Objects are created lazily by the ``kwargs`` callables, in the OTE Sfax antenna, by its
counsellor. Case staff of Sfax (and the headquarters supervisor) use them; the Tunis
counsellor gets a 404; everyone else a 403. The psychosocial assessment and the details
behind a vulnerability flag need cases.view_health: the Sfax counsellor gets a 403 there.
"""

from . import SFAX_CASE_STAFF

HEALTH_STAFF = frozenset({"social.sfax", "superviseur"})


def _sfax(personas):
    return personas("conseiller.sfax")


def _person(personas):
    from tests.factories.cases import BeneficiaryFactory

    return {"pk": BeneficiaryFactory(actor=_sfax(personas), consent=True).pk}


def _case(personas):
    from tests.factories.cases import CaseFactory

    return {"pk": CaseFactory(actor=_sfax(personas)).pk}


def _assessment(personas):
    from tests.factories.needs import AssessmentFactory

    return {"pk": AssessmentFactory(actor=_sfax(personas)).pk}


def _flag(personas):
    from tests.factories.needs import VulnerabilityFactory

    return {"pk": VulnerabilityFactory(actor=_sfax(personas), kind="mental_health").pk}


def _track(personas):
    from tests.factories.needs import PlanTrackFactory

    return {"pk": PlanTrackFactory(actor=_sfax(personas)).pk}


def _action(personas):
    from tests.factories.needs import PlanActionFactory

    return {"pk": PlanActionFactory(actor=_sfax(personas)).pk}


MATRIX = {
    "cases:profile-edit": {"allowed": SFAX_CASE_STAFF, "kwargs": _person},
    "cases:assessment-add": {"allowed": SFAX_CASE_STAFF, "kwargs": _case},
    "cases:assessment-detail": {"allowed": SFAX_CASE_STAFF, "kwargs": _assessment},
    "cases:psychosocial-edit": {"allowed": HEALTH_STAFF, "kwargs": _assessment},
    "cases:vulnerability-detail": {"allowed": HEALTH_STAFF, "kwargs": _flag},
    "cases:track-edit": {"allowed": SFAX_CASE_STAFF, "kwargs": _track},
    "cases:plan-action-add": {"allowed": SFAX_CASE_STAFF, "kwargs": _track},
    "cases:plan-action-edit": {"allowed": SFAX_CASE_STAFF, "kwargs": _action},
    "cases:vulnerability-add": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _case,
        "data": {"kind": "minor"},
        "order": 500,
    },
    "cases:vulnerability-lift": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _flag,
        "order": 500,
    },
    "cases:track-add": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _case,
        "data": {"kind": "employment"},
        "order": 500,
    },
}


def _case_path(suffix):
    def make(personas):
        from tests.factories.cases import CaseFactory

        return f"/api/v1/cases/{CaseFactory(actor=_sfax(personas)).pk}/{suffix}"

    return make


def _action_body(personas):
    from tests.factories.accounts import InstitutionFactory

    return {
        "track": "business",
        "description": "Formation CEFE",
        "institution": InstitutionFactory().code,
        "due_date": "2030-01-15",
    }


MATRIX |= {
    "GET /api/v1/cases/{case_id}/plan": {"allowed": SFAX_CASE_STAFF, "path": _case_path("plan")},
    "POST /api/v1/cases/{case_id}/plan/actions": {
        "allowed": SFAX_CASE_STAFF,
        "path": _case_path("plan/actions"),
        "data": _action_body,
        "order": 500,
    },
}
