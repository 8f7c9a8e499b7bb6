"""Information pages: public reading (``public:``) and the staff editor (``portal:``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from masar.accounts.policy import Perm
from masar.core.permissions import policy_required
from masar.core.views_common import form_errors

from .. import actions
from ..forms import LANGUAGE_LABELS, PageForm
from ..markup import render_markdown
from ..models import InfoPage, PageCategory, PageStatus
from ..public import public_page

PAGES_PER_PAGE = 30


# --- Public ----------------------------------------------------------------------------------


@public_page(cache_seconds=60)
@require_GET
def page_list(request):
    pages = InfoPage.objects.published().order_by("position", "slug")
    page = Paginator(pages, PAGES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/page_list.html",
        {"pages": page.object_list, "page": page, "categories": PageCategory},
    )


@public_page
@require_GET
def page_detail(request, slug):
    page = get_object_or_404(InfoPage.objects.published(), slug=slug)
    language = (get_language() or "fr")[:2]
    context = {
        "page": page,
        "untranslated": language != "fr" and not page.is_translated(language),
    }
    return render(request, "portal/page_detail.html", context)


# --- Staff -----------------------------------------------------------------------------------


@policy_required(Perm.EDIT_PORTAL_PAGES)
@require_GET
def staff_page_list(request):
    pages = InfoPage.objects.editable_by(request.user).select_related("updated_by")
    return render(
        request,
        "portal/page_staff_list.html",
        {"pages": pages, "languages": LANGUAGE_LABELS},
    )


@policy_required(Perm.EDIT_PORTAL_PAGES)
def page_create(request):
    form = PageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = actions.create_page(actor=request.user, **form.values())
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("Page saved as a draft."))
            return redirect("portal:page-edit", pk=page.pk)
    return render(request, "portal/page_form.html", {"form": form, "page": None})


@policy_required(Perm.EDIT_PORTAL_PAGES)
def page_edit(request, pk):
    page = get_object_or_404(InfoPage.objects.editable_by(request.user), pk=pk)
    form = PageForm(request.POST or None, instance=InfoPage.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_page(actor=request.user, page=page, **form.values())
        except ValidationError as exc:
            form_errors(form, exc)
        else:
            messages.success(request, _("Page saved."))
            return redirect("portal:page-edit", pk=page.pk)
    return render(request, "portal/page_form.html", {"form": form, "page": page})


@policy_required(Perm.EDIT_PORTAL_PAGES)
@require_GET
def page_preview(request, pk):
    page = get_object_or_404(InfoPage.objects.editable_by(request.user), pk=pk)
    versions = [
        {
            "lang": lang,
            "label": label,
            "title": getattr(page, f"title_{lang}"),
            "summary": getattr(page, f"summary_{lang}"),
            "html": render_markdown(getattr(page, f"body_{lang}")),
            "translated": page.is_translated(lang),
        }
        for lang, label in LANGUAGE_LABELS.items()
    ]
    return render(request, "portal/page_preview.html", {"page": page, "versions": versions})


@policy_required(Perm.EDIT_PORTAL_PAGES)
@require_POST
def page_status(request, pk):
    page = get_object_or_404(InfoPage.objects.editable_by(request.user), pk=pk)
    status = request.POST.get("status", "")
    try:
        actions.set_page_status(actor=request.user, page=page, status=status)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        if status == PageStatus.PUBLISHED:
            messages.success(request, _("Page published."))
        else:
            messages.success(request, _("Page withdrawn: it is a draft again."))
    return redirect("portal:page-edit", pk=page.pk)


urlpatterns = [
    path("info/", page_list, name="page-list"),
    path("info/<slug:slug>/", page_detail, name="page-detail"),
]

staff_urlpatterns = [
    path("pages/", staff_page_list, name="page-list"),
    path("pages/new/", page_create, name="page-create"),
    path("pages/<uuid:pk>/", page_edit, name="page-edit"),
    path("pages/<uuid:pk>/preview/", page_preview, name="page-preview"),
    path("pages/<uuid:pk>/status/", page_status, name="page-status"),
]
