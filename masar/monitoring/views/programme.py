"""Programme pages: the envelope and the quota, how much of each is used, and the logframe."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import policy_required

from .. import actions
from ..forms import ProgrammeForm
from ..models import Programme
from .logframe import logframe_context


def _programmes(request):
    return Programme.objects.visible_to(request.user).with_usage()


@policy_required(Perm.VIEW_PROGRAMMES)
def programme_list(request):
    return render(
        request,
        "monitoring/programme_list.html",
        {"programmes": list(_programmes(request))},
    )


@policy_required(Perm.VIEW_PROGRAMMES)
def programme_detail(request, pk):
    programme = get_object_or_404(
        _programmes(request)
        .select_related("implementer")
        .prefetch_related("partners", "governorates", "municipalities"),
        pk=pk,
    )
    return render(
        request,
        "monitoring/programme_detail.html",
        {
            "programme": programme,
            "can_manage": has_perm(request.user, Perm.MANAGE_PROGRAMMES),
            **logframe_context(programme),
        },
    )


@policy_required(Perm.MANAGE_PROGRAMMES)
def programme_edit(request, pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        fields = actions.EDITABLE_FIELDS + actions.RELATED_FIELDS
        values = {f: form.cleaned_data[f] for f in fields}
        try:
            actions.update_programme(actor=request.user, programme=programme, **values)
        except ValidationError as exc:
            programme.refresh_from_db()
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The programme was updated."))
            return redirect("monitoring:programme-detail", pk=programme.pk)
    return render(request, "monitoring/programme_form.html", {"form": form, "programme": programme})
