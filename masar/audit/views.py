"""Searching the audit trail (system administrators only). Read-only: there is no view that
changes an event, the model refuses updates and the database refuses UPDATE and DELETE.

Pages are keyset-paginated on ``seq`` (its unique index): newest first, "older" / "newer"
links, never a COUNT(*) over the whole trail.
"""

import datetime
import json

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from masar.accounts.policy import Perm
from masar.core.permissions import policy_required

from .actions import audit_read
from .models import AuditAction, AuditEvent

PAGE_SIZE = 50


class EventFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who (username)"), max_length=150, required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any action")), *AuditAction.choices]
    )
    object_type = forms.CharField(
        label=_("Record type"),
        max_length=100,
        required=False,
        help_text=_("For example accounts.user"),
    )
    object_id = forms.CharField(label=_("Record id"), max_length=64, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ip = forms.GenericIPAddressField(label=_("Address (IP)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = (
                "form-select form-select-sm"
                if isinstance(field, forms.ChoiceField)
                else ("form-control form-control-sm")
            )
            field.widget.attrs.setdefault("class", css)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filter(self, events):
        data = self.cleaned_data
        if data.get("actor"):
            events = events.filter(actor_username=data["actor"].strip())
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("object_type"):
            events = events.filter(object_type=data["object_type"].strip())
        if data.get("object_id"):
            events = events.filter(object_id=data["object_id"].strip())
        if data.get("date_from"):
            events = events.filter(at__gte=_start_of(data["date_from"]))
        if data.get("date_to"):
            events = events.filter(at__lt=_start_of(data["date_to"] + datetime.timedelta(days=1)))
        if data.get("ip"):
            events = events.filter(ip_address=data["ip"])
        return events


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _cursor(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def keyset_page(events, *, before: int | None, after: int | None, size: int = PAGE_SIZE):
    """One page of events, newest first, and the cursors of the older and newer pages."""
    if after is not None:
        rows = list(events.filter(seq__gt=after).order_by("seq")[: size + 1])
        more_newer = len(rows) > size
        rows = list(reversed(rows[:size]))
        more_older = bool(rows) and events.filter(seq__lt=rows[-1].seq).exists()
    else:
        older = events.filter(seq__lt=before) if before is not None else events
        rows = list(older.order_by("-seq")[: size + 1])
        more_older = len(rows) > size
        rows = rows[:size]
        more_newer = (
            before is not None and bool(rows) and events.filter(seq__gt=rows[0].seq).exists()
        )
    return {
        "events": rows,
        "older": rows[-1].seq if rows and more_older else None,
        "newer": rows[0].seq if rows and more_newer else None,
    }


@require_GET
@policy_required(Perm.VIEW_AUDIT)
def event_list(request):
    form = EventFilterForm(request.GET or None)
    page = {"events": [], "older": None, "newer": None}
    if not form.is_bound or form.is_valid():
        events = AuditEvent.objects.all()
        if form.is_bound:
            events = form.filter(events)
        page = keyset_page(
            events, before=_cursor(request, "before"), after=_cursor(request, "after")
        )
    return render(request, "audit/event_list.html", {"form": form, **page})


@require_GET
@policy_required(Perm.VIEW_AUDIT)
def event_detail(request, seq: int):
    event = get_object_or_404(AuditEvent, seq=seq)
    audit_read(actor=request.user, obj=event, summary=f"audit event {event.seq}")
    return render(
        request,
        "audit/event_detail.html",
        {
            "event": event,
            "changes_json": json.dumps(event.changes, indent=2, ensure_ascii=False, sort_keys=True),
        },
    )
