"""Object predicates for the profile, the assessment, vulnerabilities and the plan."""

from masar.accounts.policy import Perm, has_perm

from ..models import Case


def can_read_health(user, case) -> bool:
    """The psychosocial assessment and the details behind vulnerability flags: only with
    ``cases.view_health`` (social workers, supervisors), and only on a case in scope."""
    return (
        has_perm(user, Perm.VIEW_HEALTH)
        and Case.objects.visible_to(user).filter(pk=case.pk).exists()
    )
