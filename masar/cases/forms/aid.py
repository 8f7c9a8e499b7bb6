"""Forms of the aid pages: enrolment, override, aid file, documents, decision, tranches."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.monitoring.models import Programme

from ..models import AidKind, AttachmentKind
from .person import DATE

AID_DOCUMENT_KINDS = [
    (k.value, k.label)
    for k in (
        AttachmentKind.QUOTE,
        AttachmentKind.INVOICE,
        AttachmentKind.CONTRACT,
        AttachmentKind.PHOTO,
        AttachmentKind.OTHER,
    )
]


class EnrolForm(BootstrapMixin, forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.filter(is_active=True)
    )


class OverrideForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for admitting the person"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AidFileForm(BootstrapMixin, forms.Form):
    enrolment = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind of aid"), choices=AidKind.choices)
    amount = forms.DecimalField(
        label=_("Amount (TND)"), min_value=Decimal("0.001"), max_digits=14, decimal_places=3
    )
    funder = forms.CharField(
        label=_("Funder"),
        max_length=200,
        required=False,
        help_text=_("Empty: the programme's funder."),
    )
    supplier = forms.CharField(label=_("Supplier"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enrolment"].queryset = enrolments
        self.fields["enrolment"].label_from_instance = lambda e: e.programme.name
        choices = list(enrolments[:2])
        if len(choices) == 1:  # one programme: chosen already
            self.fields["enrolment"].initial = choices[0].pk
            self.fields["enrolment"].empty_label = None


class AidDocumentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=AID_DOCUMENT_KINDS)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG, PNG or WebP, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png,image/webp"}),
    )


class DecisionForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        help_text=_("Required for a rejection."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TrancheForm(BootstrapMixin, forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (TND)"), min_value=Decimal("0.001"), max_digits=14, decimal_places=3
    )
    paid_on = forms.DateField(label=_("Date of payment"), widget=DATE)
    reference = forms.CharField(label=_("Payment reference"), max_length=100)
