"""Support for the portal's browser tests (page weight, accessibility, offline reading).

``prod_server``: the application served as in production — static files collected by
WhiteNoise's CompressedManifestStaticFilesStorage (hashed names, .gz and .br beside them) and
served by the WhiteNoise middleware, public pages gzipped by PublicGZipMiddleware — instead
of the test live server, whose static handler serves the uncompressed source files.
"""

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings
from django.urls import NoReverseMatch, reverse

PROD_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticStorage"},
}


def url_or_skip(name: str, *args) -> str:
    """The URL of a page another part of issue 5 provides; the test is skipped (not
    failed) only while that page does not exist in this checkout."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        pytest.skip(f"{name} is not in this checkout yet")


def has_url(name: str, *args) -> bool:
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=PROD_STORAGES, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


SENT: list = []  # (path, bytes) of every response prod_server sent, headers included


class _CountingServer:
    """Leave /static/ to the WhiteNoise middleware, as in production, and count the bytes of
    every response as sent (compressed bodies and headers) in SENT."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        sent = [0]

        def counting_start(status, headers, exc_info=None):
            sent[0] += len(status) + 11 + sum(len(k) + len(v) + 4 for k, v in headers)
            return start_response(status, headers, exc_info)

        for chunk in self.application(environ, counting_start):
            sent[0] += len(chunk)
            yield chunk
        SENT.append((environ.get("PATH_INFO", ""), sent[0]))


class _JoiningWSGIServer(ThreadedWSGIServer):
    """Closing waits for the requests still being answered (Django's live server leaves them
    running as daemon threads): none may touch the database while the test's teardown
    flushes it."""

    daemon_threads = False
    block_on_close = True


class _ProdServerThread(LiveServerThread):
    server_class = _JoiningWSGIServer


@pytest.fixture
def prod_server(collected_static, transactional_db, settings):
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = PROD_STORAGES
    settings.WHITENOISE_USE_FINDERS = False
    settings.DEBUG = False
    thread = _ProdServerThread("127.0.0.1", _CountingServer)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    thread.join()


def new_context(browser, base_url, *, locale="fr-FR", service_workers="block", **extra):
    return browser.new_context(
        base_url=base_url,
        viewport={"width": 390, "height": 844},
        locale=locale,
        service_workers=service_workers,
        **extra,
    )


def demo_data():
    """The demo data set (seed_demo), as the public sees it after the merge of issue 5."""
    call_command("seed_demo", verbosity=0)


def first_public_service():
    from masar.directory.models import Service

    return Service.objects.published().order_by("name").first()


def public_desk():
    """A public desk with openings and services: the demo's La Marsa desk when the seed
    makes it, else one made here."""
    from masar.desk.models import DeskPoint
    from tests.factories import DeskOpeningFactory, DeskPointFactory

    desk = DeskPoint.objects.public().filter(code="la-marsa").first()
    if desk is None:
        desk = DeskPointFactory(
            code="la-marsa",
            name_fr="Guichet d'information de La Marsa",
            name_ar="شباك الإعلام بالمرسى",
            name_en="La Marsa information desk",
            address_fr="Municipalité de La Marsa",
            address_ar="بلدية المرسى",
        )
    if not desk.openings.exists():
        DeskOpeningFactory(desk=desk, weekday=2)
    if not desk.services.exists():
        service = first_public_service()
        if service is not None:
            desk.services.add(service)
    return desk
