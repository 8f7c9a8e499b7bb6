"""The public service finder: search, filters, near me, badges, bad input, languages."""

import re
from datetime import datetime, time, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from masar.directory import actions
from masar.directory.actions import ServiceRelations
from masar.directory.models import Service
from masar.geo.models import Municipality
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term

URL = "/services/"


def publish(service, *, verified_at=None):
    actions.verify_service(actor=None, service=service)
    if verified_at is not None:
        Service.objects.filter(pk=service.pk).update(verified_at=verified_at)
    return service


def municipality(deleg):
    return Municipality.objects.get_or_create(
        code=deleg.code,
        defaults={
            "delegation": deleg,
            "name": deleg.name_fr,
            "name_fr": deleg.name_fr,
            "name_ar": deleg.name_ar,
            "name_en": deleg.name_fr,
        },
    )[0]


def place(org, *, lat=34.74, lon=10.76, gov=None, deleg=None, city=""):
    return LocationFactory(
        organization=org,
        governorate=gov or governorate(),
        delegation=deleg,
        municipality=municipality(deleg) if deleg else None,
        latitude=lat,
        longitude=lon,
        city=city,
    )


def make(
    name_fr, name_ar="", *, relations=None, lat=34.74, lon=10.76, gov=None, deleg=None, **values
):
    org = OrganizationFactory()
    relations = relations or ServiceRelations()
    relations.locations = [place(org, lat=lat, lon=lon, gov=gov, deleg=deleg)]
    service = ServiceFactory(
        organization=org, name_fr=name_fr, name_ar=name_ar, relations=relations, **values
    )
    return publish(service)


def names(response) -> list[str]:
    html = response.content.decode()
    return [
        unescape(n)
        for n in re.findall(r'<h2 class="h5 card-title mb-1"><a href="[^"]+">([^<]+)</a>', html)
    ]


@pytest.fixture
def directory(db):
    """Three published services and a draft."""
    mental = make(
        "Consultation de santé mentale",
        "استشارة في الصحة النفسية",
        relations=ServiceRelations(
            categories=[term("mental-health")], audiences=[term("returnees")], languages=["ar"]
        ),
        deleg=delegation(),
    )
    tunis = governorate("TN-11", "Tunis", "تونس")
    jobs = make(
        "Bureau de l'emploi",
        "مكتب التشغيل",
        relations=ServiceRelations(categories=[term("employment")], languages=["fr"]),
        lat=36.80,
        lon=10.18,
        gov=tunis,
        deleg=delegation("TN-11-bab-bhar", "Bab Bhar", "باب بحر", gov=tunis),
        is_free=False,
    )
    legal = make(
        "Permanence juridique",
        "مكتب الإرشاد القانوني",
        relations=ServiceRelations(categories=[term("legal-aid")], audiences=[term("migrants")]),
        lat=33.88,
        lon=10.10,
        gov=governorate("TN-51", "Gabès", "قابس"),
    )
    draft = ServiceFactory(name_fr="Brouillon caché", organization=OrganizationFactory())
    return {"mental": mental, "jobs": jobs, "legal": legal, "draft": draft}


def test_finder_lists_published_services_without_javascript(client, directory):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    # The results are plain HTML links in the page: no script is needed to see them.
    assert 'data-testid="results"' in html
    assert names(response) == [
        "Bureau de l'emploi",
        "Consultation de santé mentale",
        "Permanence juridique",
    ]
    assert "Brouillon caché" not in html
    assert f'href="/services/{directory["mental"].pk}/"' in html
    # Only external scripts and JSON data blocks: nothing inline runs.
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


@pytest.mark.parametrize(
    ("lang", "query", "direction", "shown"),
    [
        ("fr", "santé mentale", "ltr", "Consultation de santé mentale"),
        ("ar", "الصحة النفسية", "rtl", "استشارة في الصحة النفسية"),
        ("en", "mental health", "ltr", "Consultation de santé mentale"),
    ],
)
def test_finder_searches_in_each_language(client, directory, lang, query, direction, shown):
    client.cookies.load({"django_language": lang})
    response = client.get(URL, {"q": query})
    html = response.content.decode()
    assert f'lang="{lang}"' in html and f'dir="{direction}"' in html
    assert names(response)[0] == shown


def test_finder_arabic_query_with_spelling_variants(client, directory):
    client.cookies.load({"django_language": "ar"})
    response = client.get(URL, {"q": "صحه نفسيه"})
    assert names(response)[0] == "استشارة في الصحة النفسية"
    assert "bootstrap.rtl.min.css" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "mental-health"}, {"mental"}),
        ({"category": "health"}, {"mental"}),  # a parent category includes its children
        ({"category": "employment"}, {"jobs"}),
        ({"governorate": "TN-61"}, {"mental"}),
        ({"governorate": "TN-61", "delegation": "TN-61-sfax-ville"}, {"mental"}),
        ({"municipality": "TN-11-bab-bhar"}, {"jobs"}),
        ({"audience": "migrants"}, {"legal"}),
        ({"language": "fr"}, {"jobs"}),
        ({"free": "on"}, {"mental", "legal"}),
        ({"q": "bureau", "governorate": "TN-61"}, set()),
    ],
)
def test_finder_filters(client, directory, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert set(names(response)) == {str(directory[k].name) for k in expected}


def test_open_at_follows_the_weekly_hours_at_a_given_moment(directory):
    mental = directory["mental"]
    actions.update_service(
        actor=None,
        service=mental,
        relations=ServiceRelations(schedules=[(0, time(8, 30), time(12, 0))]),
    )
    monday_10 = datetime(2025, 3, 3, 10, 0, tzinfo=ZoneInfo("Africa/Tunis"))  # a Monday
    assert set(Service.objects.open_at(monday_10)) == {mental}
    assert not Service.objects.open_at(monday_10.replace(hour=12))  # closes at noon
    assert not Service.objects.open_at(monday_10 + timedelta(days=1))  # Tuesday


def test_finder_open_now_uses_the_clock(client, directory):
    today = timezone.localtime().weekday()
    actions.update_service(
        actor=None,
        service=directory["legal"],
        relations=ServiceRelations(schedules=[(today, time(0, 0), time.max)]),
    )
    actions.update_service(
        actor=None,
        service=directory["jobs"],
        relations=ServiceRelations(schedules=[((today + 1) % 7, time(0, 0), time.max)]),
    )
    response = client.get(URL, {"open_now": "on"})
    assert names(response) == ["Permanence juridique"]
    assert response.content.decode().count('data-testid="badge-open"') == 1


def test_finder_near_me_sorts_by_distance(client, directory):
    # From Sfax: Sfax (0 km), then Gabès (~100 km), then Tunis (~230 km).
    response = client.get(URL, {"lat": "34.75", "lon": "10.75"})
    assert names(response) == [
        "Consultation de santé mentale",
        "Permanence juridique",
        "Bureau de l'emploi",
    ]
    html = response.content.decode()
    assert "1,4\xa0km" in html  # French by default: decimal comma, no-break space
    # From Tunis the order turns round, with a text query too.
    response = client.get(URL, {"lat": "36.8", "lon": "10.2", "q": "bureau permanence"})
    assert names(response)[0] == "Bureau de l'emploi"


def test_finder_flags_services_not_verified_for_a_year(client, directory):
    Service.objects.filter(pk=directory["legal"].pk).update(
        verified_at=timezone.now() - timedelta(days=400)
    )
    html = client.get(URL).content.decode()
    assert html.count('data-testid="badge-stale"') == 1
    html = client.get(f"/services/{directory['legal'].pk}/").content.decode()
    assert 'data-testid="badge-stale"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "abc", "lon": "10"},
        {"lat": "nan", "lon": "inf"},
        {"lat": "1e999", "lon": "10"},
        {"lat": "95", "lon": "10"},
        {"category": "no-such-need"},
        {"governorate": "<script>"},
        {"governorate": "TN-11", "delegation": "TN-61-sfax-ville"},
        {"audience": "x" * 300},
        {"language": "klingon"},
        {"page": "999999"},
        {"page": "abc"},
        {"page": "-3"},
        {"q": "santé " * 1000},
        {"q": "\x00\ufffd"},
    ],
)
def test_finder_bad_parameters_are_ignored_with_a_message(client, directory, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="finder-notices"' in html or params.get("q")
    assert "<script>" not in html.split("</head>")[1].split('id="finder-points"')[0]


def test_finder_long_query_is_cut_and_still_searches(client, directory):
    response = client.get(URL, {"q": "mentale " + "x" * 5000}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "only its first 200 characters" in response.content.decode()


def test_finder_pages_by_twenty(client, db):
    for i in range(25):
        make(f"Service {i:02d}")
    first = client.get(URL)
    assert len(names(first)) == 20
    second = client.get(URL, {"page": 2})
    assert names(second) == [f"Service {i:02d}" for i in range(20, 25)]
    clamped = client.get(URL, {"page": 999999}, HTTP_ACCEPT_LANGUAGE="en")
    assert names(clamped) == names(second)
    assert "here is the last page" in clamped.content.decode()
    ranked = client.get(URL, {"q": "service", "page": 999999}, HTTP_ACCEPT_LANGUAGE="en")
    assert len(names(ranked)) == 5 and "here is the last page" in ranked.content.decode()


def _count_queries(client, django_assert_max_num_queries, params, limit):
    client.get(URL, params)  # warm the search vocabulary, loaded once per process
    with django_assert_max_num_queries(limit) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "service"},
        {"lat": "34.7", "lon": "10.7", "open_now": "on", "category": "health"},
        {"governorate": "TN-61", "delegation": "TN-61-sfax-ville", "q": "service"},
    ],
)
def test_finder_query_count_does_not_grow_with_results(
    client, db, django_assert_max_num_queries, params
):
    def add(n):
        for _ in range(n):
            make(
                "Service d'écoute",
                relations=ServiceRelations(
                    categories=[term("mental-health"), term("social-support")],
                    schedules=[(d, time(0, 0), time.max) for d in range(7)],
                ),
                deleg=delegation(),
            )

    add(2)
    few = _count_queries(client, django_assert_max_num_queries, params, 16)
    add(20)
    many = _count_queries(client, django_assert_max_num_queries, params, 16)
    assert few == many


def test_service_page_shows_everything_a_visitor_needs(client, directory):
    mental = directory["mental"]
    actions.update_service(
        actor=None,
        service=mental,
        eligibility_description_fr="Personnes de retour depuis moins d'un an.",
        application_process_fr="Venir sans rendez-vous.",
        fees_description_fr="Gratuit.",
        relations=ServiceRelations(
            schedules=[(0, time(8, 30), time(12, 0)), (2, time(14, 0), time(17, 0))],
            phones=["+216 74 000 000"],
        ),
    )
    publish(mental)
    client.cookies.load({"django_language": "ar"})
    response = client.get(f"/services/{mental.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "استشارة في الصحة النفسية" in html
    assert "Personnes de retour" in html and "Venir sans rendez-vous." in html
    assert "الإثنين" in html or "الاثنين" in html  # Monday, in Arabic
    assert "08:30–12:00" in html
    assert "+216 74 000 000" in html
    assert 'id="service-points"' in html and "34.74" in html
    assert 'data-testid="last-verified"' in html
    # The languages the service is delivered in, named in the visitor's language.
    spoken = re.search(r'data-testid="languages">([^<]*)<', html).group(1)
    assert spoken.strip() == "العربية"


def test_service_page_hides_drafts_and_unknown_ids(client, directory):
    assert client.get(f"/services/{directory['draft'].pk}/").status_code == 404
    assert client.get("/services/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_area_options_narrow_delegations_by_governorate(client, directory):
    html = client.get("/services/areas/", {"governorate": "TN-61"}).content.decode()
    assert 'value="TN-61-sfax-ville"' in html and "TN-11-bab-bhar" not in html
    html = client.get("/services/areas/", {"delegation": "TN-11-bab-bhar"}).content.decode()
    assert 'value="TN-11-bab-bhar"' in html
    assert client.get("/services/areas/", {"governorate": "'; drop"}).status_code == 200


def test_finder_offers_only_the_chosen_governorates_delegations(client, directory):
    html = client.get(URL, {"governorate": "TN-61"}).content.decode()
    assert 'value="TN-61-sfax-ville"' in html and 'value="TN-11-bab-bhar"' not in html
    assert 'hx-get="/services/areas/"' in html
