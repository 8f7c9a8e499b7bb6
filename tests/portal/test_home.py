"""``/``: the public portal's home for visitors, the staff home for signed-in users; the
navigation links of the portal."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import DeskOpeningFactory, DeskPointFactory, InfoPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    desk = DeskPointFactory(code="la-marsa", name_fr="Guichet de La Marsa", name_ar="شباك المرسى")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    DeskOpeningFactory(desk=desk, weekday=tomorrow.weekday(), opens_at=datetime.time(9))
    InfoPageFactory(slug="droits", title_fr="Vos droits", title_ar="حقوقك", body_ar="نص")
    return desk


@pytest.mark.parametrize(("lang", "rtl"), [("fr", False), ("ar", True), ("en", False)])
def test_home_for_visitors_in_each_language(client, content, lang, rtl):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Masar-Public"] == "1"
    assert f'<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}">' in html
    assert 'data-testid="portal-home"' in html
    assert 'action="/services/"' in html and 'name="q"' in html
    assert "/services/?category=" in html  # quick links by need
    assert "/desks/la-marsa/" in html and "09:00–13:00" in html
    assert "/info/droits/" in html
    assert 'href="/brochure/"' in html
    assert ("شباك المرسى" in html) == (lang == "ar")


def test_home_in_english_says_tomorrow(client, content, english):
    assert "Tomorrow, 09:00–13:00" in client.get("/").content.decode()


def test_signed_in_staff_keep_their_home(client_for, content):
    response = client_for("conseiller.tunis").get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="portal-home"' not in html
    assert "X-Masar-Public" not in response


def test_home_query_count(client, content, django_assert_num_queries):
    DeskOpeningFactory(desk=DeskPointFactory())
    client.get("/")
    # needs, desks, openings, cancelled sessions, pages
    with django_assert_num_queries(5):
        client.get("/")
    DeskOpeningFactory(desk=DeskPointFactory())
    with django_assert_num_queries(5):
        client.get("/")


def test_navigation_links(client, client_for):
    html = client.get("/").content.decode()
    assert 'data-testid="nav-info"' in html and 'data-testid="nav-desks"' in html
    assert "nav-portal-pages" not in html and "nav-portal-feedback" not in html
    supervisor = client_for("superviseur").get("/").content.decode()
    assert "nav-portal-pages" in supervisor and "nav-portal-feedback" in supervisor
    me_officer = client_for("suivi").get("/").content.decode()
    assert "nav-portal-pages" not in me_officer and "nav-portal-feedback" in me_officer
    counsellor = client_for("conseiller.tunis").get("/").content.decode()
    assert "nav-portal-pages" not in counsellor and "nav-info" in counsellor


def test_search_from_home_with_absurd_parameters(client):
    response = client.get("/services/", {"q": "x" * 5000, "page": "-1"})
    assert response.status_code == 200
    response = client.get("/services/", {"q": "<script>alert(1)</script>", "page": "999999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
@pytest.mark.parametrize("path", ["/info/", "/feedback/", "/desks/"])
def test_public_pages_for_anonymous_in_each_language(client, content, path, lang):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert response["X-Masar-Public"] == "1"
    assert "Accept-Language" in response["Vary"]
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
    assert 'id="main"' in html
