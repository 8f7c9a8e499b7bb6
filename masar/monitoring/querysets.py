"""Programmes are national reference data: whoever may view programmes sees them all. The
figures used (approved aid, beneficiaries with approved aid) are aggregates, never names."""

from django.db import models
from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from masar.accounts.policy import Perm, has_perm


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if has_perm(user, Perm.VIEW_PROGRAMMES) else self.none()

    def with_usage(self):
        """Annotate ``approved_total`` (TND) and ``approved_people``."""
        approved = Q(enrolments__aid_files__status="approved")
        return self.annotate(
            approved_total=Coalesce(
                Sum("enrolments__aid_files__amount", filter=approved),
                Value(0),
                output_field=DecimalField(max_digits=14, decimal_places=3),
            ),
            approved_people=Count("enrolments__case__beneficiary", filter=approved, distinct=True),
        )
