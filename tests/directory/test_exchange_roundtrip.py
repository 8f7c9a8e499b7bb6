import json

import pytest
from django.utils import timezone

from masar.directory.exchange.importer import import_directory
from masar.directory.exchange.records import Outcome
from masar.directory.models import Service, VerificationStatus

from .exchange_helpers import build_directory, empty_directory, export_json, normalised


@pytest.fixture
def admin(persona):
    return persona("admin")


def test_roundtrip_hsds_json_restores_the_same_services(admin):
    build_directory(verifier=admin)
    before = export_json()
    data = json.dumps(before).encode()
    empty_directory()
    assert Service.objects.count() == 0

    report = import_directory(actor=admin, data=data, fmt="json", dry_run=False)

    assert report.applied, report.as_text()
    assert report.counts[Outcome.CREATED] == 3
    assert normalised(export_json()) == normalised(before)


def test_roundtrip_reimport_reports_every_row_unchanged(admin):
    build_directory(verifier=admin)
    data = json.dumps(export_json()).encode()

    report = import_directory(actor=admin, data=data, fmt="json", dry_run=False)

    assert report.applied, report.as_text()
    assert report.counts == {"created": 0, "updated": 0, "unchanged": 3, "refused": 0}


def test_roundtrip_keeps_verification_dates_and_submits_the_rest(admin):
    services = build_directory(verifier=admin)
    verified_on = timezone.localdate(Service.objects.get(pk=services[0].pk).verified_at)
    data = json.dumps(export_json()).encode()
    empty_directory()

    import_directory(actor=admin, data=data, fmt="json", dry_run=False)

    listening = Service.objects.get(pk=services[0].pk)
    assert listening.verification_status == VerificationStatus.VERIFIED
    assert timezone.localdate(listening.verified_at) == verified_on
    assert listening.verified_by == admin
    assert Service.objects.get(pk=services[1].pk).verification_status == "submitted"


def test_roundtrip_by_a_non_verifier_leaves_everything_submitted(persona, admin):
    build_directory(verifier=admin)
    data = json.dumps(export_json()).encode()
    empty_directory()

    report = import_directory(actor=None, data=data, fmt="json", dry_run=False)

    assert report.applied, report.as_text()
    assert set(Service.objects.values_list("verification_status", flat=True)) == {"submitted"}
    assert not Service.objects.filter(verified_at__isnull=False).exists()


def test_roundtrip_single_language_export_updates_only_that_language(admin):
    services = build_directory(verifier=admin)
    document = export_json(lang="ar", translations=False)
    for item in document:
        item["name"] = item["name"] + " (جديد)"
    report = import_directory(
        actor=admin, data=json.dumps(document).encode(), fmt="json", lang="ar", dry_run=False
    )

    assert report.counts["updated"] == 3, report.as_text()
    listening = Service.objects.get(pk=services[0].pk)
    assert listening.name_ar == "الإصغاء النفسي (جديد)"
    assert listening.name_fr == "Écoute psychologique"
