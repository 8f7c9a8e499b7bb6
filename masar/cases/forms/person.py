"""Forms of the case pages: they parse; the actions validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.geo.models import Delegation, Governorate, Municipality

from ..models import (
    Beneficiary,
    CaseStatus,
    ConsentLanguage,
    ConsentPurpose,
    HeardOf,
    ReturnKind,
    Sex,
    referral_kind_choices,
)
from ..rules import CONSENTED_FIELDS, PRE_CONSENT_FIELDS
from ..validators import country_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Name or card number"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *CaseStatus.choices]
    )


class RegisterForm(BootstrapMixin, forms.Form):
    first_name = forms.CharField(label=_("first name (Latin script)"), max_length=100)
    last_name = forms.CharField(label=_("last name (Latin script)"), max_length=100)
    first_name_ar = forms.CharField(
        label=_("first name (Arabic script)"), max_length=100, required=False
    )
    last_name_ar = forms.CharField(
        label=_("last name (Arabic script)"), max_length=100, required=False
    )
    phone = forms.CharField(
        label=_("phone"),
        max_length=30,
        required=False,
        help_text=_("A Tunisian number (8 digits) or a foreign one starting with +."),
    )
    confirm_duplicate = forms.BooleanField(
        label=_("I checked: this is a different person"), required=False
    )

    def action_values(self) -> dict:
        return {f: self.cleaned_data[f] for f in PRE_CONSENT_FIELDS}


class BeneficiaryForm(BootstrapMixin, forms.Form):
    first_name = forms.CharField(label=_("first name (Latin script)"), max_length=100)
    last_name = forms.CharField(label=_("last name (Latin script)"), max_length=100)
    first_name_ar = forms.CharField(
        label=_("first name (Arabic script)"), max_length=100, required=False
    )
    last_name_ar = forms.CharField(
        label=_("last name (Arabic script)"), max_length=100, required=False
    )
    phone = forms.CharField(label=_("phone"), max_length=30, required=False)
    sex = forms.ChoiceField(label=_("sex"), choices=[("", "—"), *Sex.choices], required=False)
    birth_date = forms.DateField(label=_("date of birth"), required=False, widget=DATE)
    cin = forms.CharField(
        label=_("national identity card number"),
        max_length=12,
        required=False,
        help_text=_("8 digits."),
    )
    passport_number = forms.CharField(label=_("passport number"), max_length=20, required=False)
    governorate = forms.ModelChoiceField(
        label=_("governorate"), queryset=Governorate.objects.all(), required=False
    )
    delegation = forms.ModelChoiceField(
        label=_("delegation"),
        queryset=Delegation.objects.select_related("governorate"),
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("municipality"), queryset=Municipality.objects.all(), required=False
    )
    returned_from = forms.ChoiceField(label=_("country returned from"), required=False)
    return_date = forms.DateField(label=_("date of return"), required=False, widget=DATE)
    return_kind = forms.ChoiceField(
        label=_("kind of return"), choices=[("", "—"), *ReturnKind.choices], required=False
    )
    years_abroad = forms.IntegerField(
        label=_("years abroad"), min_value=0, max_value=100, required=False
    )
    situation_abroad = forms.CharField(
        label=_("situation abroad"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    heard_of_scheme = forms.ChoiceField(
        label=_("how they heard of the scheme"),
        choices=[("", "—"), *HeardOf.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["returned_from"].choices = [("", "—"), *country_choices()]

    @classmethod
    def initial_for(cls, beneficiary: Beneficiary) -> dict:
        return {
            f: getattr(beneficiary, f"{f}_id" if f in _FKS else f) or ""
            for f in PRE_CONSENT_FIELDS + CONSENTED_FIELDS
        }

    def action_values(self, *, with_consent: bool) -> dict:
        fields = PRE_CONSENT_FIELDS + (CONSENTED_FIELDS if with_consent else ())
        values = {f: self.cleaned_data[f] for f in fields}
        return {f: ("" if v is None and f in _TEXT else v) for f, v in values.items()}


_FKS = {"governorate", "delegation", "municipality"}
_TEXT = {"sex", "passport_number", "returned_from", "return_kind", "situation_abroad"}


class ConsentForm(BootstrapMixin, forms.Form):
    text_version = forms.CharField(
        label=_("Version of the consent text read"),
        max_length=60,
        initial="tounesna-consent-fr-v1",
    )
    language = forms.ChoiceField(
        label=_("Language it was read in"), choices=ConsentLanguage.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            self.fields[f"purpose_{purpose.value}"] = forms.BooleanField(
                label=purpose.label, required=False
            )

        self.fields["referral_kinds"] = forms.MultipleChoiceField(
            label=_("Kinds of institution the person agrees to be referred to"),
            choices=referral_kind_choices(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("For referrals only. Leave every box unticked to cover every kind."),
        )

    def purposes(self) -> dict:
        return {p.value: self.cleaned_data[f"purpose_{p.value}"] for p in ConsentPurpose}

    def referral_kinds(self) -> list[str]:
        return list(self.cleaned_data.get("referral_kinds") or [])


class WithdrawForm(forms.Form):
    purpose = forms.ChoiceField(choices=ConsentPurpose.choices)


class StatusForm(BootstrapMixin, forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(
        label=_("Closure reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when closing the case."),
    )
