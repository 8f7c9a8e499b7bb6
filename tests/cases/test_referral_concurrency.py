"""Two officers answering the same referral at the same moment, and two reminder runs at
once: exactly one wins (the referral row is locked on PostgreSQL; IMMEDIATE transactions
serialise the writers on SQLite, whose test database is a file the threads share)."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection

from masar.cases.actions import referrals as referral_actions
from masar.cases.models import CaseEvent, Referral
from tests.factories.accounts import UserFactory
from tests.factories.referrals import ReferralFactory


def _race(calls):
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            outcomes.append(call())
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return outcomes


def test_concurrent_answers_only_one_wins(transactional_db, persona):
    from masar.accounts.policy import Role

    sfax = persona("conseiller.sfax")
    aneti = persona.institution("aneti-sfax")
    officers = [UserFactory(institution=aneti, roles=[Role.PARTNER_OFFICER]) for _ in range(6)]
    referral = ReferralFactory(actor=sfax, institution=aneti)
    calls = []
    for n, officer in enumerate(officers):
        if n % 2:
            calls.append(
                lambda o=officer: referral_actions.accept_referral(actor=o, referral=referral)
            )
        else:
            calls.append(
                lambda o=officer: referral_actions.decline_referral(
                    actor=o, referral=referral, reason="Full."
                )
            )
    outcomes = _race(calls)
    assert outcomes.count("refused") == 5
    answered = CaseEvent.objects.filter(
        case=referral.case, kind__in=("referral_accepted", "referral_declined")
    )
    assert answered.count() == 1
    assert Referral.objects.get(pk=referral.pk).status in ("accepted", "declined")


def test_concurrent_reminder_runs_note_once(transactional_db, persona):
    from datetime import timedelta

    from django.utils import timezone

    referral = ReferralFactory(
        actor=persona("conseiller.sfax"), institution=persona.institution("aneti-sfax")
    )
    Referral.objects.filter(pk=referral.pk).update(
        due_date=timezone.localdate() - timedelta(days=2)
    )
    outcomes = _race(
        [lambda: referral_actions.note_referral_overdue(referral=referral) for _ in range(6)]
    )
    assert sorted(outcomes) == [False] * 5 + [True]
    assert CaseEvent.objects.filter(case=referral.case, kind="referral_overdue").count() == 1
