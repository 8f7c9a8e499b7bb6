"""Permission matrix rows of the public portal: the public pages (``public:``, open to
everyone, signed in or not), the staff pages (``portal:``: page editors — system
administrator and supervisor; feedback moderators — they and the M&E officer) and the
public JSON API (/api/v1/portal, no token). See test_matrix.py for the format.

Objects are created on first use by the ``kwargs``/``path`` callables."""

from . import EVERYONE

EDITORS = {"admin", "superviseur"}
MODERATORS = {"admin", "superviseur", "suivi"}


def _page(personas):
    from masar.portal.models import InfoPage
    from tests.factories import InfoPageFactory

    page = InfoPage.objects.filter(slug="matrice").first()
    return page or InfoPageFactory(slug="matrice", actor=personas("admin"))


def _desk(personas):
    from masar.desk.models import DeskPoint
    from tests.factories import DeskPointFactory

    return DeskPoint.objects.filter(code="matrice").first() or DeskPointFactory(code="matrice")


def _feedback(personas):
    from tests.factories import FeedbackFactory

    return {"pk": FeedbackFactory(page=_page(personas)).pk}


MATRIX = {
    "public:page-list": {"allowed": EVERYONE},
    "public:page-detail": {"allowed": EVERYONE, "kwargs": lambda p: {"slug": _page(p).slug}},
    "public:desk-list": {"allowed": EVERYONE},
    "public:desk-detail": {"allowed": EVERYONE, "kwargs": lambda p: {"code": _desk(p).code}},
    "public:feedback": {"allowed": EVERYONE},
    "portal:page-list": {"allowed": EDITORS},
    "portal:page-create": {"allowed": EDITORS},
    "portal:page-edit": {"allowed": EDITORS, "kwargs": lambda p: {"pk": _page(p).pk}},
    "portal:page-preview": {"allowed": EDITORS, "kwargs": lambda p: {"pk": _page(p).pk}},
    "portal:page-status": {
        "allowed": EDITORS,
        "method": "post",
        "kwargs": lambda p: {"pk": _page(p).pk},
        "data": {"status": "published"},
        "order": 500,
    },
    "portal:feedback-list": {"allowed": MODERATORS},
    "portal:feedback-moderate": {
        "allowed": MODERATORS,
        "method": "post",
        "kwargs": _feedback,
        "data": {"decision": "published"},
        "order": 500,
    },
    "GET /api/v1/portal/pages": {"allowed": EVERYONE},
    "GET /api/v1/portal/pages/{slug}": {
        "allowed": EVERYONE,
        "path": lambda p: f"/api/v1/portal/pages/{_page(p).slug}",
    },
    "GET /api/v1/portal/desks": {"allowed": EVERYONE},
}
