"""Object-level predicates for the directory (the role matrix is in accounts/policy.py)."""

from masar.accounts.policy import Perm, has_perm


def can_edit_organization(user, organization) -> bool:
    if has_perm(user, Perm.MANAGE_DIRECTORY):
        return True
    return (
        has_perm(user, Perm.EDIT_OWN_SERVICES)
        and organization.institution_id is not None
        and organization.institution_id == user.institution_id
    )


def can_edit_service(user, service) -> bool:
    return can_edit_organization(user, service.organization)


def can_verify_service(user, service) -> bool:
    return has_perm(user, Perm.VERIFY_SERVICES)
