"""The demo needs: assessments, some flags and plans on the demo cases past reception,
deterministic and idempotent."""

import time

from django.core.management import call_command

from masar.cases import demo_needs
from masar.cases.demo import seed_cases
from masar.cases.models import (
    Case,
    CaseStatus,
    NeedsAssessment,
    PlanAction,
    PlanTrack,
    Profile,
    PsychosocialAssessment,
    VulnerabilityDetail,
    VulnerabilityFlag,
)
from masar.core.management.commands.seed_demo import seed_demo


def _totals():
    models = (
        Profile,
        NeedsAssessment,
        PsychosocialAssessment,
        VulnerabilityFlag,
        VulnerabilityDetail,
        PlanTrack,
        PlanAction,
    )
    return [m.objects.count() for m in models]


def test_demo_needs_fill_the_cases_past_reception_and_are_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_cases()
    started = time.monotonic()
    counts = demo_needs.seed()
    elapsed = time.monotonic() - started

    past = Case.objects.filter(status__in=demo_needs.PAST_RECEPTION)
    assert counts["assessments"] == past.count() == NeedsAssessment.objects.count()
    assert not NeedsAssessment.objects.exclude(case__in=past).exists()
    assert counts["psychosocial"] > 0 and counts["vulnerabilities"] > 0
    assert VulnerabilityDetail.objects.exists()
    # Plans from the plan stage on, with a business-creation track among them.
    planned = past.filter(status__in=demo_needs.WITH_PLAN)
    assert set(PlanTrack.objects.values_list("case", flat=True)) == set(
        planned.values_list("pk", flat=True)
    )
    assert PlanTrack.objects.filter(kind="business").exists()
    assert PlanAction.objects.overdue().exists()
    assert PlanAction.objects.filter(status="done").exclude(result="").exists()
    assert not PlanTrack.objects.filter(case__status=CaseStatus.RECEPTION).exists()
    assert elapsed < 30

    before = _totals()
    assert demo_needs.seed() == {}
    assert _totals() == before
