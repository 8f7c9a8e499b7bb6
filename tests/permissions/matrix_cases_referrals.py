"""Permission matrix rows for referrals, pages and API (see test_matrix.py).

Objects are created lazily: a case opened at the OTE Sfax antenna by its counsellor and
referred to the ANETI office in Sfax (the inbox of aneti.sfax). Case staff of Sfax (and the
headquarters supervisor) see it; the Tunis counsellor gets a 404; the Sfax CPS officer, a
partner officer of another institution, gets a 404 too. Only the receiving officers answer;
only case staff cancel and record feedback; figures are for supervisors and M&E officers.
"""

from . import CASE_STAFF, SFAX_CASE_STAFF

RECEIVER = frozenset({"aneti.sfax"})
PARTNERS = frozenset({"aneti.sfax", "cps.sfax"})
FIGURES = frozenset({"superviseur", "suivi"})


def _case(personas):
    from tests.factories.cases import CaseFactory

    return CaseFactory(actor=personas("conseiller.sfax"))


def _referral(personas, *, accepted=False):
    from masar.cases.actions.referrals import accept_referral
    from tests.factories.referrals import ReferralFactory

    referral = ReferralFactory(
        actor=personas("conseiller.sfax"),
        case=_case(personas),
        institution=personas.institution("aneti-sfax"),
    )
    if accepted:
        referral = accept_referral(actor=personas("aneti.sfax"), referral=referral)
    return referral


def _pk(personas):
    return {"pk": _referral(personas).pk}


def _accepted_pk(personas):
    return {"pk": _referral(personas, accepted=True).pk}


def _api(suffix="", accepted=False):
    return lambda personas: f"/api/v1/referrals/{_referral(personas, accepted=accepted).pk}{suffix}"


def _new_referral(personas):
    from datetime import timedelta

    from django.utils import timezone

    personas.institution("aneti-sfax")
    return {
        "case": str(_case(personas).pk),
        "institution": "aneti-sfax",
        "reason": "Registration as a job seeker.",
        "due_date": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }


MATRIX = {
    "cases:referral-send": {"allowed": SFAX_CASE_STAFF, "kwargs": lambda p: {"pk": _case(p).pk}},
    "cases:referral-inbox": {"allowed": PARTNERS},
    "cases:referral-figures": {"allowed": FIGURES},
    "cases:referral-detail": {"allowed": SFAX_CASE_STAFF | RECEIVER, "kwargs": _pk},
    "cases:referral-accept": {
        "allowed": RECEIVER,
        "method": "post",
        "kwargs": _pk,
        "order": 500,
    },
    "cases:referral-decline": {
        "allowed": RECEIVER,
        "method": "post",
        "kwargs": _pk,
        "data": {"reason": "No vacancy in this field."},
        "order": 500,
    },
    "cases:referral-complete": {
        "allowed": RECEIVER,
        "method": "post",
        "kwargs": _accepted_pk,
        "data": {"outcome": "Registered; two interviews arranged."},
        "order": 500,
    },
    "cases:referral-cancel": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _pk,
        "order": 500,
    },
    "cases:referral-feedback": {
        "allowed": SFAX_CASE_STAFF,
        "method": "post",
        "kwargs": _accepted_pk,
        "data": {"received": "yes", "satisfaction": "4"},
        "order": 500,
    },
    "GET /api/v1/referrals": {"allowed": CASE_STAFF | PARTNERS, "data": {"limit": 5}},
    "GET /api/v1/referral-figures": {"allowed": FIGURES},
    "GET /api/v1/referrals/{referral_id}": {
        "allowed": SFAX_CASE_STAFF | RECEIVER,
        "path": _api(),
    },
    "POST /api/v1/referrals": {
        "allowed": SFAX_CASE_STAFF,
        "data": _new_referral,
        "order": 500,
    },
    "POST /api/v1/referrals/{referral_id}/accept": {
        "allowed": RECEIVER,
        "path": _api("/accept"),
        "order": 500,
    },
    "POST /api/v1/referrals/{referral_id}/decline": {
        "allowed": RECEIVER,
        "path": _api("/decline"),
        "data": {"reason": "No vacancy in this field."},
        "order": 500,
    },
    "POST /api/v1/referrals/{referral_id}/complete": {
        "allowed": RECEIVER,
        "path": _api("/complete", accepted=True),
        "data": {"outcome": "Registered."},
        "order": 500,
    },
    "POST /api/v1/referrals/{referral_id}/cancel": {
        "allowed": SFAX_CASE_STAFF,
        "path": _api("/cancel"),
        "order": 500,
    },
    "POST /api/v1/referrals/{referral_id}/feedback": {
        "allowed": SFAX_CASE_STAFF,
        "path": _api("/feedback", accepted=True),
        "data": {"received": True, "satisfaction": 5},
        "order": 500,
    },
}
