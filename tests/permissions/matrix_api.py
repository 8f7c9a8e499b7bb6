"""Permission matrix of the API (/api/v1/) and of the token web pages (/tokens/).

API rows are keyed "METHOD /api/v1/path/{param}" as the OpenAPI document names them; the
matrix test sends a bearer token of the persona (none for anonymous). The OpenAPI document
and the docs page (/api/v1/openapi.json, /api/v1/docs) are public and not operations.
A token only ever touches its owner's tokens: the rows that revoke one use a token of
"suivi", which only "suivi" may revoke (everyone else gets a 404).
"""

from tests.personas import PERSONAS

STAFF = set(PERSONAS)
TOKEN_OWNER = "suivi"


def _institution_path(personas):
    return f"/api/v1/institutions/{personas.institution('ote-sfax').code}"


def _counsellor_path(personas):
    return f"/api/v1/users/{personas('conseiller.sfax').pk}"


def _delegations_path(personas):
    from masar.geo.models import Governorate

    Governorate.objects.get_or_create(code="TN-61", defaults={"name_fr": "Sfax"})
    return "/api/v1/geo/governorates/TN-61/delegations"


def _new_user(personas):
    """A counsellor account in the OTE Sfax antenna."""
    return {
        "institution": personas.institution("ote-sfax").code,
        "username": "matrix.new",
        "email": "matrix.new@example.tn",
        "roles": ["counsellor"],
    }


def _suivi_token(personas):
    from masar.api.actions import create_api_token

    token, _secret = create_api_token(actor=None, user=personas(TOKEN_OWNER), name="matrix")
    return token.pk


MATRIX = {
    # --- API ------------------------------------------------------------------------------
    "GET /api/v1/me": {"allowed": STAFF},
    "GET /api/v1/institutions": {"allowed": STAFF, "data": {"limit": 5}},
    "GET /api/v1/institutions/{code}": {"allowed": STAFF, "path": _institution_path},
    "POST /api/v1/users": {"allowed": {"admin", "admin.sfax"}, "data": _new_user, "order": 1},
    "GET /api/v1/users/{user_id}": {
        "allowed": {"admin", "admin.sfax", "conseiller.sfax"},
        "path": _counsellor_path,
    },
    "GET /api/v1/geo/governorates": {"allowed": STAFF},
    "GET /api/v1/geo/governorates/{code}/delegations": {
        "allowed": STAFF,
        "path": _delegations_path,
    },
    "GET /api/v1/geo/localities": {"allowed": STAFF, "data": {"postal_code": "3000"}},
    "GET /api/v1/tokens": {"allowed": STAFF},
    "DELETE /api/v1/tokens/{token_id}": {
        "allowed": {TOKEN_OWNER},
        "path": lambda personas: f"/api/v1/tokens/{_suivi_token(personas)}",
        "order": 1,
    },
    # --- Token web pages --------------------------------------------------------------------
    "tokens:token-list": {"allowed": STAFF},
    "tokens:token-create": {
        "allowed": STAFF,
        "method": "post",
        "data": {"name": "matrix", "expires_in": "30"},
        "order": 1,
    },
    "tokens:token-revoke": {
        "allowed": {TOKEN_OWNER},
        "method": "post",
        "kwargs": lambda personas: {"pk": _suivi_token(personas)},
        "order": 1,
    },
}
