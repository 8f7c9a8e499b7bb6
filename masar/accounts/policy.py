"""The one policy module: roles, what each may do, and the sensitive permissions.

Every view, API endpoint, export and query asks this module. The role → permission matrix
is data; object-level predicates live in each app's ``rules.py``. Later capabilities add
their permissions here, never a check of their own elsewhere.
"""

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSADMIN = "sysadmin", _("System administrator")
    INSTITUTION_ADMIN = "institution_admin", _("Institution administrator")
    COUNSELLOR = "counsellor", _("Counsellor")
    SUPERVISOR = "supervisor", _("Supervisor")
    MEDIATOR = "mediator", _("Mediator")
    PARTNER_OFFICER = "partner_officer", _("Partner officer")
    ME_OFFICER = "me_officer", _("M&E officer")
    DATA_ANALYST = "data_analyst", _("Data analyst")
    SOCIAL_WORKER = "social_worker", _("Social worker (psychosocial support)")


class Perm(StrEnum):
    # Institutions and accounts
    VIEW_INSTITUTIONS = "accounts.view_institutions"
    MANAGE_INSTITUTIONS = "accounts.manage_institutions"
    VIEW_USERS = "accounts.view_users"  # the users of one's own institution
    MANAGE_USERS = "accounts.manage_users"  # create/edit/deactivate within own institution
    MANAGE_ALL_USERS = "accounts.manage_all_users"  # any institution
    # Audit trail
    VIEW_AUDIT = "audit.view_events"
    # API
    USE_API_TOKENS = "api.use_tokens"
    # Marker: the role reads personal data, so two-factor authentication is required.
    READ_PERSONAL_DATA = "core.read_personal_data"
    # Service directory
    EDIT_OWN_SERVICES = "directory.edit_own_services"  # services of one's own organisation
    VERIFY_SERVICES = "directory.verify_services"
    MANAGE_DIRECTORY = "directory.manage_directory"  # any organisation; imports
    # Reintegration cases. Counsellors see their own antenna's cases; supervisors also
    # those of the antennas under their institution (VIEW_SUBORDINATE_CASES). System
    # administrators hold none of these: they administer the system, they do not read case
    # files. Partner officers (referrals) and M&E/analysts (aggregates) come in later slices.
    VIEW_CASES = "cases.view_cases"
    MANAGE_CASES = "cases.manage_cases"  # register, consent, open and move cases
    VIEW_SUBORDINATE_CASES = "cases.view_subordinate_cases"
    # Sensitive (granted separately, never implied): the details behind the health-related
    # vulnerability flags and the psychosocial assessment; the legal side of the return.
    VIEW_HEALTH = "cases.view_health"
    VIEW_LEGAL = "cases.view_legal"
    # Decisions a supervisor takes (a second person's word on the counsellor's work).
    OVERRIDE_ELIGIBILITY = "cases.override_eligibility"
    MERGE_BENEFICIARIES = "cases.merge_beneficiaries"
    APPROVE_EMERGENCY = "cases.approve_emergency"  # processing without consent
    ERASE_PERSONAL_DATA = "cases.erase_personal_data"  # erasure / anonymisation on request
    DECIDE_AID = "cases.decide_aid"  # committee decision on aid files, disbursements
    # Partner officers: the referral inbox of their own institution.
    HANDLE_REFERRALS = "cases.handle_referrals"
    # Aggregates only, never names: referral figures per receiving institution.
    VIEW_REFERRAL_STATS = "cases.view_referral_stats"
    # Programmes: budget envelopes, quotas, eligibility rule sets.
    VIEW_PROGRAMMES = "monitoring.view_programmes"
    MANAGE_PROGRAMMES = "monitoring.manage_programmes"
    # Information desks (guichets). Desks are held by an institution (municipality, antenna,
    # organisation); staff see the desks of their own institution (and those they staff as
    # mediators); VIEW_ALL_DESKS reads every desk (M&E, system administration).
    RECORD_DESK_CONTACTS = "desk.record_contacts"  # contacts, orientations, outreach
    MANAGE_DESKS = "desk.manage_desks"  # desk points, schedules, mediators, sessions
    VIEW_DESK_STATS = "desk.view_stats"  # aggregates only, never names
    VIEW_ALL_DESKS = "desk.view_all_desks"
    # Public portal: information pages written and translated by staff; feedback moderation.
    EDIT_PORTAL_PAGES = "portal.edit_pages"
    MODERATE_FEEDBACK = "portal.moderate_feedback"


# Sensitive permissions are granted separately and never implied by another permission.
SENSITIVE_PERMISSIONS: frozenset[str] = frozenset({Perm.VIEW_HEALTH, Perm.VIEW_LEGAL})

_STAFF_BASE = {Perm.VIEW_INSTITUTIONS, Perm.USE_API_TOKENS}
_DIRECTORY_EDITOR = {Perm.EDIT_OWN_SERVICES}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SYSADMIN: frozenset(
        _STAFF_BASE
        | {
            Perm.MANAGE_INSTITUTIONS,
            Perm.VIEW_USERS,
            Perm.MANAGE_USERS,
            Perm.MANAGE_ALL_USERS,
            Perm.VIEW_AUDIT,
            Perm.READ_PERSONAL_DATA,
            Perm.EDIT_OWN_SERVICES,
            Perm.VERIFY_SERVICES,
            Perm.MANAGE_DIRECTORY,
            Perm.MANAGE_DESKS,
            Perm.VIEW_ALL_DESKS,
            Perm.EDIT_PORTAL_PAGES,
            Perm.MODERATE_FEEDBACK,
        }
    ),
    Role.INSTITUTION_ADMIN: frozenset(
        _STAFF_BASE
        | _DIRECTORY_EDITOR
        | {Perm.VIEW_USERS, Perm.MANAGE_USERS, Perm.READ_PERSONAL_DATA}
        | {Perm.MANAGE_DESKS, Perm.VIEW_DESK_STATS}
    ),
    # Counsellors read the legal side of the return (eligibility needs it) but not the
    # health details behind a vulnerability flag: those are for social workers and
    # supervisors.
    Role.COUNSELLOR: frozenset(
        _STAFF_BASE
        | _DIRECTORY_EDITOR
        | {Perm.READ_PERSONAL_DATA, Perm.VIEW_CASES, Perm.MANAGE_CASES, Perm.VIEW_LEGAL}
        | {Perm.VIEW_PROGRAMMES}
        | {Perm.RECORD_DESK_CONTACTS, Perm.VIEW_DESK_STATS}
    ),
    Role.SOCIAL_WORKER: frozenset(
        _STAFF_BASE
        | {Perm.READ_PERSONAL_DATA, Perm.VIEW_CASES, Perm.MANAGE_CASES}
        | {Perm.VIEW_HEALTH, Perm.VIEW_LEGAL, Perm.VIEW_PROGRAMMES}
    ),
    Role.SUPERVISOR: frozenset(
        _STAFF_BASE
        | _DIRECTORY_EDITOR
        | {Perm.VIEW_USERS, Perm.READ_PERSONAL_DATA, Perm.VERIFY_SERVICES}
        | {Perm.VIEW_CASES, Perm.MANAGE_CASES, Perm.VIEW_SUBORDINATE_CASES}
        | {Perm.VIEW_HEALTH, Perm.VIEW_LEGAL}
        | {
            Perm.OVERRIDE_ELIGIBILITY,
            Perm.MERGE_BENEFICIARIES,
            Perm.APPROVE_EMERGENCY,
            Perm.ERASE_PERSONAL_DATA,
            Perm.DECIDE_AID,
            Perm.VIEW_REFERRAL_STATS,
            Perm.VIEW_PROGRAMMES,
            Perm.MANAGE_PROGRAMMES,
        }
        | {Perm.RECORD_DESK_CONTACTS, Perm.MANAGE_DESKS, Perm.VIEW_DESK_STATS}
        | {Perm.EDIT_PORTAL_PAGES, Perm.MODERATE_FEEDBACK}
    ),
    Role.MEDIATOR: frozenset(
        _STAFF_BASE
        | _DIRECTORY_EDITOR
        | {Perm.READ_PERSONAL_DATA, Perm.RECORD_DESK_CONTACTS, Perm.VIEW_DESK_STATS}
    ),
    Role.PARTNER_OFFICER: frozenset(
        _STAFF_BASE | _DIRECTORY_EDITOR | {Perm.READ_PERSONAL_DATA, Perm.HANDLE_REFERRALS}
    ),
    Role.ME_OFFICER: frozenset(
        _STAFF_BASE
        | {Perm.VIEW_REFERRAL_STATS, Perm.VIEW_PROGRAMMES, Perm.MANAGE_PROGRAMMES}
        | {Perm.VIEW_DESK_STATS, Perm.VIEW_ALL_DESKS, Perm.MODERATE_FEEDBACK}
    ),
    Role.DATA_ANALYST: frozenset(_STAFF_BASE),
}


def permissions_of(user) -> frozenset[str]:
    """All permissions the user holds through their roles (cached on the instance)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_masar_perms", None)
    if cached is None:
        perms: set[str] = set()
        for role in user.role_names:
            perms |= ROLE_PERMISSIONS.get(role, frozenset())
        cached = frozenset(perms)
        user._masar_perms = cached
    return cached


def has_perm(user, perm: str) -> bool:
    return perm in permissions_of(user)


def requires_two_factor(user) -> bool:
    """Every role that can see personal data must use TOTP."""
    return has_perm(user, Perm.READ_PERSONAL_DATA)


def can_manage_user(actor, target) -> bool:
    """An institution administrator manages users only inside their own institution, and
    never an account holding a role they could not give (a system administrator who sits in
    their institution)."""
    if has_perm(actor, Perm.MANAGE_ALL_USERS):
        return True
    if not (has_perm(actor, Perm.MANAGE_USERS) and target.institution_id == actor.institution_id):
        return False
    return set(target.role_names) <= set(assignable_roles(actor))


def assignable_roles(actor) -> list[str]:
    """Roles an actor may give: only a system administrator makes system administrators."""
    if has_perm(actor, Perm.MANAGE_ALL_USERS):
        return list(Role.values)
    if has_perm(actor, Perm.MANAGE_USERS):
        return [r for r in Role.values if r != Role.SYSADMIN]
    return []
