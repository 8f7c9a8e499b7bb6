"""The story of the issue: on a phone, in Arabic, a returnee in Sfax finds a mental-health
service open now, prints the Sfax brochure, opens the service and sees it on a map; without
JavaScript the list still works."""

from datetime import time

import pytest

from .pages import FinderPage

SERVICE_AR = "الدعم النفسي للعائدين"


@pytest.fixture
def sfax_services(transactional_db):
    from masar.directory import actions
    from masar.directory.actions import ServiceRelations
    from masar.directory.models import Taxonomy, TaxonomyTerm
    from masar.directory.taxonomy import sync_taxonomies
    from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
    from tests.factories.directory import delegation, governorate, term

    sync_taxonomies(Taxonomy, TaxonomyTerm)  # transactional tests flush the migration's rows
    sfax = governorate()
    tunis = governorate("TN-11", "Tunis", "تونس")
    every_day = [(day, time(0, 0), time.max) for day in range(7)]

    def publish(name_fr, name_ar, gov, categories, audiences, lat, lon):
        org = OrganizationFactory()
        place = LocationFactory(
            organization=org,
            governorate=gov,
            delegation=delegation() if gov == sfax else None,
            latitude=lat,
            longitude=lon,
        )
        service = ServiceFactory(
            organization=org,
            name_fr=name_fr,
            name_ar=name_ar,
            relations=ServiceRelations(
                categories=[term(c) for c in categories],
                audiences=[term(a) for a in audiences],
                locations=[place],
                schedules=every_day,
            ),
        )
        return actions.verify_service(actor=None, service=service)

    return [
        publish(
            "Soutien psychologique aux personnes de retour",
            SERVICE_AR,
            sfax,
            ["mental-health"],
            ["returnees"],
            34.7406,
            10.7603,
        ),
        publish(
            "Écoute psychologique",
            "الإصغاء النفسي",
            tunis,
            ["mental-health"],
            ["returnees"],
            36.8,
            10.18,
        ),
        publish(
            "Bureau de l'emploi", "مكتب التشغيل", sfax, ["employment"], ["returnees"], 34.74, 10.76
        ),
    ]


@pytest.fixture
def arabic_phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ar-TN"
    )
    context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    # No network here: refuse tile requests at once rather than wait for them.
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_returnee_finds_mental_health_service_open_now_in_sfax_on_a_phone(
    arabic_phone, sfax_services
):
    finder = FinderPage(arabic_phone).open()
    assert finder.language == "ar" and finder.direction == "rtl"
    finder.search("الصحة النفسية", audience="returnees", governorate="TN-61", open_now=True)
    assert finder.result_names() == [SERVICE_AR]
    assert finder.results.first.locator("[data-testid=badge-open]").is_visible()
    # The results map set itself up (the tiles themselves cannot load offline).
    arabic_phone.wait_for_selector("[data-testid=map].leaflet-container")
    # The Sfax brochure, in Arabic, from the same page.
    pdf = finder.download_brochure()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000

    service = finder.open_result(0)
    assert service.name == SERVICE_AR and service.direction == "rtl"
    service.wait_for_map()
    assert service.map.is_visible()
    assert service.page.locator(".leaflet-marker-icon").count() == 1
    assert "OpenStreetMap" in service.page.locator(".leaflet-control-attribution").inner_text()


def test_finder_works_without_javascript(browser, live_server, sfax_services):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        finder = FinderPage(page).open("?q=psychologique&governorate=TN-61")
        assert finder.result_names() == ["Soutien psychologique aux personnes de retour"]
        # The map and the "near me" button need JavaScript: they stay out of the way.
        assert not page.locator("[data-testid=map]").is_visible()
        assert not page.locator("[data-testid=near-me]").is_visible()
        # The plain form still searches, and the result link opens the service page.
        finder.search("emploi")
        assert finder.result_names() == ["Bureau de l'emploi"]
        service = finder.open_result(0)
        assert service.name == "Bureau de l'emploi"
        assert page.locator("[data-testid=opening-hours]").is_visible()
    finally:
        context.close()
