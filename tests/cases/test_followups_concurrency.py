"""Concurrent writers: a visit is recorded once, a case gets one intake score, on
PostgreSQL and on SQLite (the test database is a file per test process, so the threads
share it; IMMEDIATE transactions make the writers wait for each other)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from masar.cases.actions import followups
from masar.cases.models import CaseEvent, FollowUpVisit, SustainabilityScore
from tests.factories.cases import CaseFactory
from tests.factories.followups import case_in_support, survey_answers

pytestmark = [
    pytest.mark.django_db(transaction=True),
]
WRITERS = 6


def _race(work) -> tuple[int, list]:
    done, errors = [], []
    barrier = threading.Barrier(WRITERS)

    def run(i):
        try:
            barrier.wait()
            work(i)
            done.append(i)
        except ValidationError as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(done), errors


def test_concurrent_recordings_of_one_visit_record_it_once(persona):
    sfax = persona("conseiller.sfax")
    visit = FollowUpVisit.objects.get(case=case_in_support(actor=sfax), month=3)
    states = ["employed", "unemployed", "business_running", "in_training", "business_growing"]

    def work(i):
        followups.record_follow_up(
            actor=sfax,
            visit=visit,
            visited_on=timezone.localdate(),
            state=states[i % len(states)],
            answers=survey_answers(i / WRITERS),
        )

    done, errors = _race(work)
    assert done == 1 and len(errors) == WRITERS - 1
    assert CaseEvent.objects.filter(case=visit.case, kind="follow_up_recorded").count() == 1
    assert SustainabilityScore.objects.filter(visit=visit).count() == 1


def test_concurrent_intake_scores_record_one(persona):
    sfax = persona("conseiller.sfax")
    case = CaseFactory(actor=sfax)

    def work(i):
        followups.record_score(actor=sfax, case=case, answers=survey_answers(i / WRITERS))

    done, errors = _race(work)
    assert done == 1 and len(errors) == WRITERS - 1
    assert SustainabilityScore.objects.filter(case=case, occasion="intake").count() == 1
