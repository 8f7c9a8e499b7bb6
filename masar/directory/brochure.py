"""The printable brochure: the published services of one governorate or one municipality,
in French, Arabic or English, as a PDF (WeasyPrint; Arabic is shaped by Pango and laid out
right to left). Grouped by need; each service with its organisation, addresses, phones,
hours, languages, cost and last verification date, stale entries marked.

Only what the public sees goes in: ``Service.objects.visible_to(None)``.
"""

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Count, Max, Prefetch
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.text import slugify
from django.utils.translation import gettext as _

from masar.geo.models import Governorate, Municipality

from .models import Schedule, Service, ServiceAtLocation, TaxonomyTerm

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
STYLESHEET = "masar/brochure.css"
VERSION = "1"  # bump when the layout changes: cached PDFs and ETags follow
CACHE_SECONDS = 24 * 3600


@dataclass
class Area:
    code: str
    kind: str  # "governorate" | "municipality"
    governorate: Governorate
    municipality: Municipality | None = None

    @property
    def name(self) -> str:
        return (self.municipality or self.governorate).name

    @property
    def slug(self) -> str:
        return slugify((self.municipality or self.governorate).name_fr)

    def services(self):
        public = Service.objects.visible_to(None)
        if self.municipality:
            return public.in_area(municipality=self.code)
        return public.in_area(governorate=self.code)

    def places(self):
        """The service locations inside the area."""
        if self.municipality:
            return ServiceAtLocation.objects.filter(location__municipality=self.municipality)
        return ServiceAtLocation.objects.filter(location__governorate=self.governorate)


def find_area(code: str) -> Area | None:
    """A governorate code (TN-61) or a municipality code (TN-11-la-marsa)."""
    gov = Governorate.objects.filter(code=code).first()
    if gov is not None:
        return Area(code, "governorate", gov)
    muni = Municipality.objects.select_related("delegation__governorate").filter(code=code).first()
    if muni is not None:
        return Area(code, "municipality", muni.delegation.governorate, muni)
    return None


def filename(area: Area, lang: str) -> str:
    return f"masar-services-{area.slug}-{lang}.pdf"


def fingerprint(area: Area, lang: str, today: date | None = None) -> str:
    """Changes whenever a published service of the area (or its place, or its
    organisation: the actions bump ``modified_at``) changes, and every day (stale marks)."""
    stats = area.services().aggregate(n=Count("pk"), last=Max("modified_at"))
    today = today or timezone.localdate()
    last = stats["last"].isoformat() if stats["last"] else "-"
    raw = f"{VERSION}|{area.code}|{lang}|{stats['n']}|{last}|{today.isoformat()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


# --- Building the content ---------------------------------------------------------------


@dataclass
class Group:
    term: TaxonomyTerm | None
    anchor: str
    entries: list = field(default_factory=list)  # services whose first need this is
    see_also: list = field(default_factory=list)  # services listed under another need

    @property
    def size(self) -> int:
        return len(self.entries) + len(self.see_also)

    @property
    def title(self) -> str:
        return self.term.name if self.term else _("Other services")


def _top(term: TaxonomyTerm) -> TaxonomyTerm:
    return term.parent if term.parent_id else term


def hours_lines(schedules) -> list[tuple[str, list[str]]]:
    """[(days, [spans])]: consecutive days with the same hours merged ("Mon–Thu")."""
    by_day: dict[int, list[str]] = {}
    for s in sorted(schedules, key=lambda s: (s.weekday, s.opens_at)):
        by_day.setdefault(s.weekday, []).append(f"{s.opens_at:%H:%M}–{s.closes_at:%H:%M}")
    if len(by_day) == 7 and all(v == ["00:00–23:59"] for v in by_day.values()):
        return [(_("Every day"), [_("24 hours a day")])]
    lines, run = [], []
    for day in range(7):
        spans = by_day.get(day)
        if run and spans == by_day[run[-1]] and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            lines.append((run, by_day[run[-1]]))
        run = [day] if spans else []
    if run:
        lines.append((run, by_day[run[-1]]))
    result = []
    for days, spans in lines:
        first, last = str(WEEKDAYS_ABBR[days[0]]), str(WEEKDAYS_ABBR[days[-1]])
        label = first if len(days) == 1 else f"{first}–{last}"
        result.append((label, spans))
    return result


def _language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _entry(service: Service) -> dict:
    places = [sal.location for sal in service.area_places]
    verified = timezone.localtime(service.verified_at).date() if service.verified_at else None
    return {
        "service": service,
        "organization": service.organization,
        "places": places,
        "phones": [p.number for p in service.phones.all()],
        "hours": hours_lines(service.schedules.all()),
        "languages": [_language_name(lang.code) for lang in service.languages.all()],
        "audiences": [t.name for t in service.audiences.all()],
        "verified": formats.date_format(verified, "j F Y") if verified else "",
        "stale": service.is_stale,
        "closed": service.status == "temporarily closed",
    }


def build_context(area: Area, lang: str) -> dict:
    """Everything the template needs, computed in the brochure's language."""
    services = (
        area.services()
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "categories",
                queryset=TaxonomyTerm.objects.select_related("parent"),
            ),
            "audiences",
            "languages",
            "phones",
            Prefetch("schedules", queryset=Schedule.objects.all()),
            Prefetch(
                "at_locations",
                queryset=area.places().select_related(
                    "location__delegation", "location__municipality"
                ),
                to_attr="area_places",
            ),
        )
    )
    groups: dict[str | None, Group] = {}

    def group(term):
        key = term.code if term else None
        if key not in groups:
            groups[key] = Group(term, f"cat-{key or 'other'}")
        return groups[key]

    # Each service is printed once, under its first need (taxonomy order), and listed with
    # its page number under its other needs.
    for service in services:
        tops = sorted({_top(t) for t in service.categories.all()}, key=lambda t: t.position)
        group(tops[0] if tops else None).entries.append(_entry(service))
        for other in tops[1:]:
            group(other).see_also.append(service)
    ordered = sorted(
        groups.values(), key=lambda g: (g.term is None, g.term.position if g.term else 0)
    )
    for g in ordered:
        g.entries.sort(key=lambda e: e["service"].name.casefold())
        g.see_also.sort(key=lambda s: s.name.casefold())
    count = sum(len(g.entries) for g in ordered)
    return {
        "area": area,
        "area_name": area.name,
        "governorate_name": area.governorate.name,
        "groups": ordered,
        "count": count,
        "stale_count": sum(e["stale"] for g in ordered for e in g.entries),
        "generated": formats.date_format(timezone.localdate(), "j F Y"),
        "lang": lang,
        "rtl": translation.get_language_bidi(),
        "sep": "، " if translation.get_language_bidi() else ", ",
    }


def render_html(area: Area, lang: str) -> str:
    with translation.override(lang):
        return render_to_string("directory/brochure/brochure.html", build_context(area, lang))


def _fetcher():
    """WeasyPrint fetches nothing but our own static files: no network, no other file."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    roots = [os.path.realpath(finders.find(p)) for p in ("masar", "vendor/fonts")]

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = os.path.realpath(unquote(parts.path)) if parts.scheme == "file" else ""
            if not any(path.startswith(root + os.sep) for root in roots):
                raise ValueError(f"brochure: refusing to fetch {url}")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols=("file",))


def render_pdf(area: Area, lang: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_html(area, lang)
    fonts = FontConfiguration()
    fetcher = _fetcher()
    stylesheet = CSS(filename=finders.find(STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], font_config=fonts
    )


def brochure_pdf(area: Area, lang: str, etag: str | None = None) -> bytes:
    """The PDF, from the cache when nothing it shows has changed."""
    key = f"masar:brochure:{etag or fingerprint(area, lang)}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(area, lang)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def area_choices():
    """Governorates and municipalities with their number of published services."""
    published = Service.objects.visible_to(None)
    places = ServiceAtLocation.objects.filter(service__in=published)
    per_gov = dict(
        places.values_list("location__governorate__code").annotate(
            n=Count("service", distinct=True)
        )
    )
    per_muni = dict(
        places.filter(location__municipality__isnull=False)
        .values_list("location__municipality__code")
        .annotate(n=Count("service", distinct=True))
    )
    governorates = [(g, per_gov.get(g.code, 0)) for g in Governorate.objects.order_by("name")]
    municipalities = [
        (m, per_muni[m.code])
        for m in Municipality.objects.filter(code__in=per_muni).select_related(
            "delegation__governorate"
        )
    ]
    municipalities.sort(key=lambda mn: (mn[0].delegation.governorate.name, mn[0].name))
    return governorates, municipalities
