"""The demo desks: La Marsa, Raoued and the Tunis antenna, with contacts, sessions and
outreach; deterministic and idempotent."""

import time

from django.core.management import call_command

from masar.core.management.commands.seed_demo import seed_demo
from masar.desk import demo
from masar.desk.models import DeskContact, DeskPoint, DeskSession, Orientation, OutreachActivity
from masar.desk.schedule import next_openings
from masar.directory.demo import seed_directory


def test_seed_desks_realistic_and_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_directory()
    started = time.monotonic()
    created = demo.seed()
    elapsed = time.monotonic() - started

    assert created["desks"] == 3 and created["contacts"] == DeskContact.objects.count() == 300
    marsa = DeskPoint.objects.get(code="la-marsa")
    assert marsa.holder.code == "mun-la-marsa" and marsa.governorate.code == "TN-11"
    assert marsa.municipality.code == "TN-11-la-marsa"
    assert [o.weekday for o in marsa.openings.all()] == [2]
    assert list(marsa.mediators.values_list("username", flat=True)) == ["mediateur.lamarsa"]
    assert marsa.services.count() >= 5
    assert DeskSession.objects.filter(status="held").count() == 20
    cancelled = DeskSession.objects.get(status="cancelled")
    starts = [s.date() for s, _e in next_openings(cancelled.desk, count=3)]
    assert cancelled.held_on not in starts
    assert Orientation.objects.filter(reached="yes").exists()
    assert Orientation.objects.filter(reached="unknown").exists()
    assert OutreachActivity.objects.count() == 6
    assert set(OutreachActivity.objects.values_list("kind", flat=True)) == {
        "peer_school",
        "themed_event",
        "performance",
    }
    assert DeskContact.objects.filter(session__isnull=False).exists()
    assert elapsed < 15

    references = set(DeskContact.objects.values_list("reference", flat=True))
    assert demo.seed() == {}
    assert set(DeskContact.objects.values_list("reference", flat=True)) == references
