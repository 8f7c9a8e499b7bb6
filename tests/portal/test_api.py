"""/api/v1/portal: public JSON for a mobile app (no token), languages, pagination, ETag."""

import pytest

from tests.factories import DeskOpeningFactory, DeskPointFactory, InfoPageFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    return [
        InfoPageFactory(
            slug="droits",
            position=1,
            title_fr="Vos droits",
            title_ar="حقوقك",
            body_ar="## نص\n\n<script>x()</script>",
            body_fr="## Texte",
        ),
        InfoPageFactory(slug="risques", position=2, title_fr="Les risques"),
        InfoPageFactory(slug="brouillon", published=False),
    ]


def test_page_list_public_in_the_language_asked(client, pages):
    response = client.get("/api/v1/portal/pages", {"lang": "ar"})
    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "ar" and body["count"] == 2
    assert [p["slug"] for p in body["items"]] == ["droits", "risques"]
    assert body["items"][0]["title"] == "حقوقك" and body["items"][0]["translated"] is True
    # Not translated: the French title, flagged.
    assert body["items"][1]["title"] == "Les risques" and body["items"][1]["translated"] is False
    assert response["ETag"] and response["Last-Modified"]
    assert "Accept-Language" in response["Vary"]


def test_page_list_follows_accept_language(client, pages):
    body = client.get("/api/v1/portal/pages", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert body["language"] == "ar" and body["items"][0]["title"] == "حقوقك"
    body = client.get("/api/v1/portal/pages", HTTP_ACCEPT_LANGUAGE="de").json()
    assert body["language"] == "fr" and body["items"][0]["title"] == "Vos droits"


def test_unknown_language_is_a_400_problem(client, pages, english):
    response = client.get("/api/v1/portal/pages", {"lang": "xx"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "use fr, ar or en" in response.json()["detail"]
    assert client.get("/api/v1/portal/pages/droits", {"lang": "de"}).status_code == 400
    assert client.get("/api/v1/portal/desks", {"lang": "<script>"}).status_code == 400


def test_page_list_etag_answers_304(client, pages):
    first = client.get("/api/v1/portal/pages")
    again = client.get("/api/v1/portal/pages", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    from masar.portal.actions import update_page

    update_page(actor=pages[0].updated_by, page=pages[0], title_fr="Changé")
    changed = client.get("/api/v1/portal/pages", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "abc"}, {"offset": 10**9}],
)
def test_absurd_pagination_is_a_422_problem(client, params):
    response = client.get("/api/v1/portal/pages", params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_pagination(client, pages):
    body = client.get("/api/v1/portal/pages", {"limit": 1, "offset": 1}).json()
    assert body["count"] == 2 and [p["slug"] for p in body["items"]] == ["risques"]
    body = client.get("/api/v1/portal/pages", {"offset": 500}).json()
    assert body["count"] == 2 and body["items"] == []


def test_page_detail_with_sanitised_html_and_markdown(client, pages):
    body = client.get("/api/v1/portal/pages/droits", {"lang": "ar"}).json()
    assert body["body_html"].startswith("<h2>نص</h2>")
    assert "<script" not in body["body_html"]
    assert "<script>x()</script>" in body["body_markdown"]
    assert client.get("/api/v1/portal/pages/brouillon").status_code == 404
    assert client.get("/api/v1/portal/pages/" + "x" * 300).status_code == 404


def test_desks_with_openings_and_hsds_services(client, english):
    from masar.directory.actions import verify_service

    desk = DeskPointFactory(code="la-marsa", name_en="La Marsa desk")
    DeskOpeningFactory(desk=desk, weekday=2)
    service = verify_service(actor=None, service=ServiceFactory())
    desk.services.add(service, ServiceFactory())  # the second is a draft
    DeskPointFactory(code="hidden", is_public=False)
    response = client.get("/api/v1/portal/desks", {"lang": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["code"] == "la-marsa" and item["name"] == "La Marsa desk"
    assert len(item["next_openings"]) == 3
    assert item["services"] == [
        {
            "id": str(service.pk),
            "name": service.name,
            "hsds_url": f"/api/hsds/services/{service.pk}",
        }
    ]
    assert client.get(item["services"][0]["hsds_url"]).status_code == 200
    again = client.get("/api/v1/portal/desks", {"lang": "en"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_api_query_counts(client, pages, django_assert_num_queries):
    with django_assert_num_queries(2):  # count, page
        client.get("/api/v1/portal/pages")
    for _ in range(3):
        DeskOpeningFactory(desk=DeskPointFactory())
    client.get("/api/v1/portal/desks")
    # count, desks, openings, cancelled sessions, services: whatever the number of desks
    with django_assert_num_queries(5):
        client.get("/api/v1/portal/desks")
    DeskOpeningFactory(desk=DeskPointFactory())
    with django_assert_num_queries(5):
        client.get("/api/v1/portal/desks")
