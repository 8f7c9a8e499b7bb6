"""The operations: what each persona gets, scoped and in the active language."""

from masar.accounts.models import InstitutionKind, User
from masar.accounts.policy import Perm
from masar.api.models import ApiToken, hash_secret

from .conftest import ApiClient


def new_user(username, institution, roles=("counsellor",)):
    return {
        "institution": institution,
        "username": username,
        "email": f"{username}@ex.tn",
        "first_name": "Amel",
        "last_name": "Ben Salah",
        "roles": list(roles),
    }


def test_me_returns_the_token_owner(api_client):
    body = api_client("admin.sfax").get("me").json()
    assert body["username"] == "admin.sfax"
    assert body["institution"]["code"] == "ote-sfax"
    assert [r["code"] for r in body["roles"]] == ["institution_admin"]
    assert Perm.MANAGE_USERS in body["permissions"]
    assert Perm.MANAGE_ALL_USERS not in body["permissions"]


def test_institutions_list_is_paginated_and_filtered(api_client, persona, territory):
    for code in ("ote-tunis", "ote-sfax", "aneti-sfax", "cps-sfax", "onm"):
        persona.institution(code)
    persona.institution("cps-sfax").governorates.set([territory["sfax"]])
    client = api_client("conseiller.tunis")

    page = client.get("institutions?limit=2&offset=0").json()
    assert page["count"] >= 5 and len(page["items"]) == 2

    antennas = client.get(f"institutions?kind={InstitutionKind.OTE_ANTENNA}").json()
    assert {i["code"] for i in antennas["items"]} == {"ote-tunis", "ote-sfax"}
    assert antennas["items"][0]["parent"] == "ote-siege"

    in_sfax = client.get("institutions?governorate=TN-61").json()
    assert [i["code"] for i in in_sfax["items"]] == ["cps-sfax"]
    assert in_sfax["items"][0]["governorates"] == ["TN-61"]


def test_institutions_limit_is_capped(api_client):
    response = api_client("suivi").get("institutions?limit=0")
    assert response.status_code == 422


def test_institution_detail_name_follows_the_language(api_client, persona):
    persona.institution("onm").__class__.objects.filter(code="onm").update(
        name_en="National Migration Observatory"
    )
    fr = api_client("onm").get("institutions/onm").json()
    en = api_client("onm", language="en").get("institutions/onm").json()
    assert fr["name"] == "Observatoire national de la migration"
    assert en["name"] == "National Migration Observatory"


def test_geo_governorates_in_the_active_language(api_client, territory):
    ar = api_client("mediateur.lamarsa", language="ar").get("geo/governorates").json()
    assert [(g["code"], g["name"]) for g in ar] == [("TN-11", "تونس"), ("TN-61", "صفاقس")]


def test_geo_delegations_of_a_governorate(api_client, territory):
    client = api_client("aneti.sfax", language="en")
    body = client.get("geo/governorates/TN-11/delegations").json()
    assert body == [
        {
            "code": "TN-11-medina",
            "name": "The Medina",
            "postal_code": "1008",
            "governorate": "TN-11",
            "latitude": None,
            "longitude": None,
        }
    ]
    assert client.get("geo/governorates/TN-99/delegations").status_code == 404


def test_geo_localities_by_postal_code_fall_back_to_french(api_client, territory):
    client = api_client("cps.sfax", language="en")
    body = client.get("geo/localities?postal_code=3021").json()
    assert [loc["name"] for loc in body] == ["El Bustan", "Sakiet Ezzit"]  # no English: French
    assert {loc["governorate"] for loc in body} == {"TN-61"}
    assert client.get("geo/localities?postal_code=30").status_code == 422
    assert client.get("geo/localities").status_code == 422


def test_users_institution_admin_creates_in_own_institution(api_client):
    response = api_client("admin.sfax").post("users", new_user("amel", "ote-sfax"))
    assert response.status_code == 201
    body = response.json()
    user = User.objects.get(username="amel")
    assert response["Location"] == f"/api/v1/users/{user.pk}"
    assert body["institution"] == "ote-sfax" and body["roles"] == ["counsellor"]
    assert user.institution.code == "ote-sfax" and not user.has_usable_password()


def test_users_institution_admin_cannot_create_elsewhere(api_client, persona):
    persona.institution("ote-tunis")
    response = api_client("admin.sfax").post("users", new_user("amel", "ote-tunis"))
    assert response.status_code == 403
    assert not User.objects.filter(username="amel").exists()


def test_users_institution_admin_cannot_make_sysadmins(api_client):
    response = api_client("admin.sfax").post("users", new_user("amel", "ote-sfax", ["sysadmin"]))
    assert response.status_code == 403


def test_users_counsellor_cannot_create(api_client):
    response = api_client("conseiller.sfax").post("users", new_user("amel", "ote-sfax"))
    assert response.status_code == 403
    assert not User.objects.filter(username="amel").exists()


def test_users_sysadmin_creates_anywhere(api_client, persona):
    persona.institution("onm")
    assert api_client("admin").post("users", new_user("amel", "onm")).status_code == 201


def test_users_detail_is_scoped(api_client, persona):
    other = persona("conseiller.tunis")
    own = persona("conseiller.sfax")
    client = api_client("admin.sfax")
    assert client.get(f"users/{own.pk}").status_code == 200
    assert client.get(f"users/{other.pk}").status_code == 404


def test_tokens_list_shows_own_tokens_without_secrets(persona, token_for):
    secret = token_for("suivi")
    token_for("onm")
    response = ApiClient(secret).get("tokens")
    body = response.json()
    assert [t["prefix"] for t in body] == [secret[:8]]
    assert secret not in response.content.decode()
    assert body[0]["status"] == "active"


def test_tokens_delete_revokes_own_token(token_for):
    secret = token_for("suivi")
    spare = token_for("suivi")
    token = ApiToken.objects.get(key_hash=hash_secret(spare))
    response = ApiClient(secret).delete(f"tokens/{token.pk}")
    assert response.status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiClient(spare).get("me").status_code == 401


def test_tokens_delete_of_another_users_token_is_404(token_for):
    theirs = ApiToken.objects.get(key_hash=hash_secret(token_for("onm")))
    response = ApiClient(token_for("suivi")).delete(f"tokens/{theirs.pk}")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
