"""Pages render in French (default), Arabic (right-to-left) and English."""

import pytest

EXPECTED = {
    "fr": ("ltr", "Se connecter", "bootstrap.min.css"),
    "ar": ("rtl", "تسجيل الدخول", "bootstrap.rtl.min.css"),
    "en": ("ltr", "Sign in", "bootstrap.min.css"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", EXPECTED)
def test_login_page_renders_in_each_language(client, lang):
    direction, sign_in, css = EXPECTED[lang]
    client.cookies.load({"django_language": lang})
    html = client.get("/accounts/login/").content.decode()
    assert f'lang="{lang}"' in html and f'dir="{direction}"' in html
    assert sign_in in html
    assert css in html


@pytest.mark.django_db
def test_french_is_the_default_even_for_unknown_languages(client):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="xx-YY").content.decode()
    assert 'lang="fr"' in html and "Se connecter" in html


@pytest.mark.django_db
def test_browser_language_is_honoured(client):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ar-TN,ar;q=0.9").content.decode()
    assert 'dir="rtl"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang", EXPECTED)
def test_signed_in_home_renders_in_each_language(client_for, lang):
    client = client_for("conseiller.sfax")
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    html = client.get("/").content.decode()
    assert f'lang="{lang}"' in html and f'dir="{EXPECTED[lang][0]}"' in html
