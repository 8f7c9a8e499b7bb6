"""Forms of the referral pages: they parse; the actions validate and write."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.accounts.forms import BootstrapMixin
from masar.accounts.models import Institution
from masar.directory.models import Service

from ..models import REFERRAL_INSTITUTION_KINDS, ReferralStatus
from .person import DATE

DEFAULT_DUE_DAYS = 14


class ReferralForm(BootstrapMixin, forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Receiving institution"),
        queryset=Institution.objects.none(),
        required=False,
        help_text=_("The referral goes to the institution's inbox, not to one person."),
    )
    service = forms.ModelChoiceField(
        label=_("Service of the directory (optional)"),
        queryset=Service.objects.none(),
        required=False,
        help_text=_("Choosing a service sends the referral to the institution that offers it."),
    )
    reason = forms.CharField(
        label=_("Reason and need"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the receiving officers need to know to help: the receiving institution "
            "sees this text, the person's name and phone, and nothing else of the case."
        ),
    )
    due_date = forms.DateField(label=_("Due date"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(
            is_active=True, kind__in=REFERRAL_INSTITUTION_KINDS
        ).order_by("name")
        self.fields["service"].queryset = (
            Service.objects.published()
            .filter(organization__institution__isnull=False)
            .select_related("organization")
            .order_by("name")
        )
        self.fields["due_date"].initial = timezone.localdate() + timedelta(days=DEFAULT_DUE_DAYS)


class DeclineForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CompleteForm(BootstrapMixin, forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was done for the person."),
    )


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), max_length=2000, required=False)


YES_NO = [("yes", _("Yes")), ("no", _("No"))]
SATISFACTION = [("", "—"), *[(str(i), str(i)) for i in range(1, 6)]]


class FeedbackForm(BootstrapMixin, forms.Form):
    received = forms.ChoiceField(
        label=_("Did the person receive the service?"), choices=YES_NO, widget=forms.RadioSelect
    )
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied were they (1 = not at all, 5 = very)?"),
        choices=SATISFACTION,
        coerce=int,
        empty_value=None,
        required=False,
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def action_values(self) -> dict:
        data = self.cleaned_data
        return {
            "received": data["received"] == "yes",
            "satisfaction": data["satisfaction"],
            "comment": data["comment"],
        }


class InboxFilterForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *ReferralStatus.choices],
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class FiguresFilterForm(BootstrapMixin, forms.Form):
    sent_from = forms.DateField(label=_("Sent from"), required=False, widget=DATE)
    sent_to = forms.DateField(label=_("Sent until"), required=False, widget=DATE)
