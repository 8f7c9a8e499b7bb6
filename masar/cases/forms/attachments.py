from django import forms
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin

from ..models import AttachmentKind


class AttachmentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=AttachmentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG, PNG or WebP, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png,image/webp"}),
    )
