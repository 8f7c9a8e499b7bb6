"""The demo logframes: the five seed programmes with the targets their documents state,
idempotent."""

from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse

from masar.accounts.models import User
from masar.audit.models import AuditEvent
from masar.core.management.commands.seed_demo import seed_demo
from masar.monitoring import demo
from masar.monitoring.models import Indicator, IndicatorTarget, Programme
from tests.conftest import login_client
from tests.factories.accounts import PASSWORD


def _targets(code):
    """{(indicator code, governorate code or None): target value} for one programme."""
    return {
        (t.indicator.code, t.governorate.code if t.governorate else None): t.value
        for t in IndicatorTarget.objects.filter(indicator__programme__code=code).select_related(
            "indicator", "governorate"
        )
    }


def test_demo_logframes_state_the_seed_targets_and_are_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    counts = demo.seed()
    assert counts["programmes"] == 5  # tounesna and progres-2 too: the aid demo did not run
    assert set(Programme.objects.values_list("code", flat=True)) >= {
        "pinsec",
        "i-migr",
        "lemma",
        "tounesna",
        "progres-2",
    }

    imigr = _targets("i-migr")
    assert imigr == {
        ("R1.1", None): Decimal("8"),  # eight training days…
        ("R1.2", None): Decimal("25"),  # …for 25 municipal and civil-society staff
        ("R1.3", None): Decimal("4"),  # four focal points
        ("R2.1", None): Decimal("5"),  # a five-day training…
        ("R2.2", None): Decimal("20"),  # …for 20 mediators and health and education staff
        ("R3.1", None): Decimal("5"),  # five open days
        ("R3.2", "TN-12"): Decimal("1"),  # the weekly desk in Raoued (Ariana)…
        ("R3.2", "TN-11"): Decimal("1"),  # …and in La Marsa (Tunis)
    }
    programme = Programme.objects.get(code="i-migr")
    assert programme.implementer.code == "cies-tunisie"
    assert {m.code for m in programme.municipalities.all()} == {"TN-12-raoued", "TN-11-la-marsa"}
    assert list(programme.objectives.filter(code="OG").values_list("results__code", flat=True)) == [
        "R1",
        "R2",
        "R3",
    ]
    assert Indicator.objects.get(programme=programme, code="R3.3").measure_code == "desk_contacts"

    pinsec = _targets("pinsec")
    assert (pinsec[("R1.1", None)], pinsec[("R1.2", None)], pinsec[("R2.1", None)]) == (
        Decimal("30"),
        Decimal("10"),
        Decimal("10"),
    )
    progres = Programme.objects.get(code="progres-2")
    assert (progres.budget, progres.budget_currency, progres.quota) == (
        Decimal("3900000"),
        "EUR",
        320,
    )
    assert _targets("progres-2") == {("R3.1", None): Decimal("6"), ("R4.1", None): Decimal("320")}
    assert progres.governorates.count() == 9
    assert Programme.objects.get(code="tounesna").implementer.code == "ote-siege"
    lemma = Programme.objects.get(code="lemma")
    assert list(lemma.objectives.get(code="OS").results.values_list("code", flat=True)) == [
        "R1",
        "R2",
        "R3",
        "R4",
    ]
    # Every measure named is one of those the catalogue provides.
    assert set(
        Indicator.objects.exclude(measure_code="").values_list("measure_code", flat=True)
    ) <= {
        "returnees_registered",
        "business_aid_approved",
        "referrals_completed_on_time",
        "sustainability_change",
        "desk_contacts",
        "outreach_reached",
    }
    # Arabic text everywhere the French is.
    assert not Indicator.objects.filter(name_ar="").exists()

    # The M&E officer sees I-MIGR's logframe, the desk targets per governorate among it.
    suivi = User.objects.get(username="suivi")
    suivi.set_password(PASSWORD)
    suivi.save()
    page = login_client(suivi).get(reverse("monitoring:programme-detail", args=[programme.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and html.count('data-testid="indicator-R') == 8
    desk = html.split('data-testid="indicator-R3.2"')[1].split("</li>")[0]
    assert "Ariana" in desk and "Tunis" in desk

    events = AuditEvent.objects.count()
    assert demo.seed() == dict.fromkeys(counts, 0)
    assert AuditEvent.objects.count() == events  # the second run writes nothing
