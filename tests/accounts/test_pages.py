"""Every accounts page renders for its users, in Arabic right-to-left too, and the creating
forms are safe against a double submit."""

import pytest
from django.core import mail

from masar.accounts.models import User
from masar.accounts.policy import Role

PAGES = [
    "/accounts/profile/",
    "/accounts/otp/setup/",
    "/accounts/password/change/",
    "/accounts/users/",
    "/accounts/users/new/",
    "/accounts/users/{user}/",
    "/accounts/users/{user}/edit/",
    "/accounts/institutions/",
    "/accounts/institutions/new/",
    "/accounts/institutions/{institution}/",
    "/accounts/institutions/{institution}/edit/",
]


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_pages_render_in_each_language(client_for, persona, lang):
    client = client_for("admin")
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    ids = {"user": persona("conseiller.sfax").pk, "institution": persona.institution("ote-sfax").pk}
    for page in PAGES:
        response = client.get(page.format(**ids))
        assert response.status_code == 200, page
        html = response.content.decode()
        direction = "rtl" if lang == "ar" else "ltr"
        assert f'<html lang="{lang}" dir="{direction}">' in html, page
        assert " style=" not in html, page


def test_pages_public_password_pages_render(client, db):
    for page in (
        "/accounts/login/",
        "/accounts/password/reset/",
        "/accounts/password/reset/sent/",
        "/accounts/password/reset/done/",
    ):
        assert client.get(page).status_code == 200, page


def test_pages_user_create_double_submit_creates_one_account(client_for, persona):
    admin = persona("admin.sfax")
    client = client_for("admin.sfax")
    data = {
        "username": "double.tap",
        "first_name": "Double",
        "last_name": "Tap",
        "email": "double@example.tn",
        "roles": [Role.MEDIATOR],
        "idempotency_key": "6f1c0d7e0b6a4f1e9c2d3b4a5e6f7a8b",
    }
    first = client.post("/accounts/users/new/", data)
    second = client.post("/accounts/users/new/", data)
    assert first.status_code == second.status_code == 302
    assert User.objects.filter(username="double.tap", institution=admin.institution).count() == 1
    assert len(mail.outbox) == 1
