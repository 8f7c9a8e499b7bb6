"""Who sees which referrals. Case staff see the referrals of the cases in their scope;
partner officers (``cases.handle_referrals``) only those sent to their own institution (their
inbox). Anything else is a 404."""

from collections import defaultdict
from datetime import timedelta

from django.db import models
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone

from masar.accounts.policy import Perm, has_perm

from .cases import scope_q


def inbox_q(user) -> Q | None:
    if not has_perm(user, Perm.HANDLE_REFERRALS) or user.institution_id is None:
        return None
    return Q(institution_id=user.institution_id)


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user):
        qs = [q for q in (scope_q(user, "case__antenna"), inbox_q(user)) if q is not None]
        if not qs:
            return self.none()
        combined = qs[0]
        for q in qs[1:]:
            combined |= q
        return self.filter(combined)

    def inbox_of(self, user):
        """The referrals sent to the user's institution (partner officers only)."""
        q = inbox_q(user)
        return self.none() if q is None else self.filter(q)

    def open(self):
        return self.filter(status__in=("sent", "accepted"))

    def overdue(self, today=None):
        """Still waiting (sent or accepted) after the due date."""
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def figures_by_institution(self) -> list[dict]:
        """Referral figures per receiving institution — counts and delays, never a name.

        Two queries whatever the number of institutions: one grouped query for the counts and
        the mean delays, one for the delays themselves (the median has no portable SQL
        aggregate)."""
        accepted = Q(responded_at__isnull=False) & ~Q(status="declined")
        completed = Q(status="completed")
        rows = list(
            self.values(
                "institution_id", "institution__code", "institution__name", "institution__kind"
            )
            .annotate(
                sent=Count("pk"),
                accepted=Count("pk", filter=accepted),
                declined=Count("pk", filter=Q(status="declined")),
                completed=Count("pk", filter=completed),
                completed_on_time=Count(
                    "pk", filter=completed & Q(completed_at__date__lte=F("due_date"))
                ),
                mean_to_accept=Avg(
                    ExpressionWrapper(F("responded_at") - F("sent_at"), DurationField()),
                    filter=accepted,
                ),
                mean_to_complete=Avg(
                    ExpressionWrapper(F("completed_at") - F("sent_at"), DurationField()),
                    filter=completed,
                ),
            )
            .order_by("institution__name", "institution_id")
        )
        to_accept: dict[int, list] = defaultdict(list)
        to_complete: dict[int, list] = defaultdict(list)
        for institution_id, status, sent_at, responded_at, completed_at in self.filter(
            accepted
        ).values_list("institution_id", "status", "sent_at", "responded_at", "completed_at"):
            to_accept[institution_id].append(responded_at - sent_at)
            if status == "completed" and completed_at:
                to_complete[institution_id].append(completed_at - sent_at)
        for row in rows:
            key = row["institution_id"]
            row["median_to_accept"] = _median(to_accept[key])
            row["median_to_complete"] = _median(to_complete[key])
            for name in ("mean_to_accept", "mean_to_complete", "median_to_accept"):
                row[f"{name}_days"] = _days(row[name])
            row["median_to_complete_days"] = _days(row["median_to_complete"])
        return rows


def _median(values: list) -> timedelta | None:
    if not values:
        return None
    values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def _days(value) -> float | None:
    return None if value is None else round(value.total_seconds() / 86400, 1)
