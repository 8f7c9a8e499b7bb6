"""Who sees which beneficiaries and cases. Outside one's scope, a record does not exist (404).

- counsellors: the cases of their own antenna;
- supervisors (``cases.view_subordinate_cases``): those of their institution and of the
  institutions under it (the OTE headquarters supervisor sees every antenna);
- everyone else: nothing (partner officers get referrals, M&E officers aggregates, later).

A beneficiary is visible through a visible case, or when an institution in scope registered
them (before any case is opened).
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from masar.accounts.policy import Perm, has_perm


def scope_q(user, field: str) -> Q | None:
    """A filter on the institution foreign key ``field`` for the user's case scope, or None
    when the user has no case scope at all."""
    if not has_perm(user, Perm.VIEW_CASES) or user.institution_id is None:
        return None
    q = Q(**{f"{field}_id": user.institution_id})
    if has_perm(user, Perm.VIEW_SUBORDINATE_CASES):
        q |= Q(**{f"{field}__parent_id": user.institution_id})
    return q


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = scope_q(user, "antenna")
        return self.none() if q is None else self.filter(q)

    def open(self):
        return self.exclude(status="closed")


class BeneficiaryQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = scope_q(user, "institution")
        if q is None:
            return self.none()
        from ..models import Case

        cases = Case.objects.visible_to(user).filter(beneficiary=OuterRef("pk"))
        return self.filter(q | Exists(cases))


class ConsentQuerySet(models.QuerySet):
    def active(self, at=None):
        """Granted, not withdrawn, not expired."""
        at = at or timezone.now()
        return self.filter(granted=True, withdrawn_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=at)
        )
