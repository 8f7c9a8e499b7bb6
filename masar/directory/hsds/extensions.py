"""Masar's extensions to HSDS, added by the export (``exchange.exporter``) for a lossless
round trip; the public API sends none. HSDS allows them: its schemas have no
``additionalProperties: false``. ``exchange.hsds_read`` reads them back.

- ``x_masar`` on a location: the codes of its territory (``{"governorate": "TN-61",
  "delegation": …, "municipality": …}``) and its ``city`` and ``postal_code`` as stored (the
  HSDS address fills them in from the territory); on a service: ``is_free``,
  ``verification_status`` and ``stale``;
- ``x_masar_translations``: every language of every translated text of an organisation, a
  location or a service, ``{"name": {"fr": …, "ar": …, "en": …}, …}``.
"""

from dataclasses import dataclass

LANGS = ("fr", "ar", "en")
ORGANIZATION_TEXT = ("name", "description")
SERVICE_TEXT = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
)
LOCATION_TEXT = ("name", "description", "transportation", "accessibility")


@dataclass(frozen=True)
class Extensions:
    """Which extensions to add: ``x_masar`` always, ``x_masar_translations`` with
    ``translations`` (without, the text is in one language only, as plain HSDS)."""

    translations: bool = True


def _extend(data: dict, obj, ext: Extensions | None, texts: tuple, masar=None) -> dict:
    if ext is None:
        return data
    if masar is not None:
        data["x_masar"] = masar
    if ext.translations:
        data["x_masar_translations"] = {
            name: {lang: getattr(obj, f"{name}_{lang}", None) or "" for lang in LANGS}
            for name in texts
        }
    return data


def extend_organization(data: dict, org, ext: Extensions | None) -> dict:
    return _extend(data, org, ext, ORGANIZATION_TEXT)


def extend_location(data: dict, loc, ext: Extensions | None) -> dict:
    """``loc`` with its governorate, delegation and municipality loaded."""
    masar = {
        "governorate": loc.governorate.code,
        "delegation": loc.delegation.code if loc.delegation_id else "",
        "municipality": loc.municipality.code if loc.municipality_id else "",
        "city": loc.city,
        "postal_code": loc.postal_code,
    }
    return _extend(data, loc, ext, LOCATION_TEXT, masar)


def extend_service(data: dict, service, ext: Extensions | None) -> dict:
    masar = {
        "is_free": service.is_free,
        "verification_status": service.verification_status,
        "stale": service.is_stale,
    }
    return _extend(data, service, ext, SERVICE_TEXT, masar)
