"""What every case action shares: the permission gate and the timeline."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, has_perm

from .. import rules
from ..models import CaseEvent


def deny():
    raise PermissionDenied(_("You are not allowed to do this."))


def require_manager(actor, beneficiary=None, case=None):
    if actor is None:
        return  # system (imports, factories, commands)
    if not has_perm(actor, Perm.MANAGE_CASES):
        deny()
    if beneficiary is not None and not rules.can_manage_beneficiary(actor, beneficiary):
        deny()
    if case is not None and not rules.can_manage_case(actor, case):
        deny()


def timeline(*, cases, actor, kind, summary):
    actor_id = actor.pk if actor is not None else None
    CaseEvent.objects.bulk_create(
        CaseEvent(case=c, actor_id=actor_id, kind=kind, summary=summary[:300]) for c in cases
    )
