import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories.accounts import PASSWORD
from .personas import Personas


@pytest.fixture
def persona(db):
    """``persona("conseiller.sfax")`` → that demo user (created on first use)."""
    return Personas()


def login_client(user, *, verified=True) -> Client:
    """A client signed in as ``user`` through the real login form, with a confirmed TOTP
    device verified through the real verification step when ``verified``."""
    from django_otp.oath import totp

    client = Client()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        response = client.post("/accounts/otp/verify/", {"otp_token": f"{code:06d}"})
        assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def client_for(persona):
    """``client_for("admin")`` → a test client signed in (password + TOTP) as that persona."""

    def make(username, *, verified=True):
        return login_client(persona(username), verified=verified)

    return make


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Migrations load reference data (the directory's taxonomies). Tests that flush the
    database (transactional tests, the live server of browser tests) remove it; put it back
    before each test that uses the database."""
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    from masar.directory.models import Taxonomy, TaxonomyTerm
    from masar.directory.taxonomy import sync_taxonomies

    if not TaxonomyTerm.objects.exists():
        sync_taxonomies(Taxonomy, TaxonomyTerm)


@pytest.fixture
def english(settings):
    """Run a test in English (pages, commands and actions): for tests that read messages.
    French stays the default everywhere else; tests/i18n checks all three languages."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in French, the default language, whatever an earlier test activated
    (model fields translated by modeltranslation read and write the active language)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_search_vocabulary():
    """The directory search keeps its word list in memory (reloaded every few minutes in
    production); each test's database is new, so each test starts with the list unloaded."""
    from masar.directory.search import _vocabulary

    _vocabulary.invalidate()
    _vocabulary.words = []
