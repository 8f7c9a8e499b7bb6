"""Demo follow-ups and sustainability scores, added to the demo cases by seed_demo.

- an intake score for most open cases past reception;
- for cases in support or follow-up: support dated back one to fourteen months (the visits
  follow), most visits that have fallen due recorded — with a survey whose score moves —
  and a few left overdue for the counsellor's list.

Built through the actions in the name of each case's counsellor (the headquarters
supervisor where there is none). Deterministic (a random generator seeded by the person's
card number) and idempotent: a case with an intake score is not scored again, a recorded
visit is not recorded again, and rescheduling to the same dates writes nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import User

from .actions import followups
from .models import Case, CaseStatus, FollowUpVisit, ScoreOccasion
from .scoring import instrument

SEED = "masar-demo-followups"
FALLBACK_ACTOR = "superviseur"
INTAKE_SHARE = 0.8  # of open cases past reception
RECORD_SHARE = 0.8  # of the visits that have fallen due
# How long ago support started, in days, by status.
SUPPORT_AGE = {CaseStatus.SUPPORT: (30, 210), CaseStatus.FOLLOW_UP: (200, 430)}


def _rng(key: str) -> random.Random:
    return random.Random(f"{SEED}:{key}")  # noqa: S311 — demo data, not security


def _answers(rng, level: float) -> dict[str, str]:
    """Answers around ``level`` (0 worst, 1 best), each question with its own noise."""
    out = {}
    for question in instrument().questions:
        options = question["options"]
        x = min(1.0, max(0.0, level + rng.gauss(0, 0.15)))
        out[question["id"]] = options[round(x * (len(options) - 1))]["value"]
    return out


def _state(rng, level: float) -> str:
    if level >= 0.65:
        return rng.choice(["business_growing", "employed", "business_running"])
    if level >= 0.4:
        return rng.choice(["business_running", "business_difficulty", "in_training"])
    return rng.choice(["business_difficulty", "business_stopped", "unemployed"])


def _plan(case, today):
    """Every random draw for a case, made up front so that reruns draw the same."""
    rng = _rng(case.beneficiary.cin or str(case.beneficiary.pk))
    low, high = SUPPORT_AGE.get(case.status, (0, 0))
    plan = {
        "intake": rng.random() < INTAKE_SHARE,
        "level": rng.uniform(0.15, 0.45),
        "support_days": rng.randint(low, high) if high else 0,
        "intake_before": rng.randint(10, 45),
        "visits": [],
        "rng": rng,
    }
    for _month in (3, 6, 12):
        plan["visits"].append(
            {
                "record": rng.random() < RECORD_SHARE,
                "delay": rng.randint(0, 12),
                "step": rng.uniform(-0.08, 0.2),
            }
        )
    return plan


def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    counts = {"intake scores": 0, "visit records": 0, "follow-up scores": 0}
    today = timezone.localdate()
    fallback = User.objects.filter(username=FALLBACK_ACTOR).first()
    cases = (
        Case.objects.open()
        .exclude(status=CaseStatus.RECEPTION)
        .select_related("beneficiary", "counsellor")
        .order_by("beneficiary__cin", "pk")
    )
    intakes = set(
        Case.objects.filter(scores__occasion=ScoreOccasion.INTAKE).values_list("pk", flat=True)
    )
    with transaction.atomic():
        for case in cases:
            actor = case.counsellor or fallback
            if actor is None:
                continue
            plan = _plan(case, today)
            rng, level = plan["rng"], plan["level"]
            start = today - datetime.timedelta(days=plan["support_days"])
            if plan["intake"] and case.pk not in intakes:
                followups.record_score(
                    actor=actor,
                    case=case,
                    answers=_answers(rng, level),
                    taken_on=start - datetime.timedelta(days=plan["intake_before"])
                    if plan["support_days"]
                    else today,
                )
                counts["intake scores"] += 1
            if not plan["support_days"]:
                continue
            followups.reschedule_follow_ups(actor=actor, case=case, start=start)
            visits = FollowUpVisit.objects.filter(case=case).order_by("month")
            for visit, draw in zip(visits, plan["visits"], strict=False):
                level = min(1.0, max(0.0, level + draw["step"]))
                if visit.is_done or visit.due_on > today or not draw["record"]:
                    continue
                visited_on = min(today, visit.due_on + datetime.timedelta(days=draw["delay"]))
                followups.record_follow_up(
                    actor=actor,
                    visit=visit,
                    visited_on=visited_on,
                    state=_state(rng, level),
                    notes="",
                    answers=_answers(rng, level),
                )
                counts["visit records"] += 1
                counts["follow-up scores"] += 1
    return counts
