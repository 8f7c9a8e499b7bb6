"""Demo follow-ups: intake scores, visits recorded with scores that move, some overdue;
deterministic and idempotent."""

import time

from django.core.management import call_command
from django.db.models import Count

from masar.cases import demo_followups
from masar.cases.demo import seed_cases
from masar.cases.models import Case, FollowUpVisit, SustainabilityScore
from masar.core.management.commands.seed_demo import seed_demo


def test_demo_followups_seed(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_cases()
    started = time.monotonic()
    counts = demo_followups.seed()
    elapsed = time.monotonic() - started

    assert counts["intake scores"] >= 60
    assert counts["visit records"] == counts["follow-up scores"] >= 20
    assert FollowUpVisit.objects.overdue().exists()  # some left for the counsellors' lists
    assert FollowUpVisit.objects.filter(visited_on__isnull=False).count() == counts["visit records"]
    # Scores move between intake and the visits.
    moving = Case.objects.annotate(n=Count("scores")).filter(n__gte=2).values_list("pk", flat=True)
    assert moving
    assert any(
        len(set(SustainabilityScore.objects.filter(case=pk).values_list("composite", flat=True)))
        > 1
        for pk in moving
    )
    # Visits recorded in the counsellor's name, in every antenna holding such cases.
    assert (
        FollowUpVisit.objects.filter(visited_on__isnull=False, case__antenna__code="ote-sfax")
        .exclude(recorded_by__username="conseiller.sfax")
        .count()
        == 0
    )
    assert elapsed < 30

    again = demo_followups.seed()
    assert set(again.values()) == {0}
