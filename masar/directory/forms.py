"""Forms of the staff directory pages. They parse and validate; the actions write."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.accounts.models import Institution
from masar.accounts.policy import Perm, has_perm
from masar.geo.models import Delegation, Governorate, Municipality

from .actions import LOCATION_FIELDS, ORGANIZATION_FIELDS, SERVICE_FIELDS
from .filters import LANGUAGE_CODES, language_choices, terms
from .models import Location, Organization, Service, Weekday

_LANGS = ("fr", "ar", "en")


def _translated(*names):
    return [f"{n}_{lang}" for n in names for lang in _LANGS]


class _ActionForm(BootstrapMixin, forms.ModelForm):
    """A model form whose values go to an action (``action_values``), never to ``save``."""

    action_fields: tuple[str, ...] = ()

    def action_values(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.action_fields if f in self.cleaned_data}

    def _post_clean(self):
        # The action validates the whole object (and says why in the visitor's language);
        # the form only parses. Skip the model's own full_clean here.
        pass


class OrganizationFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    mine = forms.BooleanField(label=_("Only my institution's organisations"), required=False)


def _https_url(label):
    return forms.URLField(label=label, required=False, max_length=200, assume_scheme="https")


class OrganizationForm(_ActionForm):
    action_fields = ORGANIZATION_FIELDS

    website = _https_url(_("website"))

    class Meta:
        model = Organization
        fields = [
            *_translated("name"),
            "alternate_name",
            *_translated("description"),
            "email",
            "website",
            "legal_status",
            "year_incorporated",
            "parent_organization",
            "institution",
        ]

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fr"].required = True
        parent = self.fields["parent_organization"]
        parent.queryset = Organization.objects.order_by("name_fr")
        if self.instance.pk:
            parent.queryset = parent.queryset.exclude(pk=self.instance.pk)
        institution = self.fields["institution"]
        institution.queryset = Institution.objects.order_by("name")
        if not has_perm(actor, Perm.MANAGE_DIRECTORY):
            # Staff add and keep their own institution's organisation only: the choice is
            # fixed (a disabled field ignores a forged value).
            institution.queryset = Institution.objects.filter(pk=actor.institution_id)
            institution.initial = actor.institution_id
            institution.disabled = True
        year = self.fields["year_incorporated"]
        year.min_value, year.max_value = 1800, 2100
        year.widget.attrs.update({"min": 1800, "max": 2100})


class _PlaceMixin:
    """Governorate → delegation → municipality selects by code. Without JavaScript the
    delegation select lists every delegation grouped by governorate (or only those of the
    chosen governorate); with JavaScript htmx narrows it when the governorate changes.
    Consistency is checked by the action."""

    def setup_places(self, governorate_code):
        gov_field = self.fields["governorate"]
        gov_field.queryset = Governorate.objects.order_by("name")
        area_url = reverse_lazy("services:area-options")
        for name, target in (("governorate", "delegation"), ("delegation", "municipality")):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": f"{area_url}?blank=none",
                    "hx-target": f"#id_{target}",
                    "hx-trigger": "change",
                    "hx-swap": "innerHTML",
                }
            )
        # Every delegation and municipality validates (the action says when they do not
        # fit together); the selects offer those of the chosen governorate.
        self.fields["delegation"].queryset = Delegation.objects.all()
        self.fields["municipality"].queryset = Municipality.objects.all()
        delegations = Delegation.objects.select_related("governorate")
        municipalities = Municipality.objects.all()
        if governorate_code:
            delegations = delegations.filter(governorate__code=governorate_code)
            municipalities = municipalities.filter(delegation__governorate__code=governorate_code)
        groups: dict[str, list] = {}
        for deleg in delegations.order_by("governorate__code", "name"):
            groups.setdefault(deleg.governorate.name, []).append((deleg.code, deleg.name))
        choices: list = [("", "---------")]
        if governorate_code:
            choices += [c for group in groups.values() for c in group]
        else:
            choices += list(groups.items())
        self.fields["delegation"].widget.choices = choices
        self.fields["municipality"].widget.choices = [("", "---------")] + [
            (m.code, m.name) for m in municipalities.order_by("name")
        ]


class LocationForm(_PlaceMixin, _ActionForm):
    action_fields = LOCATION_FIELDS

    governorate = forms.ModelChoiceField(
        label=_("governorate"), queryset=Governorate.objects.all(), to_field_name="code"
    )
    delegation = forms.ModelChoiceField(
        label=_("delegation"),
        queryset=Delegation.objects.all(),
        to_field_name="code",
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="code",
        required=False,
    )

    class Meta:
        model = Location
        fields = [
            *_translated("name"),
            "address_1",
            "postal_code",
            "city",
            "governorate",
            "delegation",
            "municipality",
            "latitude",
            "longitude",
            *_translated("description", "transportation", "accessibility"),
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in _translated("description", "transportation", "accessibility")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            code = str(self.data.get("governorate", ""))[:10]
        else:
            code = self.instance.governorate.code if self.instance.governorate_id else ""
            if self.instance.delegation_id:
                self.initial["delegation"] = self.instance.delegation.code
            if self.instance.municipality_id:
                self.initial["municipality"] = self.instance.municipality.code
            if code:
                self.initial["governorate"] = code
        self.setup_places(code)
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"step": "any", "inputmode": "decimal"})
        self.fields["latitude"].help_text = _("Decimal degrees, e.g. 34.7406 (Sfax).")
        self.fields["longitude"].help_text = _("Decimal degrees, e.g. 10.7603 (Sfax).")


class ServiceForm(_ActionForm):
    action_fields = SERVICE_FIELDS

    url = _https_url(_("web page"))

    categories = forms.ModelMultipleChoiceField(
        label=_("needs met"),
        queryset=terms("needs"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.ModelMultipleChoiceField(
        label=_("audiences"),
        queryset=terms("audiences"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"), required=False, widget=forms.CheckboxSelectMultiple
    )
    locations = forms.ModelMultipleChoiceField(
        label=_("where it is delivered"),
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phones = forms.CharField(
        label=_("phones"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "ltr"}),
        help_text=_("One number per line."),
    )

    class Meta:
        model = Service
        fields = [
            *_translated("name"),
            "alternate_name",
            *_translated("description", "eligibility_description", "application_process"),
            "status",
            "minimum_age",
            "maximum_age",
            "is_free",
            *_translated("fees_description"),
            "url",
            "email",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in _translated(
                "description", "eligibility_description", "application_process", "fees_description"
            )
        }

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in _LANGS:
            self.fields[f"name_{lang}"].required = False
        self.fields["name_fr"].help_text = _("Give a name in French or in Arabic (or both).")
        self.fields["categories"].queryset = terms("needs")
        self.fields["audiences"].queryset = terms("audiences")
        self.fields["locations"].queryset = Location.objects.filter(
            organization=organization
        ).select_related("governorate")
        codes = list(LANGUAGE_CODES)
        choices = language_choices()
        if self.instance.pk:
            for code in self.instance.languages.values_list("code", flat=True):
                if code not in codes:
                    codes.append(code)
                    choices.append((code, code))
        self.fields["languages"].choices = choices
        if self.instance.pk and not self.is_bound:
            self.initial.update(
                {
                    "categories": list(self.instance.categories.all()),
                    "audiences": list(self.instance.audiences.all()),
                    "languages": list(self.instance.languages.values_list("code", flat=True)),
                    "locations": [sal.location_id for sal in self.instance.at_locations.all()],
                    "phones": "\n".join(self.instance.phones.values_list("number", flat=True)),
                }
            )
        for name in ("minimum_age", "maximum_age"):
            self.fields[name].max_value = 120
            self.fields[name].widget.attrs["max"] = 120

    def phone_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["phones"].splitlines() if line.strip()]


class ScheduleRowForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("day"),
        choices=[("", "—"), *Weekday.choices],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    opens_at = forms.TimeField(
        label=_("opens at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time", "class": "form-control"}, format="%H:%M"),
    )
    closes_at = forms.TimeField(
        label=_("closes at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time", "class": "form-control"}, format="%H:%M"),
    )

    def clean(self):
        data = super().clean()
        if self.cleaned_data.get("DELETE"):
            return data
        values = [data.get("weekday"), data.get("opens_at"), data.get("closes_at")]
        if any(v is not None for v in values) and not all(v is not None for v in values):
            raise forms.ValidationError(_("Give the day, the opening and the closing time."))
        if all(v is not None for v in values) and values[1] >= values[2]:
            raise forms.ValidationError(_("The closing time must be after the opening time."))
        return data


class _ScheduleFormSet(forms.BaseFormSet):
    def spans(self) -> list[tuple]:
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if not data or data.get("DELETE") or data.get("weekday") is None:
                continue
            rows.append((data["weekday"], data["opens_at"], data["closes_at"]))
        return rows


ScheduleFormSet = forms.formset_factory(
    ScheduleRowForm, formset=_ScheduleFormSet, extra=3, can_delete=True, max_num=30
)


def schedule_initial(service) -> list[dict]:
    return [
        {"weekday": s.weekday, "opens_at": s.opens_at, "closes_at": s.closes_at}
        for s in service.schedules.all()
    ]
