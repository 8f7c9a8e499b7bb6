"""The permission matrix: every URL and API operation × every persona, allowed or denied.

Each area declares its rows in ``tests/permissions/matrix_<area>.py`` as ``MATRIX``:

    "app:url-name": {
        "allowed": {"admin", "conseiller.sfax", ...} | EVERYONE | STAFF,
        "method": "get" (default) | "post" | "put" | "patch" | "delete",
        "kwargs": {...} or a callable(personas) -> dict  (URL arguments),
        "data": {...} or a callable(personas) -> dict   (POST body),
        "path": "/api/v1/..." or a callable(personas) -> str (API rows, instead of a name),
    }

API rows are keyed "METHOD /api/v1/path/{param}" exactly as the OpenAPI document names them.
A URL or operation without a row fails ``test_every_url_has_a_row``: a new view cannot ship
without saying who may use it.
"""

import importlib
import json
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.personas import PERSONAS

from . import ANONYMOUS, EVERYONE

# URL names that are not views of ours (served by libraries) and need no row.
NOT_VIEWS = {"javascript-catalog"}
# The APIs, whose operations are listed by their OpenAPI documents (paths include the prefix).
API_NAMESPACES = {"api-v1", "api-hsds"}
API_DOCUMENTS = ("/api/v1/openapi.json", "/api/hsds/openapi.json")


def load_matrix() -> dict:
    rows = {}
    package = importlib.import_module("tests.permissions")
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("matrix_"):
            module = importlib.import_module(f"tests.permissions.{info.name}")
            overlap = set(rows) & set(module.MATRIX)
            assert not overlap, f"rows declared twice: {overlap}"
            rows.update(module.MATRIX)
    return rows


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns in API_NAMESPACES:
                continue  # API operations are matched against the OpenAPI document
            yield from url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def api_operations(client):
    for url in API_DOCUMENTS:
        document = json.loads(client.get(url).content)
        for path, operations in document["paths"].items():
            for method in operations:
                yield f"{method.upper()} {path}"


MATRIX = load_matrix()


def test_every_url_has_a_row(client):
    names = set(url_names()) - NOT_VIEWS
    missing = sorted(names - set(MATRIX))
    assert not missing, f"URL names without a permission-matrix row: {missing}"


def test_every_api_operation_has_a_row(client):
    missing = sorted(set(api_operations(client)) - set(MATRIX))
    assert not missing, f"API operations without a permission-matrix row: {missing}"


def test_every_row_names_a_real_url(client):
    known = set(url_names()) | set(api_operations(client))
    stale = sorted(set(MATRIX) - known)
    assert not stale, f"matrix rows for URLs that no longer exist: {stale}"


def _resolve(value, personas):
    return value(personas) if callable(value) else value


def _request(client, key, row, personas, headers):
    method = row.get("method", "get").lower()
    if key.split(" ", 1)[0] in {"GET", "POST", "PUT", "PATCH", "DELETE"}:
        method = key.split(" ", 1)[0].lower()
        url = _resolve(row["path"], personas) if "path" in row else key.split(" ", 1)[1]
    else:
        url = reverse(key, kwargs=_resolve(row.get("kwargs", {}), personas))
    data = _resolve(row.get("data", {}), personas)
    call = getattr(client, method)
    if key.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")) and method != "get":
        return call(url, data=json.dumps(data), content_type="application/json", **headers)
    return call(url, data, **headers)


def _allowed_set(row):
    allowed = row["allowed"]
    return set(PERSONAS) | {ANONYMOUS} if allowed is EVERYONE else set(allowed)


def _denied(response, is_api, anonymous) -> bool:
    if response.status_code in (403, 404):
        return True
    if is_api and response.status_code == 401:
        return True
    if anonymous and response.status_code == 302:
        return "/accounts/login/" in response["Location"]
    return False


@pytest.mark.parametrize("who", [ANONYMOUS, *sorted(PERSONAS)])
def test_matrix(who, persona, client_for, client, settings):
    from tests.api_helpers import token_headers

    web = client if who == ANONYMOUS else client_for(who)
    api_headers = {} if who == ANONYMOUS else token_headers(persona(who))
    failures = []
    # Rows that change state run last, so that reads see the world as seeded.
    ordered = sorted(MATRIX.items(), key=lambda kv: kv[1].get("order", 0))
    for key, row in ordered:
        is_api = key.split(" ", 1)[0] in {"GET", "POST", "PUT", "PATCH", "DELETE"}
        c = client if is_api else web
        response = _request(c, key, row, persona, api_headers if is_api else {})
        expected = who in _allowed_set(row)
        denied = _denied(response, is_api, who == ANONYMOUS)
        if response.status_code >= 500 or expected == denied:
            failures.append(
                f"{key}: {who} expected {'allowed' if expected else 'denied'}, "
                f"got {response.status_code}"
            )
    assert not failures, "\n".join(failures)
