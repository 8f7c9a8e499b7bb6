import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/geo/governorates.geojson"


def test_governorates_geojson_is_public_and_cacheable(territory, client):
    assert reverse("geo:governorates-geojson") == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    cache = response["Cache-Control"]
    assert "public" in cache and "max-age=86400" in cache
    assert "Accept-Language" in response["Vary"]
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["properties"]["attribution"] == "© OpenStreetMap contributors, ODbL 1.0"
    assert len(data["features"]) == 24
    assert len(response.content) < 60_000, len(response.content)
    tunis = next(f for f in data["features"] if f["properties"]["code"] == "TN-11")
    assert tunis["properties"]["name"] == "Tunis"
    assert tunis["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_governorates_geojson_names_follow_the_language(territory, client):
    data = json.loads(client.get(URL, HTTP_ACCEPT_LANGUAGE="ar").content)
    names = {f["properties"]["code"]: f["properties"]["name"] for f in data["features"]}
    assert names["TN-11"] == "تونس"
    assert names["TN-82"] == "مدنين"
    assert data["properties"]["language"] == "ar"


def test_governorates_geojson_answers_not_modified(territory, client):
    first = client.get(URL)
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_governorates_geojson_refuses_post(territory, client):
    assert client.post(URL).status_code == 405
