"""Referrals completed within their due date."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from masar.cases.models import Referral, ReferralStatus

from .base import (
    Measure,
    check_period,
    governorate_codes,
    governorate_dimension,
    person_age_dimension,
    person_sex_dimension,
    ratio_result,
    scoped_records,
)

_PERSON = "case__beneficiary"
_DIMS = {
    "sex": person_sex_dimension(_PERSON),
    "age_group": person_age_dimension(_PERSON),
    "governorate": governorate_dimension(f"{_PERSON}__governorate"),
}

COUNTED_STATUSES = [s for s in ReferralStatus.values if s != ReferralStatus.CANCELLED]
# Completed on or before the due date (the day of completion, in Tunis).
ON_TIME = Q(status=ReferralStatus.COMPLETED, completed_at__date__lte=F("due_date"))


def _due(manager, start, end, codes):
    """Referrals due in the period, cancelled ones apart (withdrawn by the sender: no
    longer the receiver's to complete). Declined ones count: not completed."""
    check_period(start, end)
    # The statuses named (not "everything but cancelled"): read from the status, due date
    # index (referral_due_idx).
    return manager.filter(
        status__in=COUNTED_STATUSES, due_date__gte=start, due_date__lte=end
    ).filter(Q() if codes is None else Q(case__beneficiary__governorate__code__in=codes))


def compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    return ratio_result(
        _due(Referral.objects, start, end, codes),
        dims=_DIMS,
        numerator=Count("pk", filter=ON_TIME),
        denominator=Count("pk"),
        start=start,
        end=end,
        codes=codes,
        by=by,
        scale=100,
        digits=1,
    )


def records(*, user, start, end, governorates=None, cell=None):
    """The referrals due in the period (the denominator); the cell ``outcome:on_time`` or
    ``outcome:not_on_time`` splits them."""
    codes = governorate_codes(governorates)
    return scoped_records(
        _due(Referral.objects.visible_to(user), start, end, codes),
        dims=_DIMS,
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
        extra_cells={"outcome": {"on_time": ON_TIME, "not_on_time": ~ON_TIME}},
    )


REFERRALS_COMPLETED_ON_TIME = Measure(
    code="referrals_completed_on_time",
    label=_("Referrals completed within their due date"),
    unit="percent",
    disaggregations=tuple(_DIMS),
    compute=compute,
    records=records,
    definition=_(
        "Of the referrals due in the period (cancelled ones apart), the share completed by "
        "the receiving institution on or before their due date."
    ),
)
