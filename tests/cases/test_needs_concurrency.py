"""Concurrent requests for the same flag or the same track make one, on PostgreSQL (row
locks, unique-index waits) and on SQLite (the test database is a file; IMMEDIATE
transactions serialise the writers)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from masar.cases.actions import needs as actions
from masar.cases.models import PlanTrack, VulnerabilityFlag
from tests.factories.cases import CaseFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
]


def _race(n, call):
    barrier, outcomes = threading.Barrier(n), []

    def work():
        try:
            barrier.wait()
            call()
            outcomes.append("created")
        except ValidationError:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 — report anything else as a failure
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(n)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return sorted(outcomes)


def test_concurrent_flags_and_tracks_of_one_kind_make_one(persona):
    sfax = persona("conseiller.sfax")
    case = CaseFactory(actor=sfax)
    flags = _race(6, lambda: actions.record_vulnerability(actor=sfax, case=case, kind="minor"))
    assert flags == ["created"] + ["refused"] * 5
    assert VulnerabilityFlag.objects.filter(case=case).count() == 1
    tracks = _race(6, lambda: actions.add_track(actor=sfax, case=case, kind="business"))
    assert tracks == ["created"] + ["refused"] * 5
    assert PlanTrack.objects.filter(case=case).count() == 1
