"""Public desk pages: list and detail in three languages, next openings (today/tomorrow,
cancelled sessions skipped), services, only public desks."""

import datetime

import pytest
from django.utils import timezone

from masar.desk.models import DeskSession
from tests.factories import DeskOpeningFactory, DeskPointFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _marsa(**kwargs):
    desk = DeskPointFactory(
        code="la-marsa",
        name_fr="Guichet de La Marsa",
        name_ar="شباك المرسى",
        name_en="La Marsa desk",
        phone="+216 71 749 608",
        latitude=36.8782,
        longitude=10.3247,
        **kwargs,
    )
    return desk


def _open_today_and_tomorrow(desk):
    today = timezone.localdate()
    DeskOpeningFactory(
        desk=desk,
        weekday=today.weekday(),
        opens_at=datetime.time(0, 0),
        closes_at=datetime.time(23, 59),
    )
    DeskOpeningFactory(
        desk=desk,
        weekday=(today + datetime.timedelta(days=1)).weekday(),
        opens_at=datetime.time(9, 0),
        closes_at=datetime.time(12, 30),
    )


@pytest.mark.parametrize(
    ("lang", "name", "today", "tomorrow"),
    [
        ("fr", "Guichet de La Marsa", None, None),
        ("ar", "شباك المرسى", None, None),
        ("en", "La Marsa desk", "Today", "Tomorrow"),
    ],
)
def test_desk_detail_in_each_language(
    client, persona, published_service, lang, name, today, tomorrow
):
    desk = _marsa()
    _open_today_and_tomorrow(desk)
    hidden = ServiceFactory(name_fr="Brouillon caché")
    desk.services.add(published_service, hidden)
    response = client.get("/desks/la-marsa/", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Masar-Public"] == "1"
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    assert 'data-testid="desk-detail"' in html and name in html
    assert 'data-testid="next-opening"' in html and "09:00–12:30" in html
    if today:  # the wording in English (fr/ar come from the catalogues the lead translates)
        assert today in html and tomorrow in html
    services = html[html.index('data-testid="desk-services"') :]
    assert f"/services/{published_service.pk}/" in services
    assert "Brouillon caché" not in html
    assert 'href="tel:+21671749608"' in html
    assert "openstreetmap.org/?mlat=36.87820&amp;mlon=10.32470" in html


def test_cancelled_session_is_skipped(client, english, persona):
    desk = _marsa()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    DeskOpeningFactory(
        desk=desk,
        weekday=tomorrow.weekday(),
        opens_at=datetime.time(9),
        closes_at=datetime.time(12),
    )
    DeskSession.objects.create(
        desk=desk,
        held_on=tomorrow,
        starts_at=datetime.time(9),
        ends_at=datetime.time(12),
        status="cancelled",
        recorded_by=persona("mediateur.lamarsa"),
    )
    html = client.get("/desks/la-marsa/").content.decode()
    first = html[html.index('data-testid="next-opening"') :]
    first = first[: first.index("</li>")]
    assert "Tomorrow" not in first
    assert str((tomorrow + datetime.timedelta(days=7)).day) in first


def test_desk_without_openings_says_so(client, english):
    _marsa()
    html = client.get("/desks/la-marsa/").content.decode()
    assert "No opening announced" in html


@pytest.mark.parametrize("flags", [{"is_public": False}, {"is_active": False}])
def test_hidden_desks_are_404_and_not_listed(client, flags):
    _marsa(**flags)
    assert client.get("/desks/la-marsa/").status_code == 404
    assert "La Marsa" not in client.get("/desks/").content.decode()
    assert client.get("/desks/no-such-desk/").status_code == 404


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_desk_list_in_each_language(client, lang):
    desk = _marsa(address_fr="Place de l'Indépendance")
    _open_today_and_tomorrow(desk)
    response = client.get("/desks/", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert response.status_code == 200 and response["X-Masar-Public"] == "1"
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    assert 'data-testid="desk-list"' in html and "/desks/la-marsa/" in html
    assert "00:00–23:59" in html


def test_desk_list_absurd_pages(client):
    _marsa()
    for page in ("-1", "0", "999999", "x" * 500):
        response = client.get("/desks/", {"page": page})
        assert response.status_code == 200 and "/desks/la-marsa/" in response.content.decode()


def test_desk_list_queries_do_not_grow_with_desks(client, django_assert_num_queries):
    """Desks, municipalities, openings and cancelled sessions are fetched in bulk
    (masar.desk.schedule.with_schedule)."""
    for _ in range(2):
        DeskOpeningFactory(desk=DeskPointFactory())
    client.get("/desks/")
    with django_assert_num_queries(4):  # count, desks, openings, cancelled sessions
        client.get("/desks/")
    for _ in range(2):
        DeskOpeningFactory(desk=DeskPointFactory())
    with django_assert_num_queries(4):
        client.get("/desks/")
