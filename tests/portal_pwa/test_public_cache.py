"""The short server-side cache of anonymous public pages (masar.portal.public): the next
visitor gets the page with a CSRF token of their own; staff never get a kept page."""

import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from masar.directory import actions
from masar.directory.models import Service
from tests.factories import ServiceFactory

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "public_pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "test-public-pages",
        },
    }
    from django.core.cache import caches

    caches["public_pages"].clear()
    yield caches["public_pages"]
    caches["public_pages"].clear()


@pytest.fixture
def service(db):
    service = ServiceFactory(name_fr="Écoute des migrants")
    actions.verify_service(actor=None, service=service)
    return service


def rename(service, name):
    Service.objects.filter(pk=service.pk).update(name_fr=name, name=name)


def test_next_visitor_gets_the_kept_page_with_their_own_token(page_cache, service):
    url = reverse("services:detail", args=[service.pk])
    first = Client(enforce_csrf_checks=True)
    assert "Écoute des migrants" in first.get(url).content.decode()
    rename(service, "Nom changé")
    second = Client(enforce_csrf_checks=True)
    response = second.get(url)
    html = response.content.decode()
    assert "Écoute des migrants" in html  # kept
    assert response["X-Masar-Public"] == "1"
    secret = second.cookies["csrftoken"].value
    tokens = TOKEN.findall(html)
    assert tokens and all(_unmask_cipher_token(t) == secret for t in tokens)
    assert secret != first.cookies["csrftoken"].value
    # and the language switch posted with that token is accepted
    answer = second.post(
        reverse("set_language"), {"language": "ar", "next": url, "csrfmiddlewaretoken": tokens[0]}
    )
    assert answer.status_code == 302


def test_languages_are_kept_apart(page_cache, service):
    url = reverse("services:detail", args=[service.pk])
    assert 'lang="fr"' in Client().get(url).content.decode()
    assert 'lang="ar"' in Client().get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()


def test_staff_never_get_a_kept_page(page_cache, service, client_for):
    url = reverse("services:search") + "?q=migrants"
    Client().get(url)
    rename(service, "Écoute des migrants et des rapatriés")
    staff = client_for("conseiller.tunis").get(url)
    assert "des rapatriés" in staff.content.decode()
    assert "X-Masar-Public" not in staff


def test_absurd_addresses_are_not_kept(page_cache, service):
    url = reverse("services:search") + "?q=" + "x" * 600
    assert Client().get(url).status_code == 200
    assert not page_cache._cache  # nothing kept


def test_without_the_cache_setting_pages_are_fresh(service, client):
    """The test settings keep nothing (the dummy cache): every test sees its own data."""
    url = reverse("services:detail", args=[service.pk])
    client.get(url)
    rename(service, "Nom changé")
    assert "Nom changé" in client.get(url).content.decode()
