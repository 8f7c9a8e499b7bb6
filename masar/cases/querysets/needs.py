"""Who sees the profile, the assessments, the vulnerabilities and the plan: whoever sees the
case (or the person, for the profile). The psychosocial part of an assessment and the details
behind a vulnerability flag need ``cases.view_health`` as well; without it they do not exist.
"""

from django.db import models
from django.utils import timezone

from masar.accounts.policy import Perm, has_perm

from .cases import scope_q


class _CaseScoped(models.QuerySet):
    CASE_PATH = "case"
    SENSITIVE: str | None = None  # the permission also needed, if any

    def visible_to(self, user):
        if self.SENSITIVE and not has_perm(user, self.SENSITIVE):
            return self.none()
        q = scope_q(user, f"{self.CASE_PATH}__antenna")
        return self.none() if q is None else self.filter(q)


class AssessmentQuerySet(_CaseScoped):
    def latest_first(self):
        return self.order_by("-assessed_on", "-created_at", "-pk")


class PsychosocialQuerySet(_CaseScoped):
    CASE_PATH = "assessment__case"
    SENSITIVE = Perm.VIEW_HEALTH


class VulnerabilityQuerySet(_CaseScoped):
    def active(self):
        return self.filter(lifted_at__isnull=True)


class VulnerabilityDetailQuerySet(_CaseScoped):
    CASE_PATH = "flag__case"
    SENSITIVE = Perm.VIEW_HEALTH


class PlanTrackQuerySet(_CaseScoped):
    pass


class PlanActionQuerySet(_CaseScoped):
    CASE_PATH = "track__case"

    def open(self):
        return self.filter(status__in=("planned", "in_progress"))

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..models import Beneficiary

        return self.filter(beneficiary__in=Beneficiary.objects.visible_to(user))
