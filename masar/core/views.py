from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from masar.accounts.policy import Perm, has_perm
from masar.api.problems import problem_response
from masar.portal.public import public_page


@never_cache
@require_GET
def healthz(request):
    """Operators' probe: is the database answering?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception:  # noqa: BLE001 — any failure means the database is not usable
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {
            "status": "ok" if status == 200 else "degraded",
            "database": database,
            "vendor": connection.vendor,
        },
        status=status,
    )


@public_page(cache_seconds=60)
def home(request):
    """The public portal's home for visitors who are not signed in; the staff home otherwise."""
    if not request.user.is_authenticated:
        from masar.portal.views.home import home as portal_home

        return portal_home(request)
    return render(
        request,
        "core/home.html",
        {
            "can_manage_users": has_perm(request.user, Perm.VIEW_USERS),
            "can_view_audit": has_perm(request.user, Perm.VIEW_AUDIT),
        },
    )


def about(request):
    return render(request, "core/about.html")


def csrf_failure(request, reason=""):
    if request.path.startswith("/api/"):
        return problem_response(
            403,
            _("Request refused"),
            _("The security token of this request is missing or invalid."),
        )
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        return problem_response(400, _("Bad request"), _("The request could not be understood."))
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    if request.path.startswith("/api/"):
        return problem_response(403, _("Forbidden"), _("You are not allowed to do this."))
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return problem_response(404, _("Not found"), _("There is nothing at this address."))
    return render(request, "404.html", status=404)


def server_error(request):
    if request.path.startswith("/api/"):
        return problem_response(500, _("Server error"), _("Something went wrong on our side."))
    return render(request, "500.html", status=500)
