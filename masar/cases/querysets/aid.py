"""Enrolments and aid files are seen through their case: out of the case's scope, 404."""

from django.db import models

from .cases import scope_q


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = scope_q(user, "case__antenna")
        return self.none() if q is None else self.filter(q)

    def admitted(self):
        return self.filter(models.Q(eligible=True) | models.Q(overridden_at__isnull=False))


class AidFileQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = scope_q(user, "enrolment__case__antenna")
        return self.none() if q is None else self.filter(q)

    def approved(self):
        return self.filter(status="approved")
