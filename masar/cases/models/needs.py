"""The person's profile (household, education, skills, languages), the needs assessment of a
case, its vulnerability flags and the individual reintegration plan.

Sensitive parts sit in their own tables so that the permission and audit boundaries are
tables: the psychosocial part of an assessment (``PsychosocialAssessment``, PSYCHOLOGICAL)
and the details behind a vulnerability flag (``VulnerabilityDetail``, HEALTH) are read only
with ``cases.view_health``, and every read is audited. The flag itself is seen by case staff.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masar.core.classification import DataClass

from ..querysets.needs import (
    AssessmentQuerySet,
    PlanActionQuerySet,
    PlanTrackQuerySet,
    ProfileQuerySet,
    PsychosocialQuerySet,
    VulnerabilityDetailQuerySet,
    VulnerabilityQuerySet,
)
from .case import Case
from .person import Beneficiary, Sex

_NONE, _ID, _FIN = DataClass.NONE, DataClass.IDENTITY, DataClass.FINANCIAL
_HEALTH, _PSY = DataClass.HEALTH, DataClass.PSYCHOLOGICAL


def _user_fk():
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


# --- The person's profile -------------------------------------------------------------------


class EducationLevel(models.TextChoices):
    NONE = "none", _("No schooling")
    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary (collège)")
    SECONDARY = "secondary", _("Secondary (lycée, baccalauréat)")
    VOCATIONAL = "vocational", _("Vocational training")
    HIGHER = "higher", _("Higher education")


class Profile(models.Model):
    """What the person brings: education, skills and trades, languages; and their household.
    Recorded only under an active case-management consent."""

    beneficiary = models.OneToOneField(
        Beneficiary, primary_key=True, on_delete=models.CASCADE, related_name="profile"
    )
    education_level = models.CharField(
        _("education level"), max_length=20, choices=EducationLevel.choices, blank=True
    )
    skills = models.TextField(_("skills and trades"), blank=True)
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    updated_by = _user_fk()
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = ProfileQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "beneficiary": _NONE,
        "education_level": _ID,
        "skills": _ID,
        "languages": _ID,
        "updated_by": _NONE,
        "updated_at": _NONE,
    }

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return f"profile:{self.beneficiary_id}"


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Brother or sister")
    OTHER = "other", _("Other relative")


class HouseholdMember(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="household")
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    dependent = models.BooleanField(_("dependent"), default=False)

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "profile": _NONE,
        "relation": _ID,
        "sex": _ID,
        "birth_year": _ID,
        "dependent": _ID,
    }

    class Meta:
        ordering = ["pk"]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self):
        return f"{self.profile_id}:{self.relation}"


# --- Needs assessment -----------------------------------------------------------------------


class WorkSituation(models.TextChoices):
    UNEMPLOYED = "unemployed", _("Unemployed")
    INFORMAL = "informal", _("Informal or occasional work")
    EMPLOYED = "employed", _("Employed")
    SELF_EMPLOYED = "self_employed", _("Self-employed")
    TRAINING = "training", _("In training or studying")
    UNABLE = "unable", _("Unable to work")


class Housing(models.TextChoices):
    OWNER = "owner", _("Owner")
    TENANT = "tenant", _("Tenant")
    FAMILY = "family", _("Housed by family")
    PRECARIOUS = "precarious", _("Precarious housing")
    NONE = "none", _("No housing")


class FamilySituation(models.TextChoices):
    SINGLE = "single", _("Single")
    MARRIED = "married", _("Married")
    DIVORCED = "divorced", _("Divorced or separated")
    WIDOWED = "widowed", _("Widowed")


class Level(models.TextChoices):
    """A three-step answer used across the assessment."""

    GOOD = "good", _("Good")
    PARTIAL = "partial", _("Partial")
    POOR = "poor", _("Poor or none")


class NeedsAssessment(models.Model):
    """One assessment of a case, dated and attributed; several over time, the latest shown.
    Economic and social dimensions; the psychosocial one is ``PsychosocialAssessment``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date of the assessment"), default=timezone.localdate)
    assessed_by = _user_fk()
    created_at = models.DateTimeField(default=timezone.now)
    # Economic
    work_situation = models.CharField(
        _("work situation"), max_length=20, choices=WorkSituation.choices, blank=True
    )
    monthly_income = models.PositiveIntegerField(
        _("monthly income of the household (TND)"), null=True, blank=True
    )
    housing = models.CharField(_("housing"), max_length=20, choices=Housing.choices, blank=True)
    debts = models.PositiveIntegerField(_("debts (TND)"), null=True, blank=True)
    economic_notes = models.TextField(_("economic needs"), blank=True)
    # Social
    family_situation = models.CharField(
        _("family situation"), max_length=20, choices=FamilySituation.choices, blank=True
    )
    family_support = models.CharField(
        _("support from the family"), max_length=10, choices=Level.choices, blank=True
    )
    documents_complete = models.BooleanField(
        _("civil and identity documents complete"), null=True, blank=True
    )
    access_to_services = models.CharField(
        _("access to services (health, social cover, schooling)"),
        max_length=10,
        choices=Level.choices,
        blank=True,
    )
    social_notes = models.TextField(_("social needs"), blank=True)

    objects = AssessmentQuerySet.as_manager()

    ECONOMIC_FIELDS = ("work_situation", "monthly_income", "housing", "debts", "economic_notes")
    SOCIAL_FIELDS = (
        "family_situation",
        "family_support",
        "documents_complete",
        "access_to_services",
        "social_notes",
    )

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "assessed_on": _NONE,
        "assessed_by": _NONE,
        "created_at": _NONE,
        "work_situation": _ID,
        "monthly_income": _FIN,
        "housing": _ID,
        "debts": _FIN,
        "economic_notes": _ID,
        "family_situation": _ID,
        "family_support": _ID,
        "documents_complete": _ID,
        "access_to_services": _ID,
        "social_notes": _ID,
    }

    class Meta:
        ordering = ["-assessed_on", "-created_at", "-pk"]
        verbose_name = _("needs assessment")
        verbose_name_plural = _("needs assessments")
        indexes = [models.Index(fields=["case", "assessed_on"], name="assessment_case_idx")]

    def __str__(self):
        return f"{self.case_id}:{self.assessed_on}"


class PsychosocialAssessment(models.Model):
    """The psychosocial dimension of an assessment: PSYCHOLOGICAL, read only with
    ``cases.view_health`` (social workers, supervisors), every read audited."""

    assessment = models.OneToOneField(
        NeedsAssessment, primary_key=True, on_delete=models.CASCADE, related_name="psychosocial"
    )
    wellbeing = models.CharField(_("well-being"), max_length=10, choices=Level.choices, blank=True)
    distress_signs = models.BooleanField(_("signs of distress"), default=False)
    support_wanted = models.BooleanField(_("wants psychosocial support"), default=False)
    notes = models.TextField(_("psychosocial observations"), blank=True)

    objects = PsychosocialQuerySet.as_manager()

    FIELDS = ("wellbeing", "distress_signs", "support_wanted", "notes")
    DATA_CLASSIFICATION = {
        "assessment": _NONE,
        "wellbeing": _PSY,
        "distress_signs": _PSY,
        "support_wanted": _PSY,
        "notes": _PSY,
    }

    class Meta:
        verbose_name = _("psychosocial assessment")
        verbose_name_plural = _("psychosocial assessments")

    def __str__(self):
        return f"psychosocial:{self.assessment_id}"


# --- Vulnerabilities ------------------------------------------------------------------------


class VulnerabilityKind(models.TextChoices):
    MINOR = "minor", _("Minor")
    DISABILITY = "disability", _("Disability")
    ADDICTION = "addiction", _("Addiction")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    FAMILY_IN_DIFFICULTY = "family_difficulty", _("Family in difficulty")


class VulnerabilityFlag(models.Model):
    """That a case carries a vulnerability: seen by case staff. What lies behind it is in
    ``VulnerabilityDetail``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="vulnerabilities")
    kind = models.CharField(_("vulnerability"), max_length=20, choices=VulnerabilityKind.choices)
    raised_by = _user_fk()
    raised_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    lifted_by = _user_fk()
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    objects = VulnerabilityQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        # That a person is a minor, disabled, … is itself about their health or situation.
        "kind": _ID,
        "raised_by": _NONE,
        "raised_at": _NONE,
        "lifted_by": _NONE,
        "lifted_at": _NONE,
    }

    class Meta:
        ordering = ["raised_at", "pk"]
        verbose_name = _("vulnerability flag")
        verbose_name_plural = _("vulnerability flags")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind"],
                condition=Q(lifted_at__isnull=True),
                name="one_active_flag_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.case_id}:{self.kind}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class VulnerabilityDetail(models.Model):
    """The details behind a flag: HEALTH, read only with ``cases.view_health``, audited."""

    flag = models.OneToOneField(
        VulnerabilityFlag, primary_key=True, on_delete=models.CASCADE, related_name="detail"
    )
    details = models.TextField(_("details"))
    updated_by = _user_fk()
    updated_at = models.DateTimeField(default=timezone.now)

    objects = VulnerabilityDetailQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "flag": _NONE,
        "details": _HEALTH,
        "updated_by": _NONE,
        "updated_at": _NONE,
    }

    class Meta:
        verbose_name = _("vulnerability details")
        verbose_name_plural = _("vulnerability details")

    def __str__(self):
        return f"details:{self.flag_id}"


# --- The individual reintegration plan ------------------------------------------------------


class TrackKind(models.TextChoices):
    SOCIAL = "social", _("Social support")
    EMPLOYMENT = "employment", _("Employment support")
    BUSINESS = "business", _("Business creation")


class PlanTrack(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_tracks")
    kind = models.CharField(_("track"), max_length=20, choices=TrackKind.choices)
    objective = models.TextField(_("objective"), blank=True)
    created_by = _user_fk()
    created_at = models.DateTimeField(default=timezone.now)

    objects = PlanTrackQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "case": _NONE,
        "kind": _NONE,
        "objective": _ID,
        "created_by": _NONE,
        "created_at": _NONE,
    }

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("plan track")
        verbose_name_plural = _("plan tracks")
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="one_track_per_kind")]

    def __str__(self):
        return f"{self.case_id}:{self.kind}"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class PlanAction(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    track = models.ForeignKey(PlanTrack, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=300)
    institution = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("responsible institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    result = models.TextField(_("result"), blank=True)
    created_by = _user_fk()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PlanActionQuerySet.as_manager()

    DATA_CLASSIFICATION = {
        "id": _NONE,
        "track": _NONE,
        "description": _ID,
        "institution": _NONE,
        "due_date": _NONE,
        "status": _NONE,
        "result": _ID,
        "created_by": _NONE,
        "created_at": _NONE,
        "updated_at": _NONE,
    }

    class Meta:
        ordering = ["due_date", "created_at", "pk"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        indexes = [models.Index(fields=["status", "due_date"], name="plan_action_due_idx")]

    def __str__(self):
        return f"{self.track_id}:{self.status}"

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES and self.due_date < timezone.localdate()
