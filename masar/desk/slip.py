"""The referral slip the person takes away: the desk, the date, the reference and, for each
service they were oriented to, its name, organisation, address, phone and opening hours, in
the language the person chose. Nothing personal: no name, no profile.

``sms_text`` is the short version to send by SMS or a messaging app: one line per service,
at most ``SMS_LIMIT`` characters (three SMS segments of Latin text; Arabic needs more
segments, which phones join)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from masar.directory.brochure import hours_lines
from masar.directory.models import Location, Service, ServiceAtLocation

SMS_LIMIT = 480
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass
class SlipService:
    name: str
    organization: str
    address: str
    phone: str
    hours: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def hours_text(self) -> str:
        return "; ".join(f"{days} {', '.join(spans)}" for days, spans in self.hours)


def slip_language(requested: str | None) -> str:
    if requested in LANGUAGES:
        return requested
    return translation.get_language() if translation.get_language() in LANGUAGES else "fr"


def _services(contact):
    places = ServiceAtLocation.objects.select_related(
        "location__municipality", "location__governorate", "location__delegation"
    ).prefetch_related(Prefetch("location__phones"))
    return (
        Service.objects.filter(desk_orientations__contact=contact)
        .select_related("organization")
        .prefetch_related(
            "schedules",
            "phones",
            "organization__phones",
            Prefetch("at_locations", queryset=places),
        )
        .order_by("name")
    )


def _address(location: Location) -> str:
    town = (
        location.municipality.name
        if location.municipality_id
        else (location.delegation.name if location.delegation_id else location.city)
    )
    parts = [location.address_1, town]
    return ", ".join(p for p in dict.fromkeys(parts) if p)


def slip_services(contact, language: str) -> list[SlipService]:
    """The oriented services, rendered in ``language`` (translated columns and day names)."""
    with translation.override(language):
        out = []
        for service in _services(contact):
            places = [sal.location for sal in service.at_locations.all()]
            location = places[0] if places else None
            phones = [p.number for p in service.phones.all()]
            if not phones and location is not None:
                phones = [p.number for p in location.phones.all()]
            if not phones:
                phones = [p.number for p in service.organization.phones.all()]
            out.append(
                SlipService(
                    name=service.name,
                    organization=service.organization.name,
                    address=_address(location) if location else "",
                    phone=phones[0] if phones else "",
                    hours=[(str(d), s) for d, s in hours_lines(service.schedules.all())],
                )
            )
        return out


def sms_text(contact, services: list[SlipService], language: str) -> str:
    """One line per service: name, phone, address; shortened to stay under SMS_LIMIT."""
    with translation.override(language):
        head = f"{contact.desk.name} {contact.reference}"
        lines = []
        for s in services:
            parts = [s.name, s.phone, s.address]
            lines.append(" - ".join(p for p in parts if p))
        text = "\n".join([head, *lines])
        if len(text) <= SMS_LIMIT:
            return text
        # Too long: drop the addresses, then cut each name to share the room.
        lines = [" - ".join(p for p in (s.name, s.phone) if p) for s in services]
        text = "\n".join([head, *lines])
        if len(text) <= SMS_LIMIT:
            return text
        room = max(20, (SMS_LIMIT - len(head)) // max(1, len(services)) - 2)
        lines = []
        for s in services:
            tail = f" - {s.phone}" if s.phone else ""
            name = s.name[: max(8, room - len(tail) - 1)]
            lines.append(name + ("…" if len(name) < len(s.name) else "") + tail)
        return "\n".join([head, *lines])[:SMS_LIMIT]


def slip_title(language: str) -> str:
    with translation.override(language):
        return _("Where to go")
