"""Scopes for the desk records. A desk is seen by the staff of the institution holding it
(and of the institutions directly under it), by the mediators who staff it, and by whoever
holds ``desk.view_all_desks``. Every other desk record is scoped through its desk.

Desk staff permissions: any of RECORD_DESK_CONTACTS, MANAGE_DESKS, VIEW_DESK_STATS."""

from django.db import models
from django.db.models import Q

from masar.accounts.policy import Perm, has_perm

_DESK_PERMS = (Perm.RECORD_DESK_CONTACTS, Perm.MANAGE_DESKS, Perm.VIEW_DESK_STATS)


def desk_scope_q(user, field: str = "") -> Q | None:
    """A filter on a DeskPoint (``field`` is the path to it, "" for the desk itself) for the
    user's desk scope; ``Q()`` for everything, None for nothing."""
    if has_perm(user, Perm.VIEW_ALL_DESKS):
        return Q()
    if not any(has_perm(user, p) for p in _DESK_PERMS):
        return None
    prefix = f"{field}__" if field else ""
    q = Q(**{f"{prefix}mediators": user.pk})
    if user.institution_id is not None:
        q |= Q(**{f"{prefix}holder_id": user.institution_id})
        q |= Q(**{f"{prefix}holder__parent_id": user.institution_id})
    return q


class _DeskScoped(models.QuerySet):
    desk_field = "desk"

    def visible_to(self, user):
        q = desk_scope_q(user, self.desk_field)
        if q is None:
            return self.none()
        if not q:
            return self
        # The mediators join can repeat rows: filter by the ids of the visible desks.
        from .models import DeskPoint

        return self.filter(**{f"{self.desk_field}__in": DeskPoint.objects.visible_to(user)})


class DeskPointQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = desk_scope_q(user)
        if q is None:
            return self.none()
        if not q:
            return self
        return self.filter(pk__in=self.model.objects.filter(q).values("pk"))

    def public(self):
        """What the public portal lists: active desks marked public."""
        return self.filter(is_public=True, is_active=True)


class DeskSessionQuerySet(_DeskScoped):
    pass


class DeskContactQuerySet(_DeskScoped):
    pass


class OrientationQuerySet(_DeskScoped):
    desk_field = "contact__desk"


class OutreachActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        q = desk_scope_q(user)
        if q is None:
            return self.none()
        if not q:
            return self
        institution_q = Q(pk__in=[])
        if user.institution_id is not None:
            institution_q = Q(holder_id=user.institution_id) | Q(
                holder__parent_id=user.institution_id
            )
        from .models import DeskPoint

        return self.filter(institution_q | Q(desk__in=DeskPoint.objects.visible_to(user)))
