"""The public service finder: its filter form and the queries behind it.

Every parameter is optional and forgiving: a value that cannot be used (unknown category,
non-numeric latitude, a delegation outside the chosen governorate, …) is ignored and the page
says so; a query longer than ``MAX_QUERY_LENGTH`` is cut. Nothing here can answer 500.
"""

import math

from django import forms
from django.db.models import F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from masar.geo.models import Delegation, Governorate, Municipality

from . import search as directory_search
from .models import Service, ServiceAtLocation, TaxonomyTerm

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
KM_PER_DEGREE = 111.2
# Languages offered in the filter and the service form (ISO 639-1).
LANGUAGE_CODES = ("ar", "fr", "en", "it", "de", "es")


def language_choices():
    from django.utils.translation import get_language_info

    return [(code, get_language_info(code)["name_translated"]) for code in LANGUAGE_CODES]


def terms(taxonomy_code):
    return TaxonomyTerm.objects.filter(taxonomy__code=taxonomy_code).order_by("position", "code")


class FinderForm(forms.Form):
    """Bound to ``request.GET``. Fields that do not validate are dropped, not fatal."""

    q = forms.CharField(label=_("What are you looking for?"), required=False, strip=True)
    category = forms.ModelChoiceField(
        label=_("Need"), queryset=TaxonomyTerm.objects.none(), to_field_name="code", required=False
    )
    governorate = forms.ModelChoiceField(
        label=_("Governorate"),
        queryset=Governorate.objects.all(),
        to_field_name="code",
        required=False,
    )
    delegation = forms.ModelChoiceField(
        label=_("Delegation"),
        queryset=Delegation.objects.all(),
        to_field_name="code",
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="code",
        required=False,
    )
    audience = forms.ModelChoiceField(
        label=_("For"), queryset=TaxonomyTerm.objects.none(), to_field_name="code", required=False
    )
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180)

    IGNORED = {
        "category": _("Unknown need: this filter was ignored."),
        "governorate": _("Unknown governorate: this filter was ignored."),
        "delegation": _("Unknown delegation: this filter was ignored."),
        "municipality": _("Unknown municipality: this filter was ignored."),
        "audience": _("Unknown audience: this filter was ignored."),
        "language": _("Unknown language: this filter was ignored."),
        "lat": _("The position could not be read: results are not sorted by distance."),
        "lon": _("The position could not be read: results are not sorted by distance."),
    }

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.fields["category"].queryset = terms("needs")
        self.fields["audience"].queryset = terms("audiences")
        self.fields["language"].choices = [("", _("Any language"))] + language_choices()
        self.notices: list[str] = []
        empty = {
            "category": _("All needs"),
            "governorate": _("All governorates"),
            "delegation": _("All delegations"),
            "municipality": _("All municipalities"),
            "audience": _("Everyone"),
        }
        for name, label in empty.items():
            self.fields[name].empty_label = label
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            elif isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
        self.fields["q"].widget = forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control form-control-lg",
                "maxlength": MAX_QUERY_LENGTH,
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        )
        self.fields["governorate"].queryset = Governorate.objects.order_by("name")
        # With JavaScript, htmx narrows the next select when a place is chosen.
        for name, target in (("governorate", "delegation"), ("delegation", "municipality")):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": reverse_lazy("services:area-options"),
                    "hx-target": f"#id_{target}",
                    "hx-trigger": "change",
                    "hx-swap": "innerHTML",
                }
            )

    def clean_q(self):
        q = self.cleaned_data["q"]
        if len(q) > MAX_QUERY_LENGTH:
            self.notices.append(
                gettext("Your search was too long: only its first %(n)d characters were used.")
                % {"n": MAX_QUERY_LENGTH}
            )
            q = q[:MAX_QUERY_LENGTH]
        return q

    def clean(self):
        data = super().clean()
        governorate, delegation = data.get("governorate"), data.get("delegation")
        municipality = data.get("municipality")
        if governorate and delegation and delegation.governorate_id != governorate.pk:
            self.notices.append(
                gettext("This delegation is not in the chosen governorate: it was ignored.")
            )
            data["delegation"] = delegation = None
        if municipality and delegation and municipality.delegation_id != delegation.pk:
            self.notices.append(
                gettext("This municipality is not in the chosen delegation: it was ignored.")
            )
            data["municipality"] = None
        if (data.get("lat") is None) != (data.get("lon") is None):
            data["lat"] = data["lon"] = None
        return data

    def values(self) -> dict:
        """The usable values, after noting (once each) what had to be ignored."""
        self.is_valid()
        for name in self.errors:
            message = str(self.IGNORED.get(name, _("A filter could not be used and was ignored.")))
            if message not in self.notices:
                self.notices.append(message)
        data = dict.fromkeys(self.fields)
        data.update(getattr(self, "cleaned_data", {}))
        return data

    @property
    def has_position(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return data.get("lat") is not None and data.get("lon") is not None


def filtered_services(user, values: dict, *, now=None):
    """Services visible to ``user`` that pass every filter (the text query aside)."""
    services = Service.objects.visible_to(user)
    if values.get("category"):
        services = services.in_category(values["category"].code)
    area = {
        level: values[level].code
        for level in ("governorate", "delegation", "municipality")
        if values.get(level)
    }
    if area:
        services = services.in_area(**area)
    if values.get("audience"):
        services = services.for_audience(values["audience"].code)
    if values.get("language"):
        services = services.in_language(values["language"])
    if values.get("free"):
        services = services.filter(is_free=True)
    if values.get("open_now"):
        services = services.open_at(now or timezone.now())
    return services


def with_distance(services, lat: float, lon: float):
    """Annotate ``distance`` (squared degrees, longitude scaled by cos(latitude)): the
    nearest of the service's located places. Plain arithmetic, the same on SQLite and
    PostgreSQL; good enough to sort a country's services by how far they are."""
    scale = math.cos(math.radians(lat))
    dlat = F("location__latitude") - Value(lat)
    dlon = (F("location__longitude") - Value(lon)) * Value(scale)
    nearest = (
        ServiceAtLocation.objects.filter(service=OuterRef("pk"), location__latitude__isnull=False)
        .annotate(d=(dlat * dlat + dlon * dlon))
        .order_by("d")
        .values("d")[:1]
    )
    return services.annotate(distance=Subquery(nearest, output_field=FloatField()))


def distance_km(squared_degrees) -> float | None:
    if squared_degrees is None:
        return None
    return math.sqrt(squared_degrees) * KM_PER_DEGREE


def ordered_page(services, values: dict, *, page: int):
    """(ids of the page in order, total, page number actually served, distances by id).

    With a text query the ranking of ``masar.directory.search`` orders the results, unless a
    position is given: then the matches are sorted by distance. Without a query, by name
    (or by distance)."""
    q = values.get("q") or ""
    near = values.get("lat") is not None and values.get("lon") is not None
    if q:
        ranked = directory_search.ranked_ids(q, services)
        if near:
            matches = services.filter(pk__in=ranked.matching_ids())
            return _page_of(_by_distance(matches, values), page)
        rows, total = ranked.page((page - 1) * PAGE_SIZE, PAGE_SIZE)
        if not rows and total and page > 1:
            page = _clamp(page, total)
            rows, total = ranked.page((page - 1) * PAGE_SIZE, PAGE_SIZE)
        return [r["service_id"] for r in rows], total, page, {}
    if near:
        return _page_of(_by_distance(services, values), page)
    return _page_of(services.order_by(name_order(), "pk").values("pk"), page)


def name_order():
    """The service's name in the active language (French when missing), for sorting."""
    lang = (translation.get_language() or "fr")[:2]
    lang = lang if lang in ("fr", "ar", "en") else "fr"
    return Lower(Coalesce(NullIf(F(f"name_{lang}"), Value("")), F("name_fr")))


def _by_distance(services, values):
    return (
        with_distance(services, values["lat"], values["lon"])
        .order_by(F("distance").asc(nulls_last=True), name_order(), "pk")
        .values("pk", "distance")
    )


def _page_of(rows, page):
    total = rows.count()
    page = _clamp(page, total)
    chunk = list(rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    distances = {r["pk"]: distance_km(r["distance"]) for r in chunk if "distance" in r}
    return [r["pk"] for r in chunk], total, page, distances


def _clamp(page: int, total: int) -> int:
    last = max(1, math.ceil(total / PAGE_SIZE))
    return min(max(1, page), last)


def page_number(raw) -> tuple[int, bool]:
    """(page asked for, whether the raw value was usable)."""
    try:
        number = int(str(raw or "1")[:9])
    except ValueError:
        return 1, False
    return max(1, number), number >= 1
