"""Forms of the data-rights pages: they parse; the actions validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin

from ..rules.rights import EMERGENCY_DEFAULT_DAYS, EMERGENCY_MAX_DAYS


class MergeForm(BootstrapMixin, forms.Form):
    other = forms.UUIDField(label=_("Identifier of the other record"))
    keep = forms.ChoiceField(
        label=_("Record to keep"),
        choices=[("this", _("This record")), ("other", _("The other record"))],
        initial="this",
    )
    reason = forms.CharField(
        label=_("Why these are the same person"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirm = forms.BooleanField(
        label=_("I checked: both records are the same person"), required=True
    )


class EmergencyRequestForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why proceed without the person's consent"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    days = forms.IntegerField(
        label=_("For how many days"),
        min_value=1,
        max_value=EMERGENCY_MAX_DAYS,
        initial=EMERGENCY_DEFAULT_DAYS,
    )


class EmergencyDecisionForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when refusing."),
    )


class ErasureForm(BootstrapMixin, forms.Form):
    request_reference = forms.CharField(
        label=_("Reference of the person's request"),
        max_length=100,
        help_text=_("E.g. the number of the letter or of the form the person signed."),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone"), required=True)
