"""Permission matrix rows for follow-up visits, sustainability scores and transfers.

Objects are created lazily: a case of the OTE Sfax antenna put in support (which schedules
its visits). The Sfax case staff and the supervisor may read and write them; the Tunis
counsellor gets a 404; everyone else holds no case permission (403). Every case worker has
a "follow-ups due" page of their own scope.
"""

from . import CASE_STAFF, SFAX_CASE_STAFF


def _case(personas):
    from tests.factories.followups import case_in_support

    return case_in_support(actor=personas("conseiller.sfax"))


def _visit(personas):
    return _case(personas).follow_ups.get(month=3)


def _today():
    from django.utils import timezone

    return timezone.localdate().isoformat()


def _answers():
    from tests.factories.followups import survey_answers

    return survey_answers(0.5)


def _tunis(personas):
    personas("conseiller.tunis")  # the Tunis antenna exists
    from masar.accounts.models import Institution

    return Institution.objects.get(code="ote-tunis")


MATRIX = {
    "cases:followup-list": {"allowed": CASE_STAFF},
    "cases:followup-record": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _visit(personas).pk},
        "data": lambda personas: {"visited_on": _today(), "state": "employed", "notes": ""},
        "order": 500,
    },
    "cases:followup-reschedule": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _case(personas).pk},
        "data": lambda personas: {"reschedule-start": _today()},
        "order": 500,
    },
    "cases:score-record": {
        "allowed": SFAX_CASE_STAFF,
        "kwargs": lambda personas: {"pk": _case(personas).pk},
    },
    "cases:case-transfer": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": lambda personas: {"pk": _case(personas).pk},
        "data": lambda personas: {"to_antenna": _tunis(personas).pk, "reason": "Moved"},
        "order": 500,
    },
    "GET /api/v1/cases/{case_id}/follow-ups": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_case(personas).pk}/follow-ups",
    },
    "POST /api/v1/follow-ups/{visit_id}": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/follow-ups/{_visit(personas).pk}",
        "data": lambda personas: {"visited_on": _today(), "state": "employed"},
        "order": 500,
    },
    "GET /api/v1/cases/{case_id}/scores": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_case(personas).pk}/scores",
    },
    "POST /api/v1/cases/{case_id}/scores": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_case(personas).pk}/scores",
        "data": lambda personas: {"answers": _answers()},
        "order": 500,
    },
    "POST /api/v1/cases/{case_id}/transfer": {
        "allowed": SFAX_CASE_STAFF,
        "path": lambda personas: f"/api/v1/cases/{_case(personas).pk}/transfer",
        "data": lambda personas: {"to_antenna": _tunis(personas).code, "reason": "Moved"},
        "order": 500,
    },
}
