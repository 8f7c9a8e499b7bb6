import json

import pytest
from django.test import Client

from masar.api.actions import create_api_token
from masar.geo.models import Delegation, Governorate, Locality


@pytest.fixture
def token_for(persona):
    """``token_for("admin.sfax")`` → the plaintext of a new token of that persona."""

    def make(username, **kwargs):
        _token, secret = create_api_token(
            actor=None, user=persona(username), name="tests", **kwargs
        )
        return secret

    return make


class ApiClient:
    """A test client speaking to /api/v1/ with a bearer token."""

    def __init__(self, secret=None, language=None):
        self.client = Client()
        self.headers = {}
        if secret:
            self.headers["Authorization"] = f"Bearer {secret}"
        if language:
            self.headers["Accept-Language"] = language

    def request(self, method, path, body=None, headers=None, raw=None):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"headers": {**self.headers, **(headers or {})}}
        if data is not None:
            kwargs.update(data=data, content_type="application/json")
        return getattr(self.client, method.lower())(url, **kwargs)

    def get(self, path, **kw):
        return self.request("get", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("post", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("delete", path, **kw)


@pytest.fixture
def api_client(token_for):
    """``api_client("conseiller.sfax")`` → an ApiClient with a fresh token of that persona;
    ``api_client(None)`` → one without a token."""

    def make(username=None, *, language=None):
        return ApiClient(token_for(username) if username else None, language=language)

    return make


@pytest.fixture
def territory(db):
    """A sliver of the territory: Sfax and Tunis, two delegations, three localities."""
    sfax = Governorate.objects.create(code="TN-61", name_fr="Sfax", name_ar="صفاقس", name_en="Sfax")
    tunis = Governorate.objects.create(
        code="TN-11", name_fr="Tunis", name_ar="تونس", name_en="Tunis"
    )
    sakiet = Delegation.objects.create(
        governorate=sfax,
        code="TN-61-sakiet-ezzit",
        name_fr="Sakiet Ezzit",
        name_ar="ساقية الزيت",
        name_en="Sakiet Ezzit",
        postal_code="3021",
    )
    medina = Delegation.objects.create(
        governorate=tunis,
        code="TN-11-medina",
        name_fr="La Médina",
        name_ar="المدينة",
        name_en="The Medina",
        postal_code="1008",
    )
    Locality.objects.create(
        delegation=sakiet,
        name_fr="Sakiet Ezzit",
        name_ar="ساقية الزيت",
        name_en="Sakiet Ezzit",
        postal_code="3021",
    )
    Locality.objects.create(
        delegation=sakiet, name_fr="El Bustan", name_ar="البستان", postal_code="3021"
    )
    Locality.objects.create(
        delegation=medina,
        name_fr="Bab Souika",
        name_ar="باب سويقة",
        name_en="Bab Souika",
        postal_code="1006",
    )
    return {"sfax": sfax, "tunis": tunis, "sakiet": sakiet, "medina": medina}
