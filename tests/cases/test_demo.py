"""The demo returnees and cases: every status in every antenna, scoped, idempotent."""

import time

from django.core.management import call_command
from django.db.models import Count

from masar.accounts.models import User
from masar.audit.models import AuditEvent
from masar.cases.demo import seed_cases
from masar.cases.models import Beneficiary, Case, CaseEvent, CaseStatus, Consent, ConsentPurpose
from masar.core.management.commands.seed_demo import seed_demo

ANTENNAS = {"ote-tunis", "ote-sfax", "ote-medenine"}


def _totals():
    return (
        Beneficiary.objects.count(),
        Consent.objects.count(),
        Case.objects.count(),
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def test_seed_cases_fills_every_status_in_every_antenna_and_is_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()  # the demo institutions and logins
    started = time.monotonic()
    counts = seed_cases()
    elapsed = time.monotonic() - started

    assert counts["cases"] >= 150
    assert Case.objects.count() == counts["cases"]
    assert Beneficiary.objects.count() == counts["beneficiaries"] >= 180
    per_antenna = {
        (row["antenna__code"], row["status"])
        for row in Case.objects.values("antenna__code", "status").annotate(n=Count("pk"))
    }
    for code in ANTENNAS:
        for status in CaseStatus.values:
            assert (code, status) in per_antenna, (code, status)
    # Closed cases say why; open ones were opened by the antenna's counsellor (or, in
    # Médenine, by the headquarters supervisor) and keep a timeline.
    closed = Case.objects.filter(status=CaseStatus.CLOSED)
    assert not closed.filter(closure_reason="").exists()
    assert not closed.filter(closed_at__isnull=True).exists()
    sfax = User.objects.get(username="conseiller.sfax")
    assert Case.objects.filter(antenna__code="ote-sfax").exclude(counsellor=sfax).count() == 0
    assert not Case.objects.annotate(e=Count("events")).filter(e=0).exists()

    # The records: bilingual names, valid identifiers, returned from Europe since 2022,
    # living in the antenna's governorates.
    consented = Beneficiary.objects.exclude(cin=None)
    assert not Beneficiary.objects.filter(first_name_ar="").exists()
    assert not Beneficiary.objects.exclude(phone__regex=r"^\+216[2459]\d{7}$").exists()
    assert not consented.exclude(cin__regex=r"^\d{8}$").exists()
    assert set(consented.values_list("returned_from", flat=True)) <= {
        "IT", "FR", "DE", "BE", "CH", "NL", "ES", "AT", "SE",
    }  # fmt: skip
    assert consented.filter(return_date__year__lt=2022).count() == 0
    for b in consented.select_related("delegation__governorate", "municipality"):
        assert b.delegation.governorate_id == b.governorate_id
        assert b.municipality.delegation_id == b.delegation_id
        assert b.governorate in b.institution.governorates.all()

    # Consents: most to everything, some without research contact, a few statistics
    # withdrawn; a few people only named, with no consent, no record and no case.
    active = Consent.objects.active()
    research = ConsentPurpose.RESEARCH_CONTACT
    assert active.filter(purpose=research).count() >= 0.6 * counts["cases"]
    assert Consent.objects.filter(purpose=research, granted=False).exists()
    assert Consent.objects.filter(
        purpose=ConsentPurpose.STATISTICS, withdrawn_at__isnull=False
    ).exists()
    bare = Beneficiary.objects.filter(cin=None)
    assert 3 <= bare.count() <= 15
    assert not bare.filter(consents__isnull=False).exists()
    assert not bare.filter(cases__isnull=False).exists()
    assert not bare.exclude(returned_from="").exists()

    # Scoping: the Sfax counsellor sees the Sfax cases only.
    visible = Case.objects.visible_to(sfax)
    assert visible.count() == Case.objects.filter(antenna__code="ote-sfax").count() > 0
    assert set(visible.values_list("antenna__code", flat=True)) == {"ote-sfax"}

    before = _totals()
    again = seed_cases()
    assert again == dict.fromkeys(again, 0)
    assert _totals() == before
    assert elapsed < 30
