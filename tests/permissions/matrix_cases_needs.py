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
