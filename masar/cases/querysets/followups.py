"""Scoped reads of follow-up visits, sustainability scores and transfers: visible through a
visible case (the case's antenna decides, so a transfer moves them all)."""

from django.db import models
from django.utils import timezone


def _visible_cases(user):
    from ..models import Case

    return Case.objects.visible_to(user)


class FollowUpVisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(case__in=_visible_cases(user))

    def pending(self):
        """Not yet recorded, on a case still open."""
        return self.filter(visited_on__isnull=True).exclude(case__status="closed")

    def overdue(self, today=None):
        return self.pending().filter(due_on__lt=today or timezone.localdate())


class SustainabilityScoreQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(case__in=_visible_cases(user))


class CaseTransferQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(case__in=_visible_cases(user))
