"""Programmes: who funds, runs and partners them, their budget, period and territory, and
(below them, masar.monitoring.models.logframe) their objectives, results and indicators.

Programmes that fund reintegration aid also carry a budget envelope (TND) and a beneficiary
quota that approvals can never exceed (see masar.cases.actions.aid), and the eligibility rule
set their enrolments are checked against (masar.cases.rules.eligibility)."""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from ..querysets import ProgrammeQuerySet

_NONE = DataClass.NONE


class RuleSet(models.TextChoices):
    TOUNESNA = "tounesna", _("Tounesna: Tunisians back from the EU or Switzerland")
    OPEN = "open", _("Open: Tunisian nationals, no condition on the country of return")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro")
    TND = "TND", _("Tunisian dinar")
    USD = "USD", _("US dollar")


class Programme(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    starts_on = models.DateField(_("start of the period"), null=True, blank=True)
    ends_on = models.DateField(_("end of the period"), null=True, blank=True)
    envelope = models.DecimalField(
        _("aid budget envelope (TND)"),
        max_digits=14,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0"))],
    )
    # Where the envelope figure comes from (a decision, an agreement, or "demo figure").
    envelope_note = models.CharField(_("source of the envelope figure"), max_length=300)
    quota = models.PositiveIntegerField(
        _("beneficiary quota"),
        null=True,
        blank=True,
        help_text=_("At most this many people may receive approved aid. Empty: no quota."),
    )
    rule_set = models.CharField(
        _("eligibility rule set"), max_length=20, choices=RuleSet.choices, default=RuleSet.TOUNESNA
    )
    is_active = models.BooleanField(_("open to new enrolments"), default=True)
    # Who pays, who runs it, with whom, with what, where (the logframe hangs below).
    funders = models.TextField(_("funders"), blank=True)
    implementer = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("implementer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implemented_programmes",
    )
    partners = models.ManyToManyField(
        "accounts.Institution",
        verbose_name=_("partners"),
        blank=True,
        related_name="partner_programmes",
    )
    budget = models.DecimalField(
        _("budget"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    budget_currency = models.CharField(
        _("budget currency"), max_length=3, choices=Currency.choices, blank=True
    )
    budget_note = models.CharField(_("source of the budget figure"), max_length=300, blank=True)
    governorates = models.ManyToManyField(
        "geo.Governorate", verbose_name=_("governorates"), blank=True, related_name="+"
    )
    municipalities = models.ManyToManyField(
        "geo.Municipality", verbose_name=_("municipalities"), blank=True, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)

    objects = ProgrammeQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "code": _NONE,
        "name": _NONE,
        "name_fr": _NONE,
        "name_ar": _NONE,
        "name_en": _NONE,
        "funder": _NONE,
        "starts_on": _NONE,
        "ends_on": _NONE,
        "envelope": _NONE,
        "envelope_note": _NONE,
        "envelope_note_fr": _NONE,
        "envelope_note_ar": _NONE,
        "envelope_note_en": _NONE,
        "quota": _NONE,
        "rule_set": _NONE,
        "is_active": _NONE,
        "funders": _NONE,
        "implementer": _NONE,
        "budget": _NONE,
        "budget_currency": _NONE,
        "budget_note": _NONE,
        "description": _NONE,
        "description_fr": _NONE,
        "description_ar": _NONE,
        "description_en": _NONE,
    }

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(condition=Q(envelope__gte=0), name="programme_envelope_gte_0"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="programme_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | ~Q(budget_currency=""),
                name="programme_budget_has_currency",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.budget is not None and not self.budget_currency:
            raise ValidationError({"budget_currency": _("Give the currency of the budget.")})

    def covers(self, start, end) -> bool:
        """Whether the period [start, end] lies within the programme's period (an open end
        is no limit)."""
        if self.starts_on is not None and start < self.starts_on:
            return False
        return self.ends_on is None or end <= self.ends_on
