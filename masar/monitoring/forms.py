from django import forms
from django.utils.translation import gettext_lazy as _

from masar.geo.models import Governorate

from .actions import EDITABLE_FIELDS, RELATED_FIELDS
from .actions.logframe import measure_codes
from .models import Disaggregation, IndicatorSource, IndicatorUnit, Programme

_DATE = {"type": "date"}


def _style(form):
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs.setdefault("class", css)


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = EDITABLE_FIELDS + RELATED_FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs=_DATE, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs=_DATE, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
        self.fields["name_fr"].required = True
        self.fields["envelope_note_fr"].required = True

    def _post_clean(self):
        # The action validates the model (inside its lock); the form only parses.
        pass


class ObjectiveForm(forms.Form):
    code = forms.CharField(label=_("code"), max_length=10)
    text_fr = forms.CharField(
        label=_("objective (French)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    text_ar = forms.CharField(
        label=_("objective (Arabic)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    text_en = forms.CharField(
        label=_("objective (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    position = forms.IntegerField(label=_("position"), min_value=0, initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ResultForm(forms.Form):
    code = forms.CharField(label=_("code"), max_length=10, help_text="R1, R2…")
    text_fr = forms.CharField(
        label=_("expected result (French)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    text_ar = forms.CharField(
        label=_("expected result (Arabic)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    text_en = forms.CharField(
        label=_("expected result (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class IndicatorForm(forms.Form):
    result = forms.ModelChoiceField(
        label=_("expected result"),
        queryset=None,
        required=False,
        empty_label=_("the programme as a whole"),
    )
    code = forms.CharField(label=_("code"), max_length=20)
    name_fr = forms.CharField(label=_("name (French)"), max_length=300)
    name_ar = forms.CharField(label=_("name (Arabic)"), max_length=300, required=False)
    name_en = forms.CharField(label=_("name (English)"), max_length=300, required=False)
    definition_fr = forms.CharField(
        label=_("definition (French)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    unit = forms.ChoiceField(label=_("unit"), choices=IndicatorUnit.choices)
    baseline_value = forms.DecimalField(
        label=_("baseline"), required=False, max_digits=14, decimal_places=2
    )
    baseline_date = forms.DateField(
        label=_("baseline date"), required=False, widget=forms.DateInput(attrs=_DATE)
    )
    disaggregations = forms.MultipleChoiceField(
        label=_("required disaggregations"),
        choices=Disaggregation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    source = forms.ChoiceField(label=_("source"), choices=IndicatorSource.choices)
    measure_code = forms.CharField(label=_("measure"), max_length=60, required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ExpectedResult

        self.fields["result"].queryset = ExpectedResult.objects.filter(
            objective__programme=programme
        ).select_related("objective")
        codes = measure_codes()
        if codes:
            self.fields["measure_code"] = forms.ChoiceField(
                label=_("measure"),
                required=False,
                choices=[("", "—"), *((c, c) for c in sorted(codes))],
            )
        _style(self)


class _PeriodForm(forms.Form):
    period_start = forms.DateField(
        label=_("start of the period"), widget=forms.DateInput(attrs=_DATE)
    )
    period_end = forms.DateField(label=_("end of the period"), widget=forms.DateInput(attrs=_DATE))
    governorate = forms.ModelChoiceField(
        label=_("governorate"),
        queryset=Governorate.objects.all(),
        required=False,
        empty_label=_("the programme as a whole"),
    )
    value = forms.DecimalField(label=_("value"), max_digits=14, decimal_places=2)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = programme.governorates.all()
        if chosen.exists():
            self.fields["governorate"].queryset = chosen
        _style(self)


class TargetForm(_PeriodForm):
    pass


class ManualValueForm(_PeriodForm):
    # Not required here: the action says what is missing, in one place.
    evidence = forms.FileField(label=_("evidence"), required=False)
    evidence_note = forms.CharField(label=_("what the evidence is"), max_length=300, required=False)
