"""Demo data for referrals, added to the demo cases by seed_demo (idempotent: a second run
creates nothing).

Cases in plan, support or follow-up in each antenna are referred, by the antenna's
counsellor, to the partner institutions of their governorate (the ANETI office, the CPS, and
in Sfax the Espace Entreprendre and the microfinance institution), and the referrals are
taken through every state by the receiving officers (aneti.sfax, cps.sfax; the system where
an institution has no demo login): sent, accepted, declined, completed on time or late,
cancelled — some past their due date — with the person's feedback on most completed ones.
Everything goes through the actions; the dates are then moved into the past so that the
delays and the overdue ones look real. Deterministic (seeded random), a case that already
has a referral is left alone.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import Institution, User
from masar.accounts.policy import ROLE_PERMISSIONS, Perm

from .actions import referrals as actions
from .models import Case, Referral

SEED = "masar-demo-referrals"
# antenna: receiving institutions, the first ones more often
PARTNERS = {
    "ote-sfax": ("aneti-sfax", "cps-sfax", "aneti-sfax", "ee-sfax", "enda-sfax", "cps-sfax"),
    "ote-tunis": ("aneti-tunis", "cps-tunis", "aneti-tunis", "cies-tunisie"),
    "ote-medenine": ("aneti-medenine", "cps-medenine"),
}
REFERRED_STATUSES = ("plan", "support", "follow_up")
REASONS = {
    "aneti": (
        "Registration as a job seeker; experience in construction abroad (6 years).",
        "Looking for a salaried job in mechanics; needs the ANETI registration card.",
        "Wants the SIVP placement scheme; holds a vocational diploma in electricity.",
    ),
    "cps": (
        "Social enquiry requested before the social aid file; household of five.",
        "Family in difficulty since the return; needs the CPS social support.",
        "Social enquiry for the free-care card (AMG) request.",
    ),
    "espace_entreprendre": (
        "Business project (small grocery): coaching on the business plan.",
        "Training on business creation before the in-kind start-up aid.",
    ),
    "microfinance": (
        "Microcredit to complete the start-up aid for a sewing workshop.",
        "Small loan for agricultural equipment (olive harvest).",
    ),
    "cso": ("Psychosocial support group for returnees; first contact.",),
}
OUTCOMES = (
    "Registered; two job interviews arranged.",
    "Social enquiry done; report sent to the antenna.",
    "Coaching sessions held; business plan ready.",
    "Microcredit granted.",
    "Followed the training (3 weeks); certificate issued.",
)
DECLINES = (
    "Outside our area: the person lives in another delegation.",
    "No place left in the programme this quarter.",
    "The person did not come to the two appointments offered.",
)
# The life each referral is given, in turn.
SCENARIOS = (
    "completed",
    "sent",
    "accepted",
    "completed_late",
    "sent_overdue",
    "declined",
    "accepted_overdue",
    "completed",
    "cancelled",
    "sent",
)


def _officers() -> dict[int, User]:
    roles = [r for r, perms in ROLE_PERMISSIONS.items() if Perm.HANDLE_REFERRALS in perms]
    officers: dict[int, User] = {}
    for user in User.objects.filter(is_active=True, role_assignments__role__in=roles).order_by(
        "username"
    ):
        officers.setdefault(user.institution_id, user)
    return officers


def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    institutions = {
        i.code: i
        for i in Institution.objects.filter(code__in={c for p in PARTNERS.values() for c in p})
    }
    cases = list(
        Case.objects.filter(antenna__code__in=PARTNERS, status__in=REFERRED_STATUSES)
        .exclude(referrals__isnull=False)
        .select_related("antenna", "counsellor", "beneficiary")
        .order_by("antenna__code", "beneficiary__cin", "pk")
    )
    if not cases or not institutions:
        return {}
    officers = _officers()
    rng = random.Random(SEED)  # noqa: S311 — demo data, not security
    created = {"referrals": 0}
    with transaction.atomic():
        for n, case in enumerate(cases):
            key = random.Random(f"{SEED}:{case.beneficiary.cin or case.pk}")  # noqa: S311
            if key.random() < 0.35:
                continue  # not every case is referred
            codes = [c for c in PARTNERS[case.antenna.code] if c in institutions]
            if not codes or case.counsellor is None:
                continue
            institution = institutions[key.choice(codes)]
            scenario = SCENARIOS[(n + rng.randrange(len(SCENARIOS))) % len(SCENARIOS)]
            _referral(case, institution, scenario, key, officers.get(institution.pk))
            created["referrals"] += 1
    return created if created["referrals"] else {}


def _referral(case, institution, scenario, rng, officer):
    now = timezone.now()
    sender = case.counsellor
    reasons = REASONS.get(institution.kind, REASONS["cso"])
    referral = actions.send_referral(
        actor=sender,
        case=case,
        institution=institution,
        reason=rng.choice(reasons),
        due_date=timezone.localdate() + timedelta(days=21),
        notify=False,
    )
    overdue = scenario.endswith("overdue") or scenario == "completed_late"
    # Move the referral into the past: sent 5–60 days ago, due 14–30 days after sending.
    sent_days_ago = rng.randint(35, 60) if overdue else rng.randint(3, 12)
    sent_at = now - timedelta(days=sent_days_ago, hours=rng.randint(0, 8))
    due_in = rng.randint(14, 30) if not overdue else rng.randint(10, sent_days_ago - 15)
    dates = {"sent_at": sent_at, "due_date": (sent_at + timedelta(days=due_in)).date()}
    if scenario.startswith(("accepted", "completed", "declined")):
        if scenario == "declined":
            referral = actions.decline_referral(
                actor=officer, referral=referral, reason=rng.choice(DECLINES)
            )
        else:
            referral = actions.accept_referral(actor=officer, referral=referral)
        dates["responded_at"] = sent_at + timedelta(days=rng.randint(1, 4), hours=rng.randint(1, 6))
    if scenario.startswith("completed"):
        referral = actions.complete_referral(
            actor=officer, referral=referral, outcome=rng.choice(OUTCOMES)
        )
        late = scenario == "completed_late"
        took = due_in + rng.randint(3, 10) if late else rng.randint(5, max(6, due_in - 1))
        dates["completed_at"] = min(now, sent_at + timedelta(days=took, hours=2))
        if rng.random() < 0.7:
            satisfaction = rng.choice((3, 4, 4, 5, 5)) if rng.random() < 0.85 else None
            referral = actions.record_referral_feedback(
                actor=sender,
                referral=referral,
                received=satisfaction is not None,
                satisfaction=satisfaction,
                comment="",
            )
    if scenario == "cancelled":
        referral = actions.cancel_referral(
            actor=sender, referral=referral, reason="The person found a job on their own."
        )
        dates["cancelled_at"] = sent_at + timedelta(days=rng.randint(2, 6))
    Referral.objects.filter(pk=referral.pk).update(**dates)
    return referral
