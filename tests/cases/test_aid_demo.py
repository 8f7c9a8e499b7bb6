"""The demo aid data: programmes, enrolments and aid files in every state, within the
envelopes, idempotent."""

import time

from django.core.management import call_command

from masar.cases import demo_aid
from masar.cases.demo import seed_cases
from masar.cases.models import AidFile, AidStatus, CaseStatus, Enrolment, Tranche
from masar.core.management.commands.seed_demo import seed_demo
from masar.monitoring.models import Programme


def test_demo_aid_fills_every_state_within_the_envelopes_and_is_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_cases()
    started = time.monotonic()
    counts = demo_aid.seed()
    elapsed = time.monotonic() - started

    assert counts["programmes"] == 2
    progres = Programme.objects.get(code="progres-2")
    assert progres.quota == 320
    assert "3.9 M€" in progres.envelope_note_en and "Demo figure" in progres.envelope_note_en
    enrolled = Enrolment.objects.values_list("case__status", flat=True)
    assert counts["enrolments"] == len(enrolled) >= 50
    assert set(enrolled) == {CaseStatus.PLAN, CaseStatus.SUPPORT, CaseStatus.FOLLOW_UP}
    assert set(AidFile.objects.values_list("status", flat=True)) == set(AidStatus.values)
    assert Tranche.objects.count() == counts["tranches"] > 0
    for programme in Programme.objects.with_usage():
        assert 0 < programme.approved_total <= programme.envelope
        assert programme.quota is None or programme.approved_people <= programme.quota
    for aid in AidFile.objects.filter(status=AidStatus.APPROVED):
        assert sum(t.amount for t in aid.tranches.all()) <= aid.amount
    assert elapsed < 30

    again = demo_aid.seed()
    assert again == {"programmes": 0, "enrolments": 0, "aid_files": 0, "tranches": 0}
