"""The demo directory: hundreds of services in the programme's governorates, idempotent."""

import time

from django.core.management import call_command
from django.db.models import Count

from masar.core.management.commands.seed_demo import seed_demo
from masar.directory.demo import seed_directory, stable_id
from masar.directory.models import Location, Organization, Service, ServiceLanguage
from masar.geo.models import Governorate

GOVERNORATES = {
    "TN-11": "Tunis",
    "TN-12": "Ariana",
    "TN-61": "Sfax",
    "TN-82": "Médenine",
    "TN-53": "Mahdia",
    "TN-23": "Bizerte",
    "TN-33": "Le Kef",
    "TN-83": "Tataouine",
    "TN-52": "Monastir",
    "TN-41": "Kairouan",
    "TN-71": "Gafsa",
}


def _totals():
    return (
        Organization.objects.count(),
        Location.objects.count(),
        Service.objects.count(),
        Service.objects.published().count(),
    )


def test_seed_directory_fills_eleven_governorates_and_is_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()  # the demo institutions and logins (the command then seeds the directory)
    started = time.monotonic()
    counts = seed_directory()
    elapsed = time.monotonic() - started

    assert counts["services"] >= 300
    assert Service.objects.count() == counts["services"]
    for code in GOVERNORATES:
        assert Service.objects.in_area(governorate=code).count() >= 15, code
    # Most are verified, some long ago (stale), a few still draft or submitted.
    published = Service.objects.published()
    assert published.count() >= 0.8 * counts["services"]
    assert (
        0
        < Service.objects.stale().filter(verified_at__isnull=False).count()
        < 0.35 * len(published)
    )
    assert Service.objects.filter(verification_status="draft").exists()
    assert Service.objects.filter(verification_status="submitted").exists()
    # Bilingual at least, some English; every service has hours, a place and a phone.
    assert not Service.objects.filter(name_ar="").exists()
    assert not Service.objects.filter(name_fr="").exists()
    assert ServiceLanguage.objects.filter(code="en").exists()
    bare = (
        Service.objects.annotate(
            h=Count("schedules", distinct=True),
            p=Count("at_locations", distinct=True),
            t=Count("phones", distinct=True),
        ).filter(h=0)
        | Service.objects.filter(at_locations=None)
        | Service.objects.filter(phones=None)
    )
    assert not bare.exists()
    # The stories of the demo: a mental-health service for returnees in Sfax, open on
    # weekdays, and the weekly desks of La Marsa and Raoued, maintained by their staff.
    sfax_psy = Service.objects.get(pk=stable_id("TN-61/hospital/returnees-psy"))
    assert sfax_psy.verified_at and not sfax_psy.is_stale
    assert set(sfax_psy.schedules.values_list("weekday", flat=True)) == {0, 1, 2, 3, 4}
    assert (
        Service.objects.in_area(governorate="TN-61")
        .in_category("mental-health")
        .filter(audiences__code="returnees")
        .exists()
    )
    marsa = Service.objects.in_area(municipality="TN-11-la-marsa")
    assert marsa.filter(name_fr__contains="Guichet").exists()
    assert Service.objects.in_area(municipality="TN-12-raoued").exists()
    for loc in Location.objects.select_related("delegation"):
        assert loc.delegation.governorate_id == loc.governorate_id
        assert abs(loc.latitude - loc.delegation.latitude) < 0.01

    before = _totals()
    again = seed_directory()
    assert again == dict.fromkeys(again, 0)
    assert _totals() == before
    assert elapsed < 60
    assert Governorate.objects.filter(code__in=GOVERNORATES).count() == len(GOVERNORATES)

    # Organisations are maintained by the seed_demo institutions where those exist.
    def institution(key):
        organization = Organization.objects.select_related("institution").get(pk=stable_id(key))
        return organization.institution.code if organization.institution else None

    assert institution("TN-61/ote") == "ote-sfax"
    assert institution("TN-61/aneti") == "aneti-sfax"
    assert institution("TN-61/cps") == "cps-sfax"
    assert institution("mun-la-marsa") == "mun-la-marsa"
    assert institution("TN-33/ote") is None  # no demo institution for Le Kef
