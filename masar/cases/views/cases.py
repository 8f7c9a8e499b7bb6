"""Case pages. Thin: parse, check policy, call an action, render. Every page showing a
beneficiary or a case records the read in the audit trail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read, record_event
from masar.audit.models import AuditAction
from masar.core.permissions import policy_required

from .. import actions, rules
from ..forms import (
    BeneficiaryForm,
    CaseFilterForm,
    ConsentForm,
    RegisterForm,
    StatusForm,
    WithdrawForm,
)
from ..models import Beneficiary, Case, CaseStatus, Consent, ConsentPurpose
from ..rules.duplicates import Probe
from ..search import scope_antennas, search_cases
from ..validators import normalize_cin, normalize_phone
from . import aid, attachments, followups, needs, referrals, rights
from .common import flash_errors, form_errors, new_key

PAGE_SIZE = 25
# Each concept adds its panel to the case and person pages (context + a template in
# cases/panels/<concept>_case.html and <concept>_beneficiary.html).
PANELS = (needs, followups, referrals, aid, rights, attachments)


@policy_required(Perm.VIEW_CASES)
def case_list(request):
    form = CaseFilterForm(request.GET or None)
    cases = Case.objects.visible_to(request.user).select_related(
        "beneficiary", "antenna", "counsellor"
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            cases = cases.filter(status=data["status"])
        cases = search_cases(cases, data["q"], antennas=scope_antennas(request.user))
    page = Paginator(cases.order_by("-opened_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    record_event(
        actor=request.user,
        action=AuditAction.READ,
        object_type="cases.case",
        summary=f"case list ({len(page.object_list)} rows)",
    )
    return render(
        request,
        "cases/case_list.html",
        {"form": form, "page": page, "can_manage": has_perm(request.user, Perm.MANAGE_CASES)},
    )


def _probe(values: dict, exclude=None) -> Probe:
    """What the form says of the person, normalised as the actions would store it."""
    try:
        phone = normalize_phone(values.get("phone"))
    except ValidationError:
        phone = ""
    try:
        cin = normalize_cin(values.get("cin"))
    except ValidationError:
        cin = None
    return Probe(
        first_name=values.get("first_name") or "",
        last_name=values.get("last_name") or "",
        first_name_ar=values.get("first_name_ar") or "",
        last_name_ar=values.get("last_name_ar") or "",
        birth_date=values.get("birth_date"),
        cin=cin,
        phone=phone,
        exclude=exclude,
    )


@policy_required(Perm.MANAGE_CASES)
def beneficiary_register(request):
    form = RegisterForm(request.POST or None)
    duplicates, hidden = [], 0
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["confirm_duplicate"]:
            duplicates, hidden = rights.duplicate_matches(request.user, _probe(form.cleaned_data))
        if not (duplicates or hidden):
            try:
                beneficiary = actions.register_beneficiary(
                    actor=request.user, **form.action_values()
                )
            except ValidationError as exc:
                form_errors(form, exc)
            else:
                messages.success(request, _("The person was registered. Record their consent."))
                return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    return render(
        request,
        "cases/beneficiary_register.html",
        {
            "form": form,
            "duplicates": duplicates,
            "hidden": hidden,
            "idempotency_key": new_key(),
        },
    )


def _beneficiary(request, pk):
    return get_object_or_404(
        Beneficiary.objects.visible_to(request.user).select_related(
            "institution", "governorate", "delegation", "municipality"
        ),
        pk=pk,
    )


@policy_required(Perm.VIEW_CASES)
def beneficiary_detail(request, pk):
    kept = rights.merged_into(request.user, pk)
    if kept is not None:  # a record merged into another one: its links lead to the kept one
        return redirect("cases:beneficiary-detail", pk=kept)
    beneficiary = _beneficiary(request, pk)
    audit_read(actor=request.user, obj=beneficiary, summary="beneficiary page")
    consents = Consent.objects.filter(beneficiary=beneficiary).select_related("taken_by")
    active = {c.purpose for c in consents if c.is_active()}
    return render(
        request,
        "cases/beneficiary_detail.html",
        {
            "beneficiary": beneficiary,
            "consents": consents,
            "active_purposes": [p for p in ConsentPurpose if p.value in active],
            # An approved emergency processing stands in for the consent (rules.cases).
            "has_consent": ConsentPurpose.CASE_MANAGEMENT.value in active
            or rules.has_active_consent(beneficiary),
            "cases": Case.objects.visible_to(request.user)
            .filter(beneficiary=beneficiary)
            .select_related("antenna"),
            "can_manage": has_perm(request.user, Perm.MANAGE_CASES),
            # One open case per person (also a database constraint): no button for a second.
            "has_open_case": beneficiary.cases.open().exists(),
            "idempotency_key": new_key(),
            **_panels("beneficiary_context", request, beneficiary),
        },
    )


@policy_required(Perm.MANAGE_CASES)
def beneficiary_edit(request, pk):
    beneficiary = _beneficiary(request, pk)
    has_consent = rules.has_active_consent(beneficiary)
    form = BeneficiaryForm(request.POST or None, initial=BeneficiaryForm.initial_for(beneficiary))
    duplicates, hidden = [], 0
    if request.method == "POST" and form.is_valid() and not request.POST.get("confirm_duplicate"):
        # Shown before saving when the identity changes: the same card number, phone, or a
        # close name with the same date of birth.
        values = form.action_values(with_consent=True)
        identity = ("first_name", "last_name", "first_name_ar", "last_name_ar")
        identity += ("birth_date", "cin", "phone")
        if any(str(values.get(f) or "") != str(form.initial.get(f) or "") for f in identity):
            duplicates, hidden = rights.duplicate_matches(
                request.user, _probe(values, exclude=beneficiary)
            )
    if request.method == "POST" and form.is_valid() and not (duplicates or hidden):
        try:
            actions.update_beneficiary(
                actor=request.user,
                beneficiary=beneficiary,
                **form.action_values(with_consent=True),
            )
        except ValidationError as exc:
            beneficiary.refresh_from_db()
            form_errors(form, exc)
        else:
            messages.success(request, _("The record was updated."))
            return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    else:
        audit_read(actor=request.user, obj=beneficiary, summary="beneficiary edit page")
    return render(
        request,
        "cases/beneficiary_form.html",
        {
            "form": form,
            "beneficiary": beneficiary,
            "has_consent": has_consent,
            "duplicates": duplicates,
            "hidden": hidden,
        },
    )


@policy_required(Perm.MANAGE_CASES)
def consent_record(request, pk):
    beneficiary = _beneficiary(request, pk)
    if request.method == "POST" and "withdraw" in request.POST:
        withdraw = WithdrawForm({"purpose": request.POST.get("withdraw")})
        if withdraw.is_valid():
            try:
                actions.withdraw_consent(
                    actor=request.user,
                    beneficiary=beneficiary,
                    purpose=withdraw.cleaned_data["purpose"],
                )
            except ValidationError as exc:
                flash_errors(request, exc)
            else:
                messages.success(request, _("The consent was withdrawn."))
        else:
            messages.error(request, _("Choose a purpose from the list."))
        return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_consent(
                actor=request.user,
                beneficiary=beneficiary,
                purposes=form.purposes(),
                text_version=form.cleaned_data["text_version"],
                language=form.cleaned_data["language"],
                referral_kinds=form.referral_kinds(),
            )
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("The consent was recorded."))
            return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    return render(
        request,
        "cases/consent_form.html",
        {"form": form, "beneficiary": beneficiary, "idempotency_key": new_key()},
    )


@require_POST
@policy_required(Perm.MANAGE_CASES)
def case_open(request, pk):
    beneficiary = _beneficiary(request, pk)
    try:
        case = actions.open_case(actor=request.user, beneficiary=beneficiary)
    except ValidationError as exc:
        flash_errors(request, exc)
        return redirect("cases:beneficiary-detail", pk=beneficiary.pk)
    messages.success(request, _("The case was opened."))
    return redirect("cases:case-detail", pk=case.pk)


@policy_required(Perm.VIEW_CASES)
def case_detail(request, pk):
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related(
            "beneficiary", "antenna", "counsellor"
        ),
        pk=pk,
    )
    audit_read(actor=request.user, obj=case, summary="case page")
    next_statuses = [(s, CaseStatus(s).label) for s in case.allowed_next()]
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "status_form": StatusForm(),
            "next_statuses": next_statuses,
            "can_manage": has_perm(request.user, Perm.MANAGE_CASES),
            **_panels("case_context", request, case),
        },
    )


def _panels(hook: str, request, obj) -> dict:
    context = {}
    for panel in PANELS:
        context.update(getattr(panel, hook)(request, obj))
    return context


@require_POST
@policy_required(Perm.MANAGE_CASES)
def case_status(request, pk):
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status from the list."))
        return redirect("cases:case-detail", pk=case.pk)
    try:
        actions.change_case_status(
            actor=request.user,
            case=case,
            to=form.cleaned_data["to"],
            reason=form.cleaned_data["reason"],
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("The status was changed."))
    return redirect("cases:case-detail", pk=case.pk)
