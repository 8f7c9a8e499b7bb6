"""The logframe on the programme page, and the forms that build it (MANAGE_PROGRAMMES).
Evidence files are read only here, by whoever may view programmes, and each read is
audited."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm
from masar.audit.actions import audit_read
from masar.core.permissions import policy_required

from .. import actions
from ..forms import IndicatorForm, ManualValueForm, ObjectiveForm, ResultForm, TargetForm
from ..models import (
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    ManualValue,
    Objective,
    Programme,
)

_EXT = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}


def _indicators():
    return Indicator.objects.prefetch_related(
        Prefetch("targets", queryset=IndicatorTarget.objects.select_related("governorate")),
        Prefetch("manual_values", queryset=ManualValue.objects.select_related("governorate")),
    )


def logframe_context(programme) -> dict:
    """Objectives → results → indicators with their targets and latest value by hand, in a
    fixed number of queries whatever their number."""
    objectives = programme.objectives.prefetch_related(
        Prefetch(
            "results",
            queryset=ExpectedResult.objects.prefetch_related(
                Prefetch("indicators", queryset=_indicators())
            ),
        )
    )
    return {
        "objectives": list(objectives),
        "programme_indicators": list(_indicators().filter(programme=programme, result=None)),
    }


def _programme(request, pk):
    return get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)


def _indicator(request, pk):
    visible = Programme.objects.visible_to(request.user)
    return get_object_or_404(
        Indicator.objects.filter(programme__in=visible).select_related("programme"), pk=pk
    )


def _form_page(request, form, *, programme, title, write, success, multipart=False):
    """GET: the form; POST: the action, then back to the programme page, or the form again
    with the action's messages."""
    if request.method == "POST" and form.is_valid():
        try:
            write(form.cleaned_data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages)
        else:
            messages.success(request, success)
            return redirect("monitoring:programme-detail", pk=programme.pk)
    return render(
        request,
        "monitoring/logframe_form.html",
        {"form": form, "programme": programme, "title": title, "multipart": multipart},
        status=400 if request.method == "POST" else 200,
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def objective_create(request, pk):
    programme = _programme(request, pk)
    form = ObjectiveForm(request.POST or None)
    return _form_page(
        request,
        form,
        programme=programme,
        title=_("Add an objective"),
        write=lambda data: actions.create_objective(
            actor=request.user, programme=programme, **data
        ),
        success=_("The objective was added."),
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def result_create(request, pk):
    visible = Programme.objects.visible_to(request.user)
    objective = get_object_or_404(
        Objective.objects.filter(programme__in=visible).select_related("programme"), pk=pk
    )
    form = ResultForm(request.POST or None)
    return _form_page(
        request,
        form,
        programme=objective.programme,
        title=_("Add an expected result"),
        write=lambda data: actions.create_result(actor=request.user, objective=objective, **data),
        success=_("The expected result was added."),
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def indicator_create(request, pk):
    programme = _programme(request, pk)
    form = IndicatorForm(request.POST or None, programme=programme)
    return _form_page(
        request,
        form,
        programme=programme,
        title=_("Add an indicator"),
        write=lambda data: actions.create_indicator(
            actor=request.user, programme=programme, **data
        ),
        success=_("The indicator was added."),
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def target_create(request, pk):
    indicator = _indicator(request, pk)
    form = TargetForm(request.POST or None, programme=indicator.programme)
    return _form_page(
        request,
        form,
        programme=indicator.programme,
        title=_("Set a target") + f" · {indicator.code}",
        write=lambda data: actions.set_target(actor=request.user, indicator=indicator, **data),
        success=_("The target was set."),
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def manual_value_create(request, pk):
    indicator = _indicator(request, pk)
    form = ManualValueForm(
        request.POST or None, request.FILES or None, programme=indicator.programme
    )
    return _form_page(
        request,
        form,
        programme=indicator.programme,
        title=_("Record a value with its evidence") + f" · {indicator.code}",
        write=lambda data: actions.record_manual_value(
            actor=request.user, indicator=indicator, **data
        ),
        success=_("The value was recorded."),
        multipart=True,
    )


@policy_required(Perm.VIEW_PROGRAMMES)
def evidence_download(request, pk):
    visible = Programme.objects.visible_to(request.user)
    manual = get_object_or_404(
        ManualValue.objects.filter(indicator__programme__in=visible).select_related("indicator"),
        pk=pk,
    )
    audit_read(actor=request.user, obj=manual, summary="evidence downloaded")
    response = FileResponse(
        manual.evidence.open("rb"),
        as_attachment=True,
        filename=f"evidence-{manual.indicator.code}-{str(manual.pk)[:8]}"
        f"{_EXT.get(manual.evidence_content_type, '')}",
        content_type=manual.evidence_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
