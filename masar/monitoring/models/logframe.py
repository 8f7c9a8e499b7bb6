"""A programme's logical framework: objectives → expected results (R1…R4) → indicators, each
indicator with its targets per period (and governorate) and, when no record holds its value,
values entered by hand with the evidence that backs them.

An indicator's value is either computed from the records by a named measure (its code, from
``masar.monitoring.measures.CATALOGUE``) or entered by hand (``ManualValue``). Evidence files
live in private storage and are read only through ``monitoring:evidence-download``, which
checks the policy and audits the read."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from .programme import Programme

_NONE = DataClass.NONE


class IndicatorUnit(models.TextChoices):
    NUMBER = "number", _("number")
    PERCENT = "percent", _("percent")
    PEOPLE = "people", _("people")
    DAYS = "days", _("days")
    EVENTS = "events", _("events")


class IndicatorSource(models.TextChoices):
    MEASURE = "measure", _("computed from the records")
    MANUAL = "manual", _("entered by hand with evidence")


class Disaggregation(models.TextChoices):
    SEX = "sex", _("sex")
    AGE_GROUP = "age_group", _("age group")
    GOVERNORATE = "governorate", _("governorate")
    NATIONALITY = "nationality", _("nationality")
    STATUS = "status", _("status")


class Objective(models.Model):
    """The general objective (position 0) or a specific one."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("code"), max_length=10)  # OG, OS1, OS2…
    text = models.TextField(_("objective"))  # translated (fr, ar, en)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "programme": _NONE,
        "code": _NONE,
        "text": _NONE,
        "text_fr": _NONE,
        "text_ar": _NONE,
        "text_en": _NONE,
        "position": _NONE,
    }

    class Meta:
        ordering = ["programme", "position", "code"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="objective_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.text}"


class ExpectedResult(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="results")
    code = models.CharField(_("code"), max_length=10)  # R1…R4
    text = models.TextField(_("expected result"))  # translated (fr, ar, en)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "objective": _NONE,
        "code": _NONE,
        "text": _NONE,
        "text_fr": _NONE,
        "text_ar": _NONE,
        "text_en": _NONE,
    }

    class Meta:
        ordering = ["objective", "code"]
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")
        constraints = [
            models.UniqueConstraint(fields=["objective", "code"], name="result_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.text}"


class Indicator(models.Model):
    """Attached to an expected result, or to the programme itself (``result`` empty)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    result = models.ForeignKey(
        ExpectedResult,
        verbose_name=_("expected result"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    code = models.CharField(_("code"), max_length=20)  # R1.1, P.1…
    name = models.CharField(_("name"), max_length=300)  # translated
    definition = models.TextField(_("definition"), blank=True)  # translated
    unit = models.CharField(_("unit"), max_length=10, choices=IndicatorUnit.choices)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    # Subset of Disaggregation values the figure must be broken down by.
    disaggregations = models.JSONField(_("required disaggregations"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=IndicatorSource.choices)
    measure_code = models.CharField(_("measure"), max_length=60, blank=True)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "programme": _NONE,
        "result": _NONE,
        "code": _NONE,
        "name": _NONE,
        "name_fr": _NONE,
        "name_ar": _NONE,
        "name_en": _NONE,
        "definition": _NONE,
        "definition_fr": _NONE,
        "definition_ar": _NONE,
        "definition_en": _NONE,
        "unit": _NONE,
        "baseline_value": _NONE,
        "baseline_date": _NONE,
        "disaggregations": _NONE,
        "source": _NONE,
        "measure_code": _NONE,
    }

    class Meta:
        ordering = ["programme", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=Q(source="manual", measure_code="")
                | (Q(source="measure") & ~Q(measure_code="")),
                name="indicator_measure_iff_computed",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def disaggregation_labels(self) -> list[str]:
        return [Disaggregation(d).label for d in self.disaggregations or []]


class _PeriodValue(models.Model):
    period_start = models.DateField(_("start of the period"))
    period_end = models.DateField(_("end of the period"))
    governorate = models.ForeignKey(
        "geo.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        abstract = True


class IndicatorTarget(_PeriodValue):
    """What the indicator should reach over a period, for the whole programme (no
    governorate) or one governorate."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "indicator": _NONE,
        "period_start": _NONE,
        "period_end": _NONE,
        "governorate": _NONE,
        "value": _NONE,
    }

    class Meta:
        ordering = ["indicator", "period_start", "governorate__code"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="target_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end", "governorate"],
                name="target_unique_per_governorate",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                condition=Q(governorate__isnull=True),
                name="target_unique_programme_wide",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.period_start}–{self.period_end}: {self.value}"


def _evidence_path(instance, filename):
    # Never the uploaded name: it may carry personal data and path tricks.
    return f"evidence/{instance.recorded_at:%Y/%m}/{instance.pk}"


class ManualValue(_PeriodValue):
    """A value entered by hand, for an indicator no record holds, with its evidence (an
    attendance sheet, a press cutting, a report)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="manual_values")
    evidence = models.FileField(_("evidence"), upload_to=_evidence_path, max_length=200)
    evidence_content_type = models.CharField(max_length=100)
    evidence_note = models.CharField(_("what the evidence is"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "indicator": _NONE,
        "period_start": _NONE,
        "period_end": _NONE,
        "governorate": _NONE,
        "value": _NONE,
        # An attendance sheet or a photo names people: as an attachment's file.
        "evidence": DataClass.IDENTITY,
        "evidence_content_type": _NONE,
        "evidence_note": _NONE,
        "recorded_by": _NONE,
        "recorded_at": _NONE,
    }

    class Meta:
        ordering = ["indicator", "-period_end", "-recorded_at"]
        verbose_name = _("value entered by hand")
        verbose_name_plural = _("values entered by hand")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="manual_value_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.period_start}–{self.period_end}: {self.value}"
