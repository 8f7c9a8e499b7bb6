"""Masar's HSDS profile: how Masar fills HSDS 3.0, described in the answer of ``/``."""

from django.utils.translation import gettext as _

from ..models import STALE_AFTER
from .schemas import PER_PAGE_MAX, PER_PAGE_MAX_MINIMAL


def masar_profile(taxonomies: list[dict]) -> dict:
    return {
        "name": "Masar",
        "description": _(
            "The shared directory of services of the Tunisian migration and reintegration "
            "network, published as HSDS 3.0."
        ),
        "languages": {
            "available": ["fr", "ar", "en"],
            "default": "fr",
            "selection": _(
                "HSDS has no translations: every text field comes in the language asked for "
                "with the lang parameter (fr, ar, en) or the Accept-Language header; a text "
                "missing in that language is given in French."
            ),
        },
        "publication": _(
            "Only services verified at least once and not closed for good are published."
        ),
        "verification": {
            "assured_date": _("The date the service's information was last verified."),
            "assurer_email": _(
                "The e-mail address of the verifier's institution (never a person's own)."
            ),
            "stale_after_days": STALE_AFTER.days,
            "alert": _("Set on services not verified for more than a year."),
        },
        "taxonomies": taxonomies,
        "attributes": {
            "category": _("Link to a term of the “needs” taxonomy."),
            "audience": _("Link to a term of the “audiences” taxonomy."),
        },
        "addresses": _(
            "Country TN; region and state_province are the governorate; one physical "
            "address per location."
        ),
        "schedules": _(
            "Weekly rules (freq WEEKLY, byday MO…SU, opens_at/closes_at) in Tunisia's time "
            "(UTC+1); days with the same hours share one rule."
        ),
        "paging": {"per_page_max": PER_PAGE_MAX, "per_page_max_minimal": PER_PAGE_MAX_MINIMAL},
        "order": _(
            "Services come by relevance with search, nearest first with proximity, and "
            "otherwise by modification time (oldest first); service_at_locations by id."
        ),
        "modified_after": _(
            "Services modified on or after the date-time given; changes to an organisation "
            "or a location count as changes of its services."
        ),
    }
