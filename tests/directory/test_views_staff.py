"""Staff directory pages: organisations, places, services, verification, history."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from masar.directory import actions
from masar.directory.actions import ServiceRelations
from masar.directory.models import Location, Organization, Service, VerificationStatus
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term

# These tests read messages: they run in English (French stays the default elsewhere).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def sfax_org(persona):
    return OrganizationFactory(
        name_fr="Antenne Tounesna de Sfax", institution=persona.institution("ote-sfax")
    )


@pytest.fixture
def tunis_org(persona):
    return OrganizationFactory(
        name_fr="Antenne Tounesna de Tunis", institution=persona.institution("ote-tunis")
    )


def a_service(org, *, published=False, **values):
    service = ServiceFactory(organization=org, **values)
    if published:
        actions.verify_service(actor=None, service=service)
    return service


def service_post(service_or_org, **overrides):
    """A complete service form, as a browser would send it."""
    org = getattr(service_or_org, "organization", service_or_org)
    location = org.locations.first() or LocationFactory(organization=org)
    data = {
        "name_fr": "Écoute psychologique",
        "name_ar": "الإصغاء النفسي",
        "name_en": "",
        "description_fr": "Soutien psychosocial pour les personnes de retour.",
        "status": "active",
        "is_free": "on",
        "categories": [str(term("mental-health").pk)],
        "audiences": [str(term("returnees").pk)],
        "languages": ["ar", "fr"],
        "locations": [str(location.pk)],
        "phones": "+216 74 111 222\n+216 74 333 444",
        "hours-TOTAL_FORMS": "3",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "30",
        "hours-0-weekday": "0",
        "hours-0-opens_at": "08:30",
        "hours-0-closes_at": "16:00",
        "hours-1-weekday": "",
        "hours-2-weekday": "",
    }
    data.update(overrides)
    return data


# --- Organisations and places -------------------------------------------------------------


def test_organization_list_shows_everyone_and_filters_mine(client_for, sfax_org, tunis_org):
    client = client_for("conseiller.sfax")
    html = client.get("/directory/organizations/").content.decode()
    assert "Antenne Tounesna de Sfax" in html and "Antenne Tounesna de Tunis" in html
    html = client.get("/directory/organizations/", {"mine": "on"}).content.decode()
    assert "Antenne Tounesna de Sfax" in html and "Antenne Tounesna de Tunis" not in html


def test_organization_detail_offers_edit_links_only_to_its_staff(client_for, sfax_org):
    url = f"/directory/organizations/{sfax_org.pk}/"
    assert (
        'data-testid="organization-edit"' in client_for("conseiller.sfax").get(url).content.decode()
    )
    html = client_for("conseiller.tunis").get(url).content.decode()
    assert "Antenne Tounesna de Sfax" in html and 'data-testid="organization-edit"' not in html


def test_staff_add_their_own_institutions_organisation_only(client_for, persona):
    client = client_for("conseiller.sfax")
    page = client.get("/directory/organizations/new/").content.decode()
    assert 'name="idempotency_key"' in page
    response = client.post(
        "/directory/organizations/new/",
        {
            "name_fr": "Centre d'écoute de Sfax",
            "email": "ecoute@example.tn",
            # A forged institution is ignored: the field is fixed to the user's own.
            "institution": str(persona.institution("ote-tunis").pk),
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name_fr="Centre d'écoute de Sfax")
    assert organization.institution == persona.institution("ote-sfax")


def test_organization_edit_is_refused_to_another_institution(client_for, sfax_org):
    url = f"/directory/organizations/{sfax_org.pk}/edit/"
    tunis = client_for("conseiller.tunis")
    assert tunis.get(url).status_code == 403
    response = tunis.post(url, {"name_fr": "Pris"})
    assert response.status_code == 403
    sfax_org.refresh_from_db()
    assert sfax_org.name_fr == "Antenne Tounesna de Sfax"
    response = client_for("admin.sfax").post(url, {"name_fr": "Antenne de Sfax (OTE)"})
    assert response.status_code == 302
    sfax_org.refresh_from_db()
    assert sfax_org.name_fr == "Antenne de Sfax (OTE)"


def test_location_form_checks_the_place_through_the_action(client_for, sfax_org):
    sfax_ville = delegation()
    tunis = governorate("TN-11", "Tunis", "تونس")
    client = client_for("conseiller.sfax")
    url = f"/directory/organizations/{sfax_org.pk}/locations/new/"
    page = client.get(url).content.decode()
    assert 'name="idempotency_key"' in page and 'value="TN-61-sfax-ville"' in page
    bad = {
        "name_fr": "Annexe",
        "governorate": tunis.code,
        "delegation": sfax_ville.code,
        "latitude": "48.85",
        "longitude": "2.35",
    }
    response = client.post(url, bad)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This latitude is outside Tunisia." in html or "hors de Tunisie" in html
    assert not Location.objects.filter(name_fr="Annexe").exists()
    good = {**bad, "governorate": "TN-61", "latitude": "34.7406", "longitude": "10.7603"}
    assert client.post(url, good).status_code == 302
    location = Location.objects.get(name_fr="Annexe")
    assert location.delegation == sfax_ville and location.latitude == pytest.approx(34.7406)
    edit = client.get(f"/directory/locations/{location.pk}/edit/").content.decode()
    assert 'value="TN-61-sfax-ville" selected' in edit
    assert (
        client_for("conseiller.tunis").get(f"/directory/locations/{location.pk}/edit/").status_code
        == 403
    )


def test_location_form_refuses_non_numeric_coordinates(client_for, sfax_org):
    governorate()
    url = f"/directory/organizations/{sfax_org.pk}/locations/new/"
    response = client_for("conseiller.sfax").post(
        url, {"name_fr": "X", "governorate": "TN-61", "latitude": "abc", "longitude": "10"}
    )
    assert response.status_code == 200
    assert not Location.objects.filter(name_fr="X").exists()


# --- Services -----------------------------------------------------------------------------


def test_staff_create_a_service_with_hours_languages_and_places(client_for, sfax_org):
    client = client_for("conseiller.sfax")
    url = f"/directory/organizations/{sfax_org.pk}/services/new/"
    page = client.get(url).content.decode()
    assert 'name="idempotency_key"' in page and 'name="hours-0-weekday"' in page
    data = service_post(sfax_org, idempotency_key="a" * 32)
    response = client.post(url, data)
    assert response.status_code == 302
    # A double tap replays the first answer and creates nothing more.
    client.post(url, data)
    service = Service.objects.get(name_fr="Écoute psychologique")
    assert Service.objects.filter(name_fr="Écoute psychologique").count() == 1
    assert service.verification_status == VerificationStatus.DRAFT
    assert [t.code for t in service.categories.all()] == ["mental-health"]
    assert sorted(service.languages.values_list("code", flat=True)) == ["ar", "fr"]
    assert [(s.weekday, s.opens_at, s.closes_at) for s in service.schedules.all()] == [
        (0, time(8, 30), time(16, 0))
    ]
    assert sorted(service.phones.values_list("number", flat=True)) == [
        "+216 74 111 222",
        "+216 74 333 444",
    ]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name_fr": "", "name_ar": ""}, "name in French or in Arabic"),
        ({"minimum_age": "30", "maximum_age": "18"}, "maximum age is below"),
        ({"hours-0-opens_at": "17:00"}, "closing time must be after"),
        ({"hours-0-closes_at": ""}, "Give the day, the opening and the closing time"),
        ({"categories": ["not-a-pk"]}, ""),
        ({"email": "not an address"}, ""),
    ],
)
def test_service_form_refuses_bad_input_and_changes_nothing(
    client_for, sfax_org, overrides, message
):
    client = client_for("conseiller.sfax")
    url = f"/directory/organizations/{sfax_org.pk}/services/new/"
    response = client.post(url, service_post(sfax_org, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="alert alert-danger"' in html or "invalid-feedback" in html
    assert message in html
    assert not Service.objects.filter(organization=sfax_org).exists()


def test_service_form_offers_only_the_organisations_places(client_for, sfax_org, tunis_org):
    other = LocationFactory(organization=tunis_org)
    client = client_for("conseiller.sfax")
    url = f"/directory/organizations/{sfax_org.pk}/services/new/"
    assert str(other.pk) not in client.get(url).content.decode()
    response = client.post(url, service_post(sfax_org, locations=[str(other.pk)]))
    assert response.status_code == 200
    assert not Service.objects.filter(organization=sfax_org).exists()


def test_staff_edit_their_own_services_but_not_anothers(client_for, sfax_org, tunis_org):
    mine = a_service(sfax_org, published=True)
    theirs_public = a_service(tunis_org, published=True)
    theirs_draft = a_service(tunis_org)
    client = client_for("conseiller.sfax")
    assert client.get(f"/directory/services/{mine.pk}/edit/").status_code == 200
    # Another organisation's published service: seen, not theirs to change.
    assert client.get(f"/directory/services/{theirs_public.pk}/edit/").status_code == 403
    response = client.post(
        f"/directory/services/{theirs_public.pk}/edit/", service_post(theirs_public)
    )
    assert response.status_code == 403
    # Another organisation's draft: not even seen.
    assert client.get(f"/directory/services/{theirs_draft.pk}/edit/").status_code == 404
    assert client.get(f"/directory/services/{theirs_draft.pk}/").status_code == 404
    theirs_public.refresh_from_db()
    assert theirs_public.name_fr != "Écoute psychologique"


def test_edit_form_keeps_existing_hours_and_relations(client_for, sfax_org):
    service = a_service(
        sfax_org,
        relations=ServiceRelations(
            categories=[term("legal-aid")],
            schedules=[(2, time(9, 0), time(12, 0))],
            languages=["ar"],
        ),
    )
    html = (
        client_for("conseiller.sfax")
        .get(f"/directory/services/{service.pk}/edit/")
        .content.decode()
    )
    assert 'value="09:00"' in html and 'value="12:00"' in html
    assert re.search(rf'value="{term("legal-aid").pk}"[^>]*checked', html)
    assert re.search(r'value="ar"[^>]*checked', html)


def test_verify_only_by_a_supervisor_or_the_system_administrator(client_for, sfax_org):
    service = a_service(sfax_org)
    url = f"/directory/services/{service.pk}/verify/"
    assert client_for("conseiller.sfax").post(url).status_code == 403
    assert client_for("admin.sfax").post(url).status_code == 403
    service.refresh_from_db()
    assert service.verified_at is None
    supervisor = client_for("superviseur")
    assert supervisor.post(url).status_code == 302
    service.refresh_from_db()
    assert service.verification_status == VerificationStatus.VERIFIED
    assert service.verified_by.username == "superviseur"
    assert client_for("admin").post(url).status_code == 302
    assert supervisor.get(url).status_code == 405


def test_submit_sends_a_draft_for_verification(client_for, sfax_org):
    service = a_service(sfax_org)
    client = client_for("conseiller.sfax")
    detail = client.get(f"/directory/services/{service.pk}/").content.decode()
    assert 'data-testid="service-submit"' in detail and 'data-testid="service-verify"' not in detail
    assert client.post(f"/directory/services/{service.pk}/submit/").status_code == 302
    service.refresh_from_db()
    assert service.verification_status == VerificationStatus.SUBMITTED
    # Submitting twice is refused with a message, not an error page.
    response = client.post(f"/directory/services/{service.pk}/submit/", follow=True)
    assert response.status_code == 200 and "alert-danger" in response.content.decode()


def test_staff_edit_of_a_verified_service_sends_it_back_but_keeps_it_public(
    client_for, client, sfax_org
):
    service = a_service(sfax_org, published=True)
    verified_at = Service.objects.get(pk=service.pk).verified_at
    response = client_for("conseiller.sfax").post(
        f"/directory/services/{service.pk}/edit/",
        service_post(service, name_fr="Écoute et orientation"),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.verification_status == VerificationStatus.SUBMITTED
    assert service.verified_at == verified_at
    assert client.get(f"/services/{service.pk}/").status_code == 200
    assert "Écoute et orientation" in client.get("/services/").content.decode()


def test_history_shows_who_changed_what(client_for, sfax_org):
    service = a_service(sfax_org, name_fr="Ancien nom")
    client = client_for("conseiller.sfax")
    client.post(
        f"/directory/services/{service.pk}/edit/", service_post(service, name_fr="Nouveau nom")
    )
    response = client.get(f"/directory/services/{service.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode().split('data-testid="history"')[1]
    assert "conseiller.sfax" in html
    assert "Ancien nom" in html and "Nouveau nom" in html
    # Newest first: the change, then the creation (by the system, in this test).
    assert html.index("conseiller.sfax") < html.index("Nouveau nom") < html.rindex("Ancien nom")
    # Another organisation's staff do not read it; a verifier does.
    assert (
        client_for("conseiller.tunis").get(f"/directory/services/{service.pk}/history/").status_code
        == 404
    )
    assert (
        client_for("superviseur").get(f"/directory/services/{service.pk}/history/").status_code
        == 200
    )


def test_review_queue_lists_submitted_first_then_stale(client_for, sfax_org):
    old = a_service(sfax_org, name_fr="Vérifié il y a longtemps", published=True)
    Service.objects.filter(pk=old.pk).update(verified_at=timezone.now() - timedelta(days=500))
    fresh = a_service(sfax_org, name_fr="Vérifié hier", published=True)
    submitted = a_service(sfax_org, name_fr="Envoyé pour vérification")
    actions.submit_service(actor=None, service=submitted)
    a_service(sfax_org, name_fr="Brouillon")
    client = client_for("superviseur")
    html = client.get("/directory/services/review/").content.decode()
    assert html.index("Envoyé pour vérification") < html.index("Vérifié il y a longtemps")
    assert str(fresh.name_fr) not in html and "Brouillon" not in html
    # Verifying from the queue comes back to the queue.
    response = client.post(
        f"/directory/services/{old.pk}/verify/", {"next": "/directory/services/review/"}
    )
    assert response["Location"] == "/directory/services/review/"
    queue = client.get("/directory/services/review/").content.decode()
    assert 'data-testid="review-row"' in queue
    assert f"/directory/services/{old.pk}/verify/" not in queue
    assert client_for("conseiller.sfax").get("/directory/services/review/").status_code == 403


def test_verify_ignores_an_outside_next_address(client_for, sfax_org):
    service = a_service(sfax_org)
    response = client_for("admin").post(
        f"/directory/services/{service.pk}/verify/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/directory/services/{service.pk}/"


def test_staff_pages_need_a_sign_in(client, sfax_org):
    response = client.get(f"/directory/organizations/{sfax_org.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
