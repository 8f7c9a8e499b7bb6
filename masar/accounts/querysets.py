from django.contrib.auth.models import UserManager
from django.db import models

from .policy import Perm, has_perm


class InstitutionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Institutions are a shared, non-personal directory: every staff member sees them."""
        if has_perm(user, Perm.VIEW_INSTITUTIONS):
            return self
        return self.none()

    def active(self):
        return self.filter(is_active=True)


class UserQuerySet(models.QuerySet):
    def visible_to(self, user):
        """System administrators see everyone; staff who manage or supervise see their own
        institution's users; everyone else sees only themselves."""
        if not user.is_authenticated:
            return self.none()
        if has_perm(user, Perm.MANAGE_ALL_USERS):
            return self
        if has_perm(user, Perm.VIEW_USERS):
            return self.filter(institution_id=user.institution_id)
        return self.filter(pk=user.pk)


class MasarUserManager(UserManager.from_queryset(UserQuerySet)):
    pass
