from django import forms

from .actions import EDITABLE_FIELDS
from .models import Programme


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = EDITABLE_FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-check-input" if name == "is_active" else "form-control"
            if name == "rule_set":
                css = "form-select"
            field.widget.attrs.setdefault("class", css)
        self.fields["name_fr"].required = True
        self.fields["envelope_note_fr"].required = True

    def _post_clean(self):
        # The action validates the model (inside its lock); the form only parses.
        pass
