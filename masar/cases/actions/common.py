"""What every case action shares: the permission gate and the timeline."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.functional import Promise
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


class Summary:
    """A timeline summary kept as its English message and parameters, translated when it is
    read: each reader sees the timeline in their own language, whoever wrote it.

    ``Summary(gettext_noop("Status: %(from)s → %(to)s")) % {"from": label, "to": label}``.
    Parameters that are translatable labels (lazy strings, nested summaries) are stored as
    their English message and translated on reading too; names and numbers stay as given.
    """

    def __init__(self, message: str, params: dict | None = None):
        self.message = message
        self.params = params or {}

    def __mod__(self, params: dict) -> "Summary":
        return Summary(self.message, params)

    def stored(self) -> tuple[str, dict]:
        with translation.override(None):  # lazy labels → their English message
            params = {k: _storable(v) for k, v in self.params.items()}
        return self.message, params


def _storable(value):
    if isinstance(value, Summary):
        return value.message
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def timeline(*, cases, actor, kind, summary):
    """Append ``summary`` (a Summary, a lazy label, or plain text) to the cases' timelines."""
    actor_id = actor.pk if actor is not None else None
    if isinstance(summary, Summary):
        text, params = summary.stored()
    elif isinstance(summary, Promise):
        with translation.override(None):
            text, params = str(summary), {}
    else:
        text, params = str(summary), {}
    CaseEvent.objects.bulk_create(
        CaseEvent(case=c, actor_id=actor_id, kind=kind, summary=text[:300], params=params)
        for c in cases
    )
