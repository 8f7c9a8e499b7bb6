"""Forms for follow-up visits, the sustainability survey and case transfers: they parse; the
actions validate and write."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.accounts.models import Institution

from ..models import ActivityState, ScoreOccasion
from ..scoring import instrument
from .person import DATE

PREFIX = "q_"


class SurveyMixin:
    """One select per question of the current instrument (fields ``q_<question id>``)."""

    survey_required = True

    def add_survey(self):
        self.survey = instrument()
        self.survey_fields = []
        for question in self.survey.questions:
            name = PREFIX + question["id"]
            self.fields[name] = forms.ChoiceField(
                label=self.survey.question_text(question),
                choices=[("", "—"), *self.survey.option_choices(question)],
                required=self.survey_required,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.survey_fields.append(name)

    def survey_by_dimension(self):
        """[(dimension label, [bound fields])] in the instrument's order."""
        groups = {}
        for question in self.survey.questions:
            groups.setdefault(question["dimension"], []).append(self[PREFIX + question["id"]])
        return [(self.survey.dimension_label(d), fields) for d, fields in groups.items()]

    def answers(self) -> dict:
        """The answers given, or {} when the survey was left blank."""
        given = {
            name.removeprefix(PREFIX): self.cleaned_data.get(name)
            for name in self.survey_fields
            if self.cleaned_data.get(name)
        }
        return given

    def clean(self):
        cleaned = super().clean()
        given = [n for n in self.survey_fields if cleaned.get(n)]
        if given and len(given) < len(self.survey_fields):
            for name in self.survey_fields:
                if not cleaned.get(name):
                    self.add_error(name, _("Answer this question too, or leave the survey blank."))
        return cleaned


class ScoreForm(SurveyMixin, BootstrapMixin, forms.Form):
    taken_on = forms.DateField(label=_("date of the survey"), widget=DATE)
    occasion = forms.ChoiceField(
        label=_("occasion"),
        choices=[
            (ScoreOccasion.INTAKE, ScoreOccasion.INTAKE.label),
            (ScoreOccasion.OTHER, ScoreOccasion.OTHER.label),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["taken_on"].initial = timezone.localdate()
        self.add_survey()


class FollowUpForm(SurveyMixin, BootstrapMixin, forms.Form):
    survey_required = False

    visited_on = forms.DateField(label=_("visit date"), widget=DATE)
    state = forms.ChoiceField(
        label=_("state of the business or job"),
        choices=[("", "—"), *ActivityState.choices],
    )
    notes = forms.CharField(
        label=_("notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_on"].initial = timezone.localdate()
        self.add_survey()


class RescheduleForm(BootstrapMixin, forms.Form):
    start = forms.DateField(
        label=_("support started on"),
        widget=DATE,
        help_text=_("The visits not yet recorded are due 3, 6 and 12 months after this day."),
    )


class TransferForm(BootstrapMixin, forms.Form):
    to_antenna = forms.ModelChoiceField(
        label=_("new antenna"), queryset=Institution.objects.none(), empty_label="—"
    )
    counsellor = forms.TypedChoiceField(
        label=_("counsellor in the new antenna"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Leave empty: the new antenna assigns the case."),
    )
    reason = forms.CharField(
        label=_("reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, antennas=None, counsellors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_antenna"].queryset = antennas
        self.fields["counsellor"].choices = [
            ("", "—"),
            *[
                (u.pk, f"{u.get_full_name() or u.username} — {u.institution.name}")
                for u in counsellors
            ],
        ]
        self.counsellors = {u.pk: u for u in counsellors}

    def chosen_counsellor(self):
        return self.counsellors.get(self.cleaned_data.get("counsellor"))
