"""Duplicates and merges, emergencies without consent, subject access and erasure."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read
from masar.core.permissions import policy_required

from .. import subject_access
from ..actions import rights as actions
from ..forms.rights import EmergencyDecisionForm, EmergencyRequestForm, ErasureForm, MergeForm
from ..models import Beneficiary, EmergencyProcessing, EmergencyStatus, MergeRecord
from ..rules import duplicates
from ..rules import rights as rules
from ..rules.cases import has_active_consent
from .common import flash_errors, form_errors, new_key

PDF_LANGUAGES = ("fr", "ar")


def duplicate_matches(user, probe) -> tuple[list, int]:
    """Possible duplicates of ``probe``: those the user may see, and how many others exist
    outside their scope (counted, never named: ask a supervisor)."""
    matches = duplicates.find_duplicates(probe, Beneficiary.objects.all())
    visible = set(
        Beneficiary.objects.visible_to(user)
        .filter(pk__in=[m.beneficiary.pk for m in matches])
        .values_list("pk", flat=True)
    )
    shown = [m for m in matches if m.beneficiary.pk in visible]
    return shown, len(matches) - len(shown)


def merged_into(user, pk):
    """The identifier of the visible record that ``pk`` was merged into, if it was."""
    if Beneficiary.objects.filter(pk=pk).exists():
        return None
    visible = Beneficiary.objects.visible_to(user)
    return (
        MergeRecord.objects.filter(merged_id=pk, kept__in=visible)
        .values_list("kept_id", flat=True)
        .first()
    )


def case_context(request, case) -> dict:
    """Context for the case page's rights panel (template cases/panels/rights_case.html)."""
    return {"rights_emergency": rules.active_emergency(case.beneficiary)}


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's rights panel (cases/panels/rights_beneficiary.html)."""
    user = request.user
    emergencies = list(beneficiary.emergencies.select_related("requested_by", "decided_by")[:10])
    now = timezone.now()
    active = next((e for e in emergencies if e.is_active(now)), None)
    pending = next((e for e in emergencies if e.status == EmergencyStatus.REQUESTED), None)
    erasure = beneficiary.erasures.first()
    matches, hidden = (
        ([], 0) if erasure else duplicate_matches(user, duplicates.probe_of(beneficiary))
    )
    return {
        "rights_emergencies": emergencies,
        "rights_emergency_active": active,
        "rights_emergency_pending": pending,
        "rights_can_request_emergency": has_perm(user, Perm.MANAGE_CASES)
        and pending is None
        and active is None
        and erasure is None,
        "rights_can_decide": pending is not None
        and has_perm(user, Perm.APPROVE_EMERGENCY)
        and pending.requested_by_id != user.pk,
        "rights_decision_form": EmergencyDecisionForm(),
        "rights_duplicates": matches,
        "rights_hidden_duplicates": hidden,
        "rights_can_merge": has_perm(user, Perm.MERGE_BENEFICIARIES) and erasure is None,
        "rights_can_erase": has_perm(user, Perm.ERASE_PERSONAL_DATA) and erasure is None,
        "rights_merges": list(
            MergeRecord.objects.filter(kept=beneficiary).select_related("merged_by")
        ),
        "rights_erasure": erasure,
        "rights_pdf_languages": PDF_LANGUAGES,
    }


def _beneficiary(request, pk):
    return get_object_or_404(Beneficiary.objects.visible_to(request.user), pk=pk)


@policy_required(Perm.MANAGE_CASES)
def beneficiary_duplicates(request, pk):
    beneficiary = _beneficiary(request, pk)
    audit_read(actor=request.user, obj=beneficiary, summary="possible duplicates page")
    matches, hidden = duplicate_matches(request.user, duplicates.probe_of(beneficiary))
    return render(
        request,
        "cases/beneficiary_duplicates.html",
        {
            "beneficiary": beneficiary,
            "matches": matches,
            "hidden": hidden,
            "can_merge": has_perm(request.user, Perm.MERGE_BENEFICIARIES),
        },
    )


@policy_required(Perm.MERGE_BENEFICIARIES)
def beneficiary_merge(request, pk):
    beneficiary = _beneficiary(request, pk)
    data = request.POST if request.method == "POST" else None
    form = MergeForm(data, initial={"other": request.GET.get("other", "")})
    other = None
    raw_other = (data or request.GET).get("other", "")
    if raw_other:
        try:
            other = Beneficiary.objects.visible_to(request.user).filter(pk=raw_other).first()
        except ValidationError:
            other = None
        if other is None:
            raise Http404
    if request.method == "POST" and form.is_valid():
        keep_this = form.cleaned_data["keep"] == "this"
        kept, merged = (beneficiary, other) if keep_this else (other, beneficiary)
        try:
            actions.merge_beneficiaries(
                actor=request.user, kept=kept, merged=merged, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The two records were merged."))
            return redirect("cases:beneficiary-detail", pk=kept.pk)
    audit_read(actor=request.user, obj=beneficiary, summary="merge page")
    rows = []
    if other is not None:
        audit_read(actor=request.user, obj=other, summary="merge page")
        for f in Beneficiary._meta.concrete_fields:
            if f.name in ("id", "created_by"):
                continue
            rows.append(
                (
                    f.verbose_name,
                    _shown(beneficiary, f),
                    _shown(other, f),
                )
            )
    return render(
        request,
        "cases/beneficiary_merge.html",
        {"form": form, "beneficiary": beneficiary, "other": other, "rows": rows},
    )


def _shown(obj, f):
    if f.choices:
        return getattr(obj, f"get_{f.name}_display")()
    value = getattr(obj, f.name)
    return "" if value is None else value


@policy_required(Perm.MANAGE_CASES)
def emergency_request(request, pk):
    beneficiary = _beneficiary(request, pk)
    form = EmergencyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_emergency(
                actor=request.user,
                beneficiary=beneficiary,
                reason=form.cleaned_data["reason"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(
                request, _("The request was recorded. A second person must approve it.")
            )
            return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    return render(
        request,
        "cases/emergency_form.html",
        {
            "form": form,
            "beneficiary": beneficiary,
            "has_consent": has_active_consent(beneficiary),
            "idempotency_key": new_key(),
        },
    )


@require_POST
@policy_required(Perm.APPROVE_EMERGENCY)
def emergency_decide(request, pk):
    emergency = get_object_or_404(
        EmergencyProcessing.objects.filter(
            beneficiary__in=Beneficiary.objects.visible_to(request.user)
        ),
        pk=pk,
    )
    form = EmergencyDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to refuse."))
    else:
        try:
            actions.decide_emergency(
                actor=request.user,
                emergency=emergency,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            flash_errors(request, exc)
        else:
            messages.success(request, _("The decision was recorded."))
    return redirect("cases:beneficiary-detail", pk=emergency.beneficiary_id)


def _filename(beneficiary, ext):
    return f"masar-record-{str(beneficiary.pk)[:8]}-{timezone.localdate():%Y%m%d}.{ext}"


@policy_required(Perm.VIEW_CASES)
def subject_access_json(request, pk):
    beneficiary = _beneficiary(request, pk)
    data = subject_access.collect(beneficiary, request.user)
    actions.record_subject_access(actor=request.user, beneficiary=beneficiary, fmt="json")
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(beneficiary, "json")}"'
    response["Cache-Control"] = "no-store"
    return response


@policy_required(Perm.VIEW_CASES)
def subject_access_pdf(request, pk):
    beneficiary = _beneficiary(request, pk)
    lang = request.GET.get("lang", "fr")
    if lang not in PDF_LANGUAGES:
        raise Http404
    pdf = subject_access.render_pdf(beneficiary, request.user, lang)
    actions.record_subject_access(actor=request.user, beneficiary=beneficiary, fmt=f"pdf-{lang}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(beneficiary, "pdf")}"'
    response["Cache-Control"] = "no-store"
    return response


@policy_required(Perm.ERASE_PERSONAL_DATA)
def beneficiary_erase(request, pk):
    beneficiary = _beneficiary(request, pk)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.erase_beneficiary(
                actor=request.user,
                beneficiary=beneficiary,
                request_reference=form.cleaned_data["request_reference"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, record.get_mode_display())
            return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    return render(
        request,
        "cases/beneficiary_erase.html",
        {
            "form": form,
            "beneficiary": beneficiary,
            "blockers": rules.erasure_blockers(beneficiary),
            "holding": rules.retention_holds(beneficiary),
        },
    )


urlpatterns: list = [
    path(
        "beneficiaries/<uuid:pk>/duplicates/",
        beneficiary_duplicates,
        name="beneficiary-duplicates",
    ),
    path("beneficiaries/<uuid:pk>/merge/", beneficiary_merge, name="beneficiary-merge"),
    path("beneficiaries/<uuid:pk>/emergency/", emergency_request, name="emergency-request"),
    path("emergencies/<uuid:pk>/decide/", emergency_decide, name="emergency-decide"),
    path("beneficiaries/<uuid:pk>/export.json", subject_access_json, name="subject-access-json"),
    path("beneficiaries/<uuid:pk>/export.pdf", subject_access_pdf, name="subject-access-pdf"),
    path("beneficiaries/<uuid:pk>/erase/", beneficiary_erase, name="beneficiary-erase"),
]
