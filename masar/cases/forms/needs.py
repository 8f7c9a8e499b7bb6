"""Forms for the profile, the needs assessment, vulnerabilities and the plan: they parse; the
actions validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.accounts.models import Institution

from ..models import (
    ActionStatus,
    EducationLevel,
    FamilySituation,
    Housing,
    Level,
    Relation,
    Sex,
    TrackKind,
    VulnerabilityKind,
    WorkSituation,
)
from .person import DATE

_BLANK = [("", "—")]
_TEXTAREA = forms.Textarea(attrs={"rows": 3})
_YES_NO_UNKNOWN = [("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))]


class ProfileForm(BootstrapMixin, forms.Form):
    education_level = forms.ChoiceField(
        label=_("education level"), choices=_BLANK + EducationLevel.choices, required=False
    )
    skills = forms.CharField(
        label=_("skills and trades"), widget=_TEXTAREA, required=False, max_length=2000
    )
    languages = forms.CharField(
        label=_("languages spoken"),
        required=False,
        max_length=200,
        help_text=_("For example: Arabic, French, Italian."),
    )


class HouseholdMemberForm(BootstrapMixin, forms.Form):
    relation = forms.ChoiceField(label=_("relation"), choices=_BLANK + Relation.choices)
    sex = forms.ChoiceField(label=_("sex"), choices=_BLANK + Sex.choices, required=False)
    birth_year = forms.IntegerField(
        label=_("year of birth"), min_value=1900, max_value=2100, required=False
    )
    dependent = forms.BooleanField(label=_("dependent"), required=False)


HouseholdFormSet = forms.formset_factory(
    HouseholdMemberForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


def household_rows(formset) -> list[dict]:
    return [
        {k: f.cleaned_data.get(k) for k in ("relation", "sex", "birth_year", "dependent")}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


class AssessmentForm(BootstrapMixin, forms.Form):
    assessed_on = forms.DateField(label=_("date of the assessment"), widget=DATE)
    work_situation = forms.ChoiceField(
        label=_("work situation"), choices=_BLANK + WorkSituation.choices, required=False
    )
    monthly_income = forms.IntegerField(
        label=_("monthly income of the household (TND)"), min_value=0, required=False
    )
    housing = forms.ChoiceField(
        label=_("housing"), choices=_BLANK + Housing.choices, required=False
    )
    debts = forms.IntegerField(label=_("debts (TND)"), min_value=0, required=False)
    economic_notes = forms.CharField(
        label=_("economic needs"), widget=_TEXTAREA, required=False, max_length=4000
    )
    family_situation = forms.ChoiceField(
        label=_("family situation"), choices=_BLANK + FamilySituation.choices, required=False
    )
    family_support = forms.ChoiceField(
        label=_("support from the family"), choices=_BLANK + Level.choices, required=False
    )
    documents_complete = forms.ChoiceField(
        label=_("civil and identity documents complete"),
        choices=_YES_NO_UNKNOWN,
        required=False,
    )
    access_to_services = forms.ChoiceField(
        label=_("access to services (health, social cover, schooling)"),
        choices=_BLANK + Level.choices,
        required=False,
    )
    social_notes = forms.CharField(
        label=_("social needs"), widget=_TEXTAREA, required=False, max_length=4000
    )

    ECONOMIC = ("work_situation", "monthly_income", "housing", "debts", "economic_notes")
    SOCIAL = (
        "family_situation",
        "family_support",
        "documents_complete",
        "access_to_services",
        "social_notes",
    )

    def action_values(self) -> dict:
        values = {f: self.cleaned_data[f] for f in self.ECONOMIC + self.SOCIAL}
        values["documents_complete"] = {"yes": True, "no": False}.get(values["documents_complete"])
        return values

    @classmethod
    def initial_for(cls, assessment) -> dict:
        if assessment is None:
            return {}
        initial = {f: getattr(assessment, f) for f in cls.ECONOMIC + cls.SOCIAL}
        initial["documents_complete"] = {True: "yes", False: "no"}.get(
            assessment.documents_complete, ""
        )
        return initial

    def economic_fields(self):
        return [self[f] for f in self.ECONOMIC]

    def social_fields(self):
        return [self[f] for f in self.SOCIAL]


class PsychosocialForm(BootstrapMixin, forms.Form):
    wellbeing = forms.ChoiceField(
        label=_("well-being"), choices=_BLANK + Level.choices, required=False
    )
    distress_signs = forms.BooleanField(label=_("signs of distress"), required=False)
    support_wanted = forms.BooleanField(label=_("wants psychosocial support"), required=False)
    notes = forms.CharField(
        label=_("psychosocial observations"), widget=_TEXTAREA, required=False, max_length=4000
    )

    FIELDS = ("wellbeing", "distress_signs", "support_wanted", "notes")

    def action_values(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.FIELDS}


class VulnerabilityForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("vulnerability"), choices=VulnerabilityKind.choices)
    details = forms.CharField(
        label=_("details"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=4000,
        help_text=_("Seen only by social workers and supervisors."),
    )

    def __init__(self, *args, with_details=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_details:
            del self.fields["details"]


class DetailsForm(BootstrapMixin, forms.Form):
    details = forms.CharField(
        label=_("details"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
    )


class TrackForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("track"), choices=TrackKind.choices)
    objective = forms.CharField(
        label=_("objective"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in TrackKind.choices if c[0] not in taken]


class TrackEditForm(BootstrapMixin, forms.Form):
    objective = forms.CharField(
        label=_("objective"), widget=_TEXTAREA, required=False, max_length=2000
    )


class PlanActionForm(BootstrapMixin, forms.Form):
    description = forms.CharField(label=_("action"), max_length=300)
    institution = forms.ModelChoiceField(
        label=_("responsible institution"),
        queryset=Institution.objects.filter(is_active=True).order_by("name"),
    )
    due_date = forms.DateField(label=_("due date"), widget=DATE)
    status = forms.ChoiceField(label=_("status"), choices=ActionStatus.choices)
    result = forms.CharField(
        label=_("result"),
        widget=_TEXTAREA,
        required=False,
        max_length=4000,
        help_text=_("Required when the action is done or cancelled."),
    )

    FIELDS = ("description", "institution", "due_date", "status", "result")

    def action_values(self) -> dict:
        return {f: self.cleaned_data[f] for f in self.FIELDS}
