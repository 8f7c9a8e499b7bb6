"""Permission matrix of the public, read-only HSDS API (/api/hsds/).

Rows are keyed "GET /api/hsds/path/{param}" as /api/hsds/openapi.json names them; every
operation is open to everyone (anonymous or with any persona's token, which the API ignores).
Detail rows fetch a published service and what it links to, created on first use.
The OpenAPI document itself (/api/hsds/openapi.json) is public and not an operation.
"""

from tests.permissions import EVERYONE


def _service():
    from masar.directory import actions
    from masar.directory.models import Service
    from tests.factories import ServiceFactory

    service = Service.objects.published().filter(name_fr="Matrice HSDS").first()
    if service is None:
        service = ServiceFactory(name_fr="Matrice HSDS")
        service = actions.verify_service(actor=None, service=service)
    return service


def _service_path(personas):
    return f"/api/hsds/services/{_service().pk}"


def _organization_path(personas):
    return f"/api/hsds/organizations/{_service().organization_id}"


def _service_at_location_path(personas):
    return f"/api/hsds/service_at_locations/{_service().at_locations.get().pk}"


def _taxonomy_path(personas):
    from masar.directory.models import Taxonomy

    return f"/api/hsds/taxonomies/{Taxonomy.objects.get(code='needs').pk}"


def _taxonomy_term_path(personas):
    from tests.factories.directory import term

    return f"/api/hsds/taxonomy_terms/{term('mental-health').pk}"


MATRIX = {
    "GET /api/hsds/": {"allowed": EVERYONE},
    "GET /api/hsds/services": {"allowed": EVERYONE, "data": {"search": "matrice"}},
    "GET /api/hsds/services/{id}": {"allowed": EVERYONE, "path": _service_path},
    "GET /api/hsds/organizations": {"allowed": EVERYONE},
    "GET /api/hsds/organizations/{id}": {"allowed": EVERYONE, "path": _organization_path},
    "GET /api/hsds/service_at_locations": {"allowed": EVERYONE},
    "GET /api/hsds/service_at_locations/{id}": {
        "allowed": EVERYONE,
        "path": _service_at_location_path,
    },
    "GET /api/hsds/taxonomies": {"allowed": EVERYONE},
    "GET /api/hsds/taxonomies/{id}": {"allowed": EVERYONE, "path": _taxonomy_path},
    "GET /api/hsds/taxonomy_terms": {"allowed": EVERYONE},
    "GET /api/hsds/taxonomy_terms/{id}": {"allowed": EVERYONE, "path": _taxonomy_term_path},
}
