"""A service's history, read from the audit trail: each event as readable rows."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from ..models import Service, VerificationStatus

RELATION_LABELS = {
    "categories": _("needs met"),
    "audiences": _("audiences"),
    "languages": _("languages spoken"),
    "locations": _("places"),
    "schedules": _("opening hours"),
    "phones": _("phones"),
}
LANGUAGE_SUFFIXES = {"fr": _("French"), "ar": _("Arabic"), "en": _("English")}
EMPTY = "—"


def field_label(name: str) -> str:
    if name in RELATION_LABELS:
        return str(RELATION_LABELS[name])
    base, _sep, suffix = name.rpartition("_")
    if base and suffix in LANGUAGE_SUFFIXES:
        return f"{field_label(base)} ({LANGUAGE_SUFFIXES[suffix]})"
    try:
        return str(Service._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def show(name: str, value) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if name == "verification_status" and value in VerificationStatus.values:
        return str(VerificationStatus(value).label)
    if name == "schedules" and isinstance(value, list):
        return "; ".join(_span(v) for v in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _span(value) -> str:
    from ..models import Weekday

    try:
        day, opens, closes = value
        return f"{Weekday(int(day)).label} {opens}–{closes}"
    except (TypeError, ValueError):
        return str(value)


def history_rows(events) -> list[dict]:
    """``{"event", "changes": [(label, before, after)]}``; ``before`` is None on creation."""
    rows = []
    for event in events:
        changes = []
        for name, value in sorted((event.changes or {}).items()):
            if (
                isinstance(value, list)
                and len(value) == 2
                and event.action != "create"
                or isinstance(value, list)
                and len(value) == 2
                and name in RELATION_LABELS
            ):
                before, after = value
            else:
                before, after = None, value
            changes.append(
                (
                    field_label(name),
                    None if before is None else show(name, before),
                    show(name, after),
                )
            )
        rows.append({"event": event, "changes": changes})
    return rows
