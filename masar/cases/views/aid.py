"""Enrolments (eligibility), aid files, committee decisions, contracts and disbursements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read
from masar.core.permissions import policy_required

from ..actions import aid as aid_actions
from ..actions import enrolment as enrolment_actions
from ..forms.aid import (
    AidDocumentForm,
    AidFileForm,
    DecisionForm,
    EnrolForm,
    OverrideForm,
    TrancheForm,
)
from ..models import AidFile, AidStatus, Case, Enrolment
from ..rules.eligibility import explain
from .common import flash_errors, form_errors, new_key


def _with_explanations(enrolments):
    for enrolment in enrolments:
        enrolment.explanations = [(c["passed"], explain(c)) for c in enrolment.checks]
    return enrolments


def case_context(request, case) -> dict:
    """Context for the case page's aid panel (template cases/panels/aid_case.html)."""
    user = request.user
    enrolments = _with_explanations(
        list(
            Enrolment.objects.filter(case=case)
            .select_related("programme", "overridden_by")
            .prefetch_related(
                Prefetch("aid_files", queryset=AidFile.objects.order_by("-created_at"))
            )
        )
    )
    can_manage = has_perm(user, Perm.MANAGE_CASES) and not case.is_closed
    return {
        "enrolments": enrolments,
        "enrol_form": EnrolForm() if can_manage else None,
        "override_form": OverrideForm() if has_perm(user, Perm.OVERRIDE_ELIGIBILITY) else None,
        "can_prepare_aid": can_manage and any(e.admitted for e in enrolments),
    }


def beneficiary_context(request, beneficiary) -> dict:
    """Context for the person page's aid panel (cases/panels/aid_beneficiary.html)."""
    return {
        "aid_files": AidFile.objects.visible_to(request.user)
        .filter(enrolment__case__beneficiary=beneficiary)
        .select_related("enrolment__programme")
    }


def _case(request, pk):
    return get_object_or_404(Case.objects.visible_to(request.user), pk=pk)


def _aid_file(request, pk):
    return get_object_or_404(
        AidFile.objects.visible_to(request.user).select_related(
            "enrolment__case__beneficiary",
            "enrolment__case__antenna",
            "enrolment__programme",
            "decided_by",
            "created_by",
        ),
        pk=pk,
    )


@require_POST
@policy_required(Perm.MANAGE_CASES)
def enrolment_create(request, pk):
    case = _case(request, pk)
    form = EnrolForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a programme from the list."))
        return redirect("cases:case-detail", pk=case.pk)
    try:
        enrolment = enrolment_actions.enrol_case(
            actor=request.user, case=case, programme=form.cleaned_data["programme"]
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        if enrolment.eligible:
            messages.success(request, _("Eligibility checked: the person is eligible."))
        else:
            messages.warning(request, _("Eligibility checked: the person is not eligible."))
    return redirect("cases:case-detail", pk=case.pk)


@require_POST
@policy_required(Perm.OVERRIDE_ELIGIBILITY)
def enrolment_override(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.visible_to(request.user).select_related("case"), pk=pk
    )
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the rules are overridden."))
        return redirect("cases:case-detail", pk=enrolment.case_id)
    try:
        enrolment_actions.override_eligibility(
            actor=request.user, enrolment=enrolment, reason=form.cleaned_data["reason"]
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The person was admitted to the programme."))
    return redirect("cases:case-detail", pk=enrolment.case_id)


@policy_required(Perm.MANAGE_CASES)
def aid_create(request, pk):
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("beneficiary"), pk=pk
    )
    enrolments = Enrolment.objects.filter(case=case).admitted().select_related("programme")
    form = AidFileForm(request.POST or None, enrolments=enrolments)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            aid_file = aid_actions.create_aid_file(
                actor=request.user,
                enrolment=data["enrolment"],
                kind=data["kind"],
                amount=data["amount"],
                funder=data["funder"],
                supplier=data["supplier"],
                description=data["description"],
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The aid file was prepared. Attach the quotes."))
            return redirect("cases:aid-detail", pk=aid_file.pk)
    return render(
        request,
        "cases/aidfile_form.html",
        {"form": form, "case": case, "idempotency_key": new_key()},
    )


@policy_required(Perm.VIEW_CASES)
def aid_detail(request, pk):
    aid_file = _aid_file(request, pk)
    audit_read(actor=request.user, obj=aid_file, summary="aid file page")
    user = request.user
    tranches = list(aid_file.tranches.select_related("recorded_by"))
    paid = sum((t.amount for t in tranches), start=aid_file.amount * 0)
    can_manage = has_perm(user, Perm.MANAGE_CASES)
    can_decide = has_perm(user, Perm.DECIDE_AID)
    approved = aid_file.status == AidStatus.APPROVED
    return render(
        request,
        "cases/aidfile_detail.html",
        {
            "aid": aid_file,
            "case": aid_file.enrolment.case,
            "documents": aid_file.documents.all(),
            "tranches": tranches,
            "paid": paid,
            "left": aid_file.amount - paid,
            "can_manage": can_manage,
            "document_form": AidDocumentForm()
            if can_manage and aid_file.status != AidStatus.REJECTED
            else None,
            "can_submit": can_manage and aid_file.status == AidStatus.DRAFT,
            "decision_form": DecisionForm()
            if can_decide and aid_file.status == AidStatus.SUBMITTED
            else None,
            "can_contract": can_manage and approved,
            "tranche_form": TrancheForm()
            if can_decide and approved and paid < aid_file.amount
            else None,
            "document_key": new_key(),
            "tranche_key": new_key(),
        },
    )


@require_POST
@policy_required(Perm.MANAGE_CASES)
def aid_document_add(request, pk):
    aid_file = _aid_file(request, pk)
    form = AidDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("cases:aid-detail", pk=aid_file.pk)
    try:
        aid_actions.add_aid_document(
            actor=request.user,
            aid_file=aid_file,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The document was attached."))
    return redirect("cases:aid-detail", pk=aid_file.pk)


@require_POST
@policy_required(Perm.MANAGE_CASES)
def aid_submit(request, pk):
    aid_file = _aid_file(request, pk)
    try:
        aid_actions.submit_aid_file(actor=request.user, aid_file=aid_file)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The aid file was submitted to the committee."))
    return redirect("cases:aid-detail", pk=aid_file.pk)


@require_POST
@policy_required(Perm.DECIDE_AID)
def aid_decide(request, pk):
    aid_file = _aid_file(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("cases:aid-detail", pk=aid_file.pk)
    try:
        aid_actions.decide_aid_file(
            actor=request.user,
            aid_file=aid_file,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The decision was recorded."))
    return redirect("cases:aid-detail", pk=aid_file.pk)


@policy_required(Perm.MANAGE_CASES)
def aid_contract(request, pk, lang):
    aid_file = _aid_file(request, pk)
    try:
        pdf = aid_actions.issue_contract(actor=request.user, aid_file=aid_file, language=lang)
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect("cases:aid-detail", pk=aid_file.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"contrat-engagement-{str(aid_file.pk)[:8]}-{lang}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@policy_required(Perm.DECIDE_AID)
def aid_tranche_add(request, pk):
    aid_file = _aid_file(request, pk)
    form = TrancheForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("cases:aid-detail", pk=aid_file.pk)
    try:
        aid_actions.record_tranche(actor=request.user, aid_file=aid_file, **form.cleaned_data)
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The tranche was recorded."))
    return redirect("cases:aid-detail", pk=aid_file.pk)


urlpatterns: list = [
    path("<uuid:pk>/enrolments/", enrolment_create, name="enrolment-create"),
    path("enrolments/<uuid:pk>/override/", enrolment_override, name="enrolment-override"),
    path("<uuid:pk>/aid/new/", aid_create, name="aid-create"),
    path("aid/<uuid:pk>/", aid_detail, name="aid-detail"),
    path("aid/<uuid:pk>/documents/", aid_document_add, name="aid-document-add"),
    path("aid/<uuid:pk>/submit/", aid_submit, name="aid-submit"),
    path("aid/<uuid:pk>/decision/", aid_decide, name="aid-decide"),
    path("aid/<uuid:pk>/contract/<str:lang>/", aid_contract, name="aid-contract"),
    path("aid/<uuid:pk>/tranches/", aid_tranche_add, name="aid-tranche-add"),
]
