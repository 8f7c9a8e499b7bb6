"""Desk statistics (aggregates only): the page, with its charts, and the XLSX export.

Readers hold VIEW_DESK_STATS and see their own desks (held by their institution or one
under it, or staffed by them); VIEW_ALL_DESKS sees every desk. A bad filter (dates in the
wrong order, absurd dates, a desk that does not exist or is out of scope) re-shows the form
with a clear message and status 400, and counts nothing.
"""

from urllib.parse import urlencode

from django.http import FileResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from masar.accounts.policy import Perm
from masar.core.permissions import policy_required

from .. import exports
from ..stats import StatsFilterForm, chart_data, compute_stats, definitions, preset_links


def _form(request) -> StatsFilterForm:
    # Always bound: an empty query string means the default period.
    return StatsFilterForm(request.GET, user=request.user)


@require_GET
@policy_required(Perm.VIEW_DESK_STATS)
def stats_page(request):
    form = _form(request)
    valid = form.is_valid()
    flt = form.stats_filter() if valid else None
    context = {
        "form": form,
        "presets": preset_links(
            bucket=flt.bucket if flt else "month",
            desk=str(flt.desk.pk) if flt and flt.desk else "",
        ),
    }
    if not valid:
        return render(request, "desk/stats.html", context, status=400)
    stats = compute_stats(flt)
    context |= {
        "flt": flt,
        "stats": stats,
        "charts": chart_data(stats),
        "definitions": definitions(),
        "export_query": urlencode(flt.as_params()),
    }
    return render(request, "desk/stats.html", context)


@require_GET
@policy_required(Perm.VIEW_DESK_STATS)
def stats_export(request):
    form = _form(request)
    if not form.is_valid():
        return render(request, "desk/stats.html", {"form": form}, status=400)
    flt = form.stats_filter()
    stats = compute_stats(flt)
    exports.record_stats_export(actor=request.user, flt=flt, contacts=stats["totals"]["contacts"])
    stamp = timezone.localdate().strftime("%Y%m%d")
    desk = flt.desk.code if flt.desk is not None else "all"
    return FileResponse(
        exports.write_stats_xlsx(stats, flt=flt, actor=request.user),
        as_attachment=True,
        filename=f"masar-desk-stats-{desk}-{flt.date_from:%Y%m%d}-{flt.date_to:%Y%m%d}-{stamp}.xlsx",
        content_type=exports.XLSX_TYPE,
    )


urlpatterns: list = [
    path("stats/", stats_page, name="stats"),
    path("stats/export.xlsx", stats_export, name="stats-export"),
]
