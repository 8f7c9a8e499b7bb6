"""GET /api/v1/desk/stats: the desk statistics of the page (masar/desk/views/stats.py) as
JSON, with the same filters and the same scope (the caller's desks; every desk with
VIEW_ALL_DESKS). Aggregates only. A bad filter is a 422 problem naming the field."""

from django.core.exceptions import ValidationError
from ninja import Query, Router

from masar.accounts.policy import Perm
from masar.api.auth import require
from masar.api.schemas_desk_stats import DeskStatsFilter, DeskStatsOut
from masar.desk.stats import StatsFilterForm, compute_stats

from . import errors

router = Router(tags=["desks"])


@router.get(
    "/desk/stats",
    response={200: DeskStatsOut, **errors(403, 422)},
    url_name="desk-stats",
    operation_id="getDeskStats",
    summary="Desk statistics by period, desk, topic and profile (aggregates only)",
)
def desk_stats(request, filters: Query[DeskStatsFilter]):
    require(request, Perm.VIEW_DESK_STATS)
    data = {k: str(v) for k, v in filters.dict().items() if v is not None}
    form = StatsFilterForm(data, user=request.auth)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return compute_stats(form.stats_filter())
