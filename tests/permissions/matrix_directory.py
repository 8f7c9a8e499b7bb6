"""Permission matrix rows for the directory pages: the public finder (``services:``) and
the staff pages (``directory:``). See test_matrix.py for the format.

Objects are created lazily by the ``kwargs`` callables, around an organisation kept by the
OTE Sfax antenna: its staff (admin.sfax, conseiller.sfax) and the system administrator
change it; the supervisor verifies; another institution's staff see published entries only
(a draft of Sfax is a 404 for them, a published one a 403 on edit).
"""

from tests.personas import PERSONAS

from . import EVERYONE

STAFF = set(PERSONAS)
EDITORS = STAFF - {"suivi", "onm", "social.sfax"}  # directory.edit_own_services
SFAX_EDITORS = {"admin", "admin.sfax", "conseiller.sfax"}
VERIFIERS = {"admin", "superviseur"}


def _sfax_organization(personas):
    from tests.factories import OrganizationFactory

    return OrganizationFactory(institution=personas.institution("ote-sfax"))


def _organization(personas):
    return {"pk": _sfax_organization(personas).pk}


def _location(personas):
    from tests.factories import LocationFactory

    return {"pk": LocationFactory(organization=_sfax_organization(personas)).pk}


def _draft(personas):
    from tests.factories import ServiceFactory

    return {"pk": ServiceFactory(organization=_sfax_organization(personas)).pk}


def _published(personas):
    from masar.directory.actions import verify_service
    from tests.factories import ServiceFactory

    service = ServiceFactory(organization=_sfax_organization(personas))
    verify_service(actor=None, service=service)
    return {"pk": service.pk}


MATRIX = {
    # Public finder: no sign-in.
    "services:search": {"allowed": EVERYONE},
    "services:area-options": {"allowed": EVERYONE},
    "services:detail": {"allowed": EVERYONE, "kwargs": _published},
    # Organisations are public information for every signed-in person.
    "directory:organization-list": {"allowed": STAFF},
    "directory:organization-detail": {"allowed": STAFF, "kwargs": _organization},
    "directory:organization-create": {"allowed": EDITORS},
    "directory:organization-edit": {"allowed": SFAX_EDITORS, "kwargs": _organization},
    "directory:location-create": {"allowed": SFAX_EDITORS, "kwargs": _organization},
    "directory:location-edit": {"allowed": SFAX_EDITORS, "kwargs": _location},
    # Services: a draft is seen by its organisation's staff and the verifiers only.
    "directory:service-create": {"allowed": SFAX_EDITORS, "kwargs": _organization},
    "directory:service-detail": {"allowed": SFAX_EDITORS | VERIFIERS, "kwargs": _draft},
    "directory:service-edit": {"allowed": SFAX_EDITORS, "kwargs": _draft},
    "directory:service-history": {"allowed": SFAX_EDITORS | VERIFIERS, "kwargs": _draft},
    "directory:stale-list": {"allowed": VERIFIERS},
    "directory:service-submit": {
        "allowed": SFAX_EDITORS,
        "method": "post",
        "kwargs": _draft,
        "order": 500,
    },
    "directory:service-verify": {
        "allowed": VERIFIERS,
        "method": "post",
        "kwargs": _draft,
        "order": 500,
    },
}
