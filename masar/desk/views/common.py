"""What the desk views share: the policy gate for desk staff, scoped fetching, keys."""

from django.shortcuts import get_object_or_404

from masar.accounts.policy import Perm
from masar.core.permissions import any_policy_required
from masar.core.views_common import form_errors, new_key

from ..models import DeskPoint

# Who works at desks (the "Desks" menu): those who record contacts or manage desks.
DESK_STAFF = (Perm.RECORD_DESK_CONTACTS, Perm.MANAGE_DESKS)

__all__ = ["DESK_STAFF", "any_policy_required", "form_errors", "new_key", "scoped_desk"]


def scoped_desk(request, pk):
    return get_object_or_404(
        DeskPoint.objects.visible_to(request.user).select_related("holder"), pk=pk
    )
