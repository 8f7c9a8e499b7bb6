"""Forms of the desk pages. They parse; the actions validate and write."""

import functools
import gettext

import pycountry
from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.directory.forms import _PlaceMixin
from masar.directory.models import Service, Weekday
from masar.geo.models import Delegation, Governorate, Municipality

from .actions import holders_for, mediator_candidates, published_services
from .models import (
    AgeGroup,
    ContactStatus,
    DeskPoint,
    OutreachKind,
    Reached,
    SessionStatus,
    Sex,
    Topic,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# Tunisia first, then the nationalities most often met at the desks (West and Central
# Africa, the Maghreb, Sudan, Syria), then every country.
FREQUENT_NATIONALITIES = (
    "TN",
    "CI",
    "CM",
    "GN",
    "ML",
    "SN",
    "BF",
    "NG",
    "SD",
    "CD",
    "CG",
    "DZ",
    "LY",
    "MA",
    "SY",
)


@functools.cache
def _country_names(language: str):
    """ISO 3166 country names in ``language`` (pycountry's catalogues; English otherwise)."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        translate = catalogue.gettext
    except OSError:

        def translate(name):
            return name

    return {c.alpha_2: translate(c.name) for c in pycountry.countries}


def nationality_choices():
    names = _country_names(get_language() or "fr")
    frequent = [(c, f"{names[c]} ({c})") for c in FREQUENT_NATIONALITIES]
    others = [
        (code, f"{name} ({code})")
        for code, name in names.items()
        if code not in FREQUENT_NATIONALITIES
    ]
    return [
        ("", _("Not stated")),
        (_("Frequent"), frequent),
        (_("Every country"), sorted(others, key=lambda c: c[1].casefold())),
    ]


class ContactForm(forms.Form):
    """One page, big targets: what a mediator records in under 30 seconds."""

    status = forms.ChoiceField(
        label=_("Status"), choices=ContactStatus.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=Sex.choices,
        initial=Sex.UNSPECIFIED,
        required=False,
        widget=forms.RadioSelect,
    )
    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=AgeGroup.choices,
        initial=AgeGroup.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    nationality = forms.ChoiceField(label=_("Nationality"), required=False)
    topics = forms.MultipleChoiceField(
        label=_("Topics asked about"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Oriented to"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacted_on = forms.DateField(label=_("Date"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = nationality_choices()
        for name in ("status", "sex", "age_group", "topics"):
            self.fields[name].widget.attrs.update({"class": "btn-check", "autocomplete": "off"})
        self.fields["nationality"].widget.attrs["class"] = "form-select form-select-lg"
        self.fields["services"].queryset = published_services()
        self.fields["contacted_on"].widget.attrs["class"] = "form-control"
        self.fields["contacted_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def action_values(self) -> dict:
        data = self.cleaned_data
        return {
            "status": data["status"],
            "sex": data["sex"] or Sex.UNSPECIFIED,
            "age_group": data["age_group"] or AgeGroup.UNKNOWN,
            "nationality": data["nationality"],
            "topics": data["topics"],
            "services": list(data["services"]),
            "contacted_on": data["contacted_on"],
        }


class ContactFilterForm(BootstrapMixin, forms.Form):
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)
    pending = forms.BooleanField(label=_("Only with orientations to follow up"), required=False)


class ReachedForm(forms.Form):
    reached = forms.ChoiceField(choices=Reached.choices)


class LinkPersonForm(BootstrapMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    consent_language = forms.ChoiceField(
        label=_("Consent text read in"),
        choices=[("fr", _("French")), ("ar", _("Arabic"))],
    )
    consent = forms.BooleanField(
        label=_(
            "The person agrees that their contact is kept under their name for case "
            "management (consent text read to them)."
        ),
        required=False,
    )
    open_reintegration_case = forms.BooleanField(
        label=_("Open a reintegration case (returnees)"), required=False
    )


class DeskForm(_PlaceMixin, BootstrapMixin, forms.ModelForm):
    governorate = forms.ModelChoiceField(
        label=_("governorate"),
        queryset=Governorate.objects.all(),
        to_field_name="code",
        required=False,
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
        model = DeskPoint
        fields = [
            "code",
            "name_fr",
            "name_ar",
            "name_en",
            "holder",
            "address_fr",
            "address_ar",
            "address_en",
            "access_notes_fr",
            "access_notes_ar",
            "access_notes_en",
            "phone",
            "governorate",
            "delegation",
            "municipality",
            "latitude",
            "longitude",
            "is_public",
            "is_active",
        ]
        widgets = {
            f"access_notes_{lang}": forms.Textarea(attrs={"rows": 2}) for lang in ("fr", "ar", "en")
        }

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fr"].required = True
        holder = self.fields["holder"]
        holder.queryset = holders_for(actor).order_by("name")
        if holder.queryset.count() == 1:
            holder.initial = holder.queryset.first().pk
        if not self.instance._state.adding:
            self.fields["code"].disabled = True
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

    def _post_clean(self):
        pass  # the action validates the whole desk

    def action_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("holder", None)
        if not self.instance._state.adding:
            data.pop("code", None)
        return data


class DeskServicesForm(forms.Form):
    services = forms.ModelMultipleChoiceField(
        label=_("Services it orients to"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = published_services()


class OpeningForm(BootstrapMixin, forms.Form):
    weekday = forms.TypedChoiceField(label=_("Day"), choices=Weekday.choices, coerce=int)
    opens_at = forms.TimeField(label=_("Opens at"), widget=TIME)
    closes_at = forms.TimeField(label=_("Closes at"), widget=TIME)


class MediatorsForm(forms.Form):
    mediators = forms.ModelMultipleChoiceField(
        label=_("Mediators"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediators"].queryset = mediator_candidates(desk)
        self.fields["mediators"].label_from_instance = lambda u: u.get_full_name() or u.username


class SessionForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Session"), choices=SessionStatus.choices, initial=SessionStatus.HELD
    )
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    starts_at = forms.TimeField(label=_("Start"), widget=TIME)
    ends_at = forms.TimeField(label=_("End"), widget=TIME)
    mediators = forms.ModelMultipleChoiceField(
        label=_("Mediators present"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, desk, **kwargs):
        super().__init__(*args, **kwargs)
        from masar.accounts.models import User

        ids = set(mediator_candidates(desk).values_list("pk", flat=True)) | set(
            desk.mediators.values_list("pk", flat=True)
        )
        self.fields["mediators"].queryset = User.objects.filter(pk__in=ids).order_by(
            "last_name", "username"
        )
        self.fields["mediators"].label_from_instance = lambda u: u.get_full_name() or u.username


class OutreachForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OutreachKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    desk = forms.ModelChoiceField(
        label=_("Desk"), queryset=DeskPoint.objects.none(), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    governorate = forms.ModelChoiceField(
        label=_("governorate"),
        queryset=Governorate.objects.order_by("name"),
        to_field_name="code",
        required=False,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reached_women = forms.IntegerField(
        label=_("Women and girls reached"), initial=0, required=False
    )
    reached_men = forms.IntegerField(label=_("Men and boys reached"), initial=0, required=False)
    reached_unspecified = forms.IntegerField(
        label=_("Others reached (sex not stated)"), initial=0, required=False
    )
    reached_minors = forms.IntegerField(label=_("Of whom under 18"), initial=0, required=False)

    def __init__(self, *args, desks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"].queryset = desks
        for name in ("reached_women", "reached_men", "reached_unspecified", "reached_minors"):
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric"})
