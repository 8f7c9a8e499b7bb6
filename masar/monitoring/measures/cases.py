"""Measures over the reintegration cases: returnees registered, business aid approved, the
change of the sustainability score between intake and the 12-month follow-up."""

from django.db.models import Count, F, FloatField, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from masar.cases.models import AidFile, AidKind, AidStatus, Case, SustainabilityScore
from masar.cases.models.followups import ScoreOccasion

from .base import (
    Measure,
    check_period,
    count_result,
    governorate_codes,
    governorate_dimension,
    in_days,
    person_age_dimension,
    person_sex_dimension,
    ratio_result,
    scoped_records,
)


def _person_dimensions(path: str) -> dict:
    """Sex, age group and governorate of the Beneficiary at ``path``."""
    return {
        "sex": person_sex_dimension(path),
        "age_group": person_age_dimension(path),
        "governorate": governorate_dimension(f"{path}__governorate"),
    }


# --- returnees registered ---------------------------------------------------------------

_CASE_DIMS = _person_dimensions("beneficiary")


def _cases(manager, start, end, codes):
    check_period(start, end)
    return manager.filter(in_days("opened_at", start, end)).filter(
        Q() if codes is None else Q(beneficiary__governorate__code__in=codes)
    )


def returnees_compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    # A person whose case was opened twice in the period (closed, then opened again) counts
    # once.
    return count_result(
        _cases(Case.objects, start, end, codes),
        dims=_CASE_DIMS,
        count=Count("beneficiary", distinct=True),
        start=start,
        end=end,
        codes=codes,
        by=by,
    )


def returnees_records(*, user, start, end, governorates=None, cell=None):
    codes = governorate_codes(governorates)
    return scoped_records(
        _cases(Case.objects.visible_to(user), start, end, codes),
        dims=_CASE_DIMS,
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
    )


RETURNEES_REGISTERED = Measure(
    code="returnees_registered",
    label=_("Returnees registered"),
    unit="people",
    disaggregations=tuple(_CASE_DIMS),
    compute=returnees_compute,
    records=returnees_records,
    definition=_(
        "People whose reintegration case was opened in the period, counted once each; age "
        "on the last day of the period."
    ),
)


# --- business aid approved --------------------------------------------------------------

_AID_DIMS = _person_dimensions("enrolment__case__beneficiary")


def _aid_files(manager, start, end, codes):
    check_period(start, end)
    return manager.filter(
        in_days("decided_at", start, end),
        kind=AidKind.BUSINESS_IN_KIND,
        status=AidStatus.APPROVED,
    ).filter(Q() if codes is None else Q(enrolment__case__beneficiary__governorate__code__in=codes))


def business_aid_compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    return count_result(
        _aid_files(AidFile.objects, start, end, codes),
        dims=_AID_DIMS,
        count=Count("enrolment__case__beneficiary", distinct=True),
        extra={"amount": Sum("amount")},
        start=start,
        end=end,
        codes=codes,
        by=by,
    )


def business_aid_records(*, user, start, end, governorates=None, cell=None):
    codes = governorate_codes(governorates)
    return scoped_records(
        _aid_files(AidFile.objects.visible_to(user), start, end, codes),
        dims=_AID_DIMS,
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
    )


BUSINESS_AID_APPROVED = Measure(
    code="business_aid_approved",
    label=_("Returnees with approved business aid"),
    unit="people",
    disaggregations=tuple(_AID_DIMS),
    compute=business_aid_compute,
    records=business_aid_records,
    definition=_(
        "People with a business start-up aid file approved by the committee in the period, "
        "counted once each; the amount approved (TND) beside it."
    ),
)


# --- sustainability change --------------------------------------------------------------

_SCORE_DIMS = _person_dimensions("case__beneficiary")


def _twelve_month_scores(manager, start, end, codes):
    """The scores taken at a 12-month visit held in the period, with the case's intake
    score beside each (cases without an intake score are left out)."""
    check_period(start, end)
    intake = (
        SustainabilityScore.objects.filter(case=OuterRef("case"), occasion=ScoreOccasion.INTAKE)
        .order_by("taken_on", "recorded_at", "pk")
        .values("composite")[:1]
    )
    return (
        manager.filter(
            visit__month=12,
            visit__visited_on__gte=start,
            visit__visited_on__lte=end,
        )
        .filter(Q() if codes is None else Q(case__beneficiary__governorate__code__in=codes))
        .annotate(intake_composite=Subquery(intake, output_field=FloatField()))
        .filter(intake_composite__isnull=False)
    )


def sustainability_compute(*, start, end, governorates=None, by=None):
    codes = governorate_codes(governorates)
    # The mean in points on a 0–100 scale (composite scores are 0..1); parts keep the sum
    # of changes (0..1 scale) and the number of cases.
    return ratio_result(
        _twelve_month_scores(SustainabilityScore.objects, start, end, codes),
        dims=_SCORE_DIMS,
        numerator=Sum(F("composite") - F("intake_composite"), output_field=FloatField()),
        denominator=Count("pk"),
        start=start,
        end=end,
        codes=codes,
        by=by,
        scale=100,
        digits=1,
    )


def sustainability_records(*, user, start, end, governorates=None, cell=None):
    codes = governorate_codes(governorates)
    return scoped_records(
        _twelve_month_scores(SustainabilityScore.objects.visible_to(user), start, end, codes),
        dims=_SCORE_DIMS,
        user=user,
        start=start,
        end=end,
        codes=codes,
        cell=cell,
    )


SUSTAINABILITY_CHANGE = Measure(
    code="sustainability_change",
    label=_("Mean change of the sustainability score at 12 months"),
    unit="points",
    disaggregations=tuple(_SCORE_DIMS),
    compute=sustainability_compute,
    records=sustainability_records,
    definition=_(
        "For the cases whose 12-month follow-up visit took place in the period: the mean of "
        "the composite score at that visit minus the score at intake, in points out of 100."
    ),
)
