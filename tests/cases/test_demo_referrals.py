"""The demo referrals: every state, some overdue, to the Sfax ANETI office and CPS among
others, deterministic and idempotent."""

import time

from django.core.management import call_command
from django.db.models import Count

from masar.cases import demo_referrals
from masar.cases.demo import seed_cases
from masar.cases.models import CaseEvent, Referral, ReferralStatus
from masar.core.management.commands.seed_demo import seed_demo


def test_seed_referrals_every_state_some_overdue_and_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_cases()
    started = time.monotonic()
    created = demo_referrals.seed()
    elapsed = time.monotonic() - started

    assert created["referrals"] == Referral.objects.count() >= 30
    assert set(Referral.objects.values_list("status", flat=True)) == set(ReferralStatus.values)
    codes = set(Referral.objects.values_list("institution__code", flat=True))
    assert {"aneti-sfax", "cps-sfax", "aneti-tunis"} <= codes
    assert Referral.objects.overdue().exists()
    assert Referral.objects.filter(status="completed", feedback_at__isnull=False).exists()
    # Answered by the receiving officers where the institution has a demo login.
    answered = Referral.objects.filter(institution__code="aneti-sfax", responded_at__isnull=False)
    assert set(answered.values_list("responded_by__username", flat=True)) == {"aneti.sfax"}
    # Each referral is on its case's timeline.
    sent = CaseEvent.objects.filter(kind="referral_sent").count()
    assert sent == Referral.objects.count()
    # Delays look real: figures per institution have a median delay.
    rows = {r["institution__code"]: r for r in Referral.objects.figures_by_institution()}
    assert rows["aneti-sfax"]["median_to_accept_days"] is not None
    assert elapsed < 10

    totals = (Referral.objects.count(), CaseEvent.objects.count())
    assert demo_referrals.seed() == {}
    assert (Referral.objects.count(), CaseEvent.objects.count()) == totals
    assert not Referral.objects.values("case").annotate(n=Count("pk")).filter(n__gt=1).exists()
