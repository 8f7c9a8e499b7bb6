"""The progressive web app's views: manifest, service worker, directory snapshot, offline
page; and the public marker the service worker relies on."""

import gzip
import json
import re
from datetime import time

import pytest
from django.urls import reverse

from masar.directory import actions
from masar.directory.actions import ServiceRelations
from masar.portal import pwa
from tests.factories import DeskOpeningFactory, DeskPointFactory, ServiceFactory

STAFF_PATHS = ("/accounts/", "/cases/", "/desk/", "/portal/", "/api/", "/directory/", "/audit/")


def published(**values):
    service = ServiceFactory(**values)
    actions.verify_service(actor=None, service=service)
    return service


def sw_list(source: str, name: str) -> list:
    found = re.search(rf"const {name} = (\[[^\]]*\]);", source)
    assert found, name
    return json.loads(found.group(1))


@pytest.mark.django_db
class TestManifest:
    def test_french_by_default(self, client):
        response = client.get(reverse("pwa:manifest"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/manifest+json"
        data = response.json()
        assert data["lang"] == "fr" and data["dir"] == "ltr"
        assert data["start_url"] == "/" and data["scope"] == "/"
        assert data["display"] == "standalone"
        assert {"192x192", "512x512"} <= {i["sizes"] for i in data["icons"]}
        assert any(i.get("purpose") == "maskable" for i in data["icons"])
        assert "Accept-Language" in response["Vary"]

    def test_arabic_is_right_to_left(self, client):
        data = client.get(reverse("pwa:manifest"), HTTP_ACCEPT_LANGUAGE="ar").json()
        assert data["lang"] == "ar" and data["dir"] == "rtl"

    def test_icons_exist(self, client):
        for icon in client.get(reverse("pwa:manifest")).json()["icons"]:
            assert client.get(icon["src"]).status_code == 200, icon["src"]

    def test_every_page_links_it(self, client):
        html = client.get(reverse("services:search")).content.decode()
        assert f'rel="manifest" href="{reverse("pwa:manifest")}"' in html
        assert 'name="theme-color"' in html
        assert "masar/pwa.js" in html and 'data-sw="/sw.js"' in html


@pytest.mark.django_db
class TestServiceWorker:
    def test_served_from_the_root_without_caching(self, client):
        response = client.get(reverse("pwa:service-worker"))
        assert reverse("pwa:service-worker") == "/sw.js"
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/javascript")
        assert response["Service-Worker-Allowed"] == "/"
        assert "no-cache" in response["Cache-Control"]

    def test_version_and_precache_filled_in(self, client):
        source = client.get("/sw.js").content.decode()
        assert "__MASAR_" not in source
        version = re.search(r'const VERSION = "([0-9a-f]{12})";', source)
        assert version
        precache = sw_list(source, "PRECACHE")
        assert "/offline/" in precache and "/offline/directory.json" in precache
        assert any(url.endswith("masar.css") for url in precache)
        for url in precache:  # every file it keeps at install exists
            assert client.get(url).status_code == 200, url

    def test_keeps_only_public_paths(self, client):
        source = client.get("/sw.js").content.decode()
        prefixes = sw_list(source, "PUBLIC_PREFIXES")
        exact = sw_list(source, "PUBLIC_EXACT")
        assert tuple(prefixes) == pwa.PUBLIC_PREFIXES and tuple(exact) == pwa.PUBLIC_EXACT
        for staff in STAFF_PATHS:
            assert not any(staff.startswith(p) or p.startswith(staff) for p in prefixes), staff
            assert staff not in exact
        # and it stores a page only when the server marked it public
        assert 'headers.get("X-Masar-Public") === "1"' in source
        assert "isPublicPath(url.pathname) && response" in source

    def test_precached_urls_hold_nothing_personal(self, client):
        for url in sw_list(client.get("/sw.js").content.decode(), "PRECACHE"):
            assert not url.startswith(STAFF_PATHS), url


@pytest.mark.django_db
class TestSnapshot:
    def make_data(self):
        service = published(
            name_fr="Accueil des migrants",
            name_ar="استقبال المهاجرين",
            email="personne@example.tn",
            relations=ServiceRelations(
                phones=["71 000 000"],
                schedules=[(0, time(9), time(12))],
            ),
        )
        draft = ServiceFactory(name_fr="Brouillon interne")
        desk = DeskPointFactory(code="la-marsa", name_fr="Guichet de La Marsa", phone="70 111 222")
        DeskOpeningFactory(desk=desk, weekday=2)
        desk.services.add(service, draft)
        hidden = DeskPointFactory(code="interne", is_public=False)
        return service, draft, desk, hidden

    def test_public_fields_only(self, client, persona):
        service, draft, desk, hidden = self.make_data()
        response = client.get(reverse("pwa:snapshot"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
        data = response.json()
        ids = [s["id"] for s in data["services"]]
        assert ids == [str(service.pk)]  # not the draft
        row = data["services"][0]
        assert row["name"] == {"fr": "Accueil des migrants", "ar": "استقبال المهاجرين"}
        assert row["phones"] == ["71 000 000"] and row["hours"] == [[0, "09:00", "12:00"]]
        assert [d["code"] for d in data["desks"]] == ["la-marsa"]  # not the hidden desk
        desk_row = data["desks"][0]
        assert desk_row["services"] == [str(service.pk)]  # the draft left out
        assert desk_row["openings"] == [[2, "09:00", "13:00"]]
        assert len(desk_row["next"]) == 3
        body = response.content.decode()
        assert "personne@example.tn" not in body  # no e-mail, no staff, no mediators
        assert "Brouillon interne" not in body
        allowed = {"code", "name", "address", "phone", "openings", "next", "services"}
        assert set(desk_row) <= allowed

    def test_same_for_staff(self, client, client_for):
        self.make_data()
        anonymous = client.get(reverse("pwa:snapshot")).json()
        staff = client_for("admin").get(reverse("pwa:snapshot")).json()
        anonymous.pop("generated"), staff.pop("generated")
        assert staff == anonymous  # drafts an administrator may see are not in it

    def test_etag_revalidation(self, client):
        self.make_data()
        first = client.get(reverse("pwa:snapshot"))
        again = client.get(reverse("pwa:snapshot"), HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again["ETag"] == first["ETag"]
        published(name_fr="Nouveau service")
        changed = client.get(reverse("pwa:snapshot"), HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200 and changed["ETag"] != first["ETag"]

    def test_queries_do_not_grow_with_services(self, client, django_assert_max_num_queries):
        for n in range(5):
            published(name_fr=f"Service {n}")
        with django_assert_max_num_queries(14):
            client.get(reverse("pwa:snapshot"))

    def test_demo_data_is_small(self, client):
        from django.core.management import call_command

        call_command("seed_demo", verbosity=0)
        body = client.get(reverse("pwa:snapshot")).content
        size = len(gzip.compress(body))
        print(f"snapshot: {len(body)} bytes, {size} bytes gzip")
        assert size < 150 * 1024


@pytest.mark.django_db
class TestOfflinePage:
    @pytest.mark.parametrize(("lang", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")])
    def test_renders_in_each_language(self, client, lang, direction):
        response = client.get(reverse("pwa:offline"), HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200
        html = response.content.decode()
        assert f'lang="{lang}" dir="{direction}"' in html
        assert 'data-testid="offline-nojs"' in html
        assert f'data-snapshot="{reverse("pwa:snapshot")}"' in html
        assert "<script>" not in html  # no inline script (strict CSP)

    def test_marked_public_for_anonymous_only(self, client, client_for):
        assert client.get(reverse("pwa:offline"))["X-Masar-Public"] == "1"
        assert "X-Masar-Public" not in client_for("admin").get(reverse("pwa:offline"))


@pytest.mark.django_db
class TestPublicMarker:
    """The service worker keeps a page only with this marker: anonymous visitors only."""

    def test_finder_and_service_page(self, client, client_for):
        service = published(name_fr="Écoute")
        urls = [
            reverse("services:search") + "?q=ecoute",
            reverse("services:detail", args=[service.pk]),
        ]
        staff = client_for("conseiller.tunis")
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200 and response["X-Masar-Public"] == "1", url
            assert "Cookie" in response["Vary"]
            assert "X-Masar-Public" not in staff.get(url), url

    def test_not_on_errors(self, client):
        response = client.get(
            reverse("services:detail", args=["00000000-0000-0000-0000-000000000000"])
        )
        assert response.status_code == 404 and "X-Masar-Public" not in response
