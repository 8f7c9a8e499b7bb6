"""Writes (and audited reads of sensitive parts) for the person's profile, the needs
assessment, the vulnerability flags and the reintegration plan.

Everything here needs an active case-management consent and, for a case, that it is not
closed. The psychosocial assessment and the details behind a vulnerability flag are written
and read only with ``cases.view_health``; each read is recorded in the audit trail. Timeline
summaries name what happened, never a sensitive value.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.models import Institution
from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import audit_read, diff, record_event, snapshot
from masar.audit.models import AuditAction

from .. import rules
from ..models import (
    ActionStatus,
    CaseEventKind,
    HouseholdMember,
    NeedsAssessment,
    PlanAction,
    PlanTrack,
    Profile,
    PsychosocialAssessment,
    Relation,
    Sex,
    TrackKind,
    VulnerabilityDetail,
    VulnerabilityFlag,
    VulnerabilityKind,
)
from ..rules.needs import can_read_health
from .common import Summary, deny, require_manager, timeline

PROFILE_FIELDS = ("education_level", "skills", "languages")
ASSESSMENT_FIELDS = NeedsAssessment.ECONOMIC_FIELDS + NeedsAssessment.SOCIAL_FIELDS
PSYCHOSOCIAL_FIELDS = PsychosocialAssessment.FIELDS
TRACK_FIELDS = ("objective",)
ACTION_FIELDS = ("description", "institution", "due_date", "status", "result")
MAX_HOUSEHOLD = 30
EARLIEST_DATE = datetime.date(2000, 1, 1)


# --- Shared checks --------------------------------------------------------------------------


def require_consent(beneficiary) -> None:
    if not rules.has_active_consent(beneficiary):
        raise ValidationError(
            _(
                "Record the person's consent to case management before recording their "
                "profile, needs, vulnerabilities or plan."
            ),
            code="no_consent",
        )


def _require_workable(case) -> None:
    if case.is_closed:
        raise ValidationError(_("This case is closed: nothing more can be recorded on it."))
    require_consent(case.beneficiary)


def _require_health(actor) -> None:
    if actor is not None and not has_perm(actor, Perm.VIEW_HEALTH):
        deny()


def _full_clean(obj, exclude=()):
    obj.full_clean(exclude=list(exclude), validate_constraints=False)


def _text(value) -> str:
    return (value or "").strip()


# --- Profile --------------------------------------------------------------------------------


def _clean_household(household) -> list[HouseholdMember]:
    members, errors = [], []
    this_year = timezone.localdate().year
    if len(household) > MAX_HOUSEHOLD:
        raise ValidationError(
            {"household": _("At most %(n)d household members.") % {"n": MAX_HOUSEHOLD}}
        )
    for n, row in enumerate(household, start=1):
        relation, sex = row.get("relation") or "", row.get("sex") or ""
        year = row.get("birth_year")
        if relation not in Relation.values:
            errors.append(_("Member %(n)d: choose a relation from the list.") % {"n": n})
        if sex and sex not in Sex.values:
            errors.append(_("Member %(n)d: choose a sex from the list.") % {"n": n})
        if year is not None and not (this_year - 120 <= int(year) <= this_year):
            errors.append(_("Member %(n)d: this year of birth is not possible.") % {"n": n})
        members.append(
            HouseholdMember(
                relation=relation,
                sex=sex,
                birth_year=year,
                dependent=bool(row.get("dependent")),
            )
        )
    if errors:
        raise ValidationError({"household": errors})
    return members


def _household_rows(profile) -> list[list]:
    return [
        [m.relation, m.sex, m.birth_year, m.dependent] for m in profile.household.order_by("pk")
    ]


@transaction.atomic
def update_profile(
    *, actor, beneficiary, education_level="", skills="", languages="", household=None
) -> Profile:
    """Record the profile; ``household`` (a list of dicts: relation, sex, birth_year,
    dependent), when given, replaces the household."""
    require_manager(actor, beneficiary=beneficiary)
    require_consent(beneficiary)
    profile = Profile.objects.select_for_update().filter(beneficiary=beneficiary).first()
    created = profile is None
    profile = profile or Profile(beneficiary=beneficiary)
    before = snapshot(profile, PROFILE_FIELDS)
    before_household = [] if created else _household_rows(profile)
    profile.education_level = education_level or ""
    profile.skills = _text(skills)
    profile.languages = " ".join(_text(languages).split())
    members = None if household is None else _clean_household(household)
    _full_clean(profile, exclude=["beneficiary", "updated_by"])
    profile.updated_by, profile.updated_at = actor, timezone.now()
    profile.save()
    changes = diff(profile, before, PROFILE_FIELDS)
    if members is not None:
        profile.household.all().delete()
        for member in members:
            member.profile = profile
        HouseholdMember.objects.bulk_create(members)
        after_household = _household_rows(profile)
        if after_household != before_household:
            changes["household"] = [len(before_household), len(after_household)]
    if changes or created:
        record_event(
            actor=actor,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=profile,
            summary="profile recorded" if created else "profile updated",
            changes=changes,
        )
        timeline(
            cases=list(beneficiary.cases.open()),
            actor=actor,
            kind=CaseEventKind.BENEFICIARY_UPDATED,
            summary=Summary(gettext_noop("Profile updated")),
        )
    return profile


# --- Needs assessment -----------------------------------------------------------------------


def _check_assessed_on(assessed_on, case) -> None:
    today = timezone.localdate()
    if assessed_on > today:
        raise ValidationError({"assessed_on": _("The assessment cannot be dated in the future.")})
    if assessed_on < timezone.localtime(case.opened_at).date() - datetime.timedelta(days=366):
        raise ValidationError(
            {"assessed_on": _("The assessment cannot be dated long before the case was opened.")}
        )


def _psychosocial_values(values: dict) -> dict:
    unknown = set(values) - set(PSYCHOSOCIAL_FIELDS)
    if unknown:
        raise TypeError(f"not psychosocial fields: {sorted(unknown)}")
    out = dict(values)
    if "notes" in out:
        out["notes"] = _text(out["notes"])
    return out


@transaction.atomic
def assess_needs(
    *, actor, case, assessed_on=None, psychosocial: dict | None = None, **values
) -> NeedsAssessment:
    """Record a new assessment of the case (economic and social dimensions; the
    psychosocial one only with ``cases.view_health``)."""
    require_manager(actor, case=case)
    _require_workable(case)
    unknown = set(values) - set(ASSESSMENT_FIELDS)
    if unknown:
        raise TypeError(f"not assessment fields: {sorted(unknown)}")
    psychosocial = {k: v for k, v in (psychosocial or {}).items() if v not in ("", None, False)}
    if psychosocial:
        _require_health(actor)
    assessed_on = assessed_on or timezone.localdate()
    _check_assessed_on(assessed_on, case)
    for name in ("economic_notes", "social_notes"):
        if name in values:
            values[name] = _text(values[name])
    values = {k: ("" if v is None and k not in _NULLABLE else v) for k, v in values.items()}
    assessment = NeedsAssessment(case=case, assessed_on=assessed_on, assessed_by=actor, **values)
    _full_clean(assessment, exclude=["case", "assessed_by"])
    psy = None
    if psychosocial:
        psy = PsychosocialAssessment(assessment=assessment, **_psychosocial_values(psychosocial))
        _full_clean(psy, exclude=["assessment"])
    assessment.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=assessment,
        summary="needs assessed",
        changes={f: [None, getattr(assessment, f)] for f in ("assessed_on", *values)},
    )
    if psy is not None:
        psy.save()
        _audit_psychosocial(actor, psy, created=True)
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.NEEDS_ASSESSED,
        summary=(
            Summary(gettext_noop("Needs assessed (economic, social and psychosocial)"))
            if psy is not None
            else Summary(gettext_noop("Needs assessed (economic and social)"))
        ),
    )
    return assessment


_NULLABLE = {"monthly_income", "debts", "documents_complete"}


def _audit_psychosocial(actor, psy, *, created, changes=None):
    record_event(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=psy,
        summary="psychosocial assessment recorded",
        changes=changes
        if changes is not None
        else {f: [None, getattr(psy, f)] for f in PSYCHOSOCIAL_FIELDS},
    )


@transaction.atomic
def record_psychosocial(*, actor, assessment, **values) -> PsychosocialAssessment:
    """Add or correct the psychosocial part of an assessment (social workers, supervisors)."""
    case = assessment.case
    require_manager(actor, case=case)
    _require_health(actor)
    _require_workable(case)
    values = _psychosocial_values(values)
    psy = PsychosocialAssessment.objects.filter(assessment=assessment).first()
    created = psy is None
    psy = psy or PsychosocialAssessment(assessment=assessment)
    before = snapshot(psy, PSYCHOSOCIAL_FIELDS)
    for name, value in values.items():
        setattr(psy, name, value)
    _full_clean(psy, exclude=["assessment"])
    psy.save()
    changes = diff(psy, before, PSYCHOSOCIAL_FIELDS)
    if changes or created:
        _audit_psychosocial(actor, psy, created=created, changes=changes)
        timeline(
            cases=[case],
            actor=actor,
            kind=CaseEventKind.NEEDS_ASSESSED,
            summary=Summary(gettext_noop("Psychosocial assessment recorded")),
        )
    return psy


def read_psychosocial(*, actor, assessment) -> PsychosocialAssessment | None:
    """The psychosocial part of an assessment, for those allowed; the read is audited."""
    if actor is not None and not can_read_health(actor, assessment.case):
        deny()
    psy = PsychosocialAssessment.objects.filter(assessment=assessment).first()
    if psy is not None:
        audit_read(actor=actor, obj=psy, summary="psychosocial assessment read")
    return psy


# --- Vulnerabilities ------------------------------------------------------------------------


def _save_details(actor, flag, details) -> VulnerabilityDetail | None:
    details = _text(details)
    detail = VulnerabilityDetail.objects.filter(flag=flag).first()
    if detail is None and not details:
        return None
    created = detail is None
    detail = detail or VulnerabilityDetail(flag=flag)
    if not created and detail.details == details:
        return detail
    detail.details, detail.updated_by, detail.updated_at = details, actor, timezone.now()
    if not details:
        detail.delete()
    else:
        _full_clean(detail, exclude=["flag", "updated_by"])
        detail.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=detail,
        summary="vulnerability details recorded",
        changes={"details": [None, details]},
    )
    return detail


@transaction.atomic
def record_vulnerability(*, actor, case, kind, details="") -> VulnerabilityFlag:
    """Raise a flag on the case; its details only with ``cases.view_health``."""
    require_manager(actor, case=case)
    if _text(details):
        _require_health(actor)
    _require_workable(case)
    if kind not in VulnerabilityKind.values:
        raise ValidationError({"kind": _("Choose a vulnerability from the list.")})
    if VulnerabilityFlag.objects.active().filter(case=case, kind=kind).exists():
        raise ValidationError(
            {"kind": _("This vulnerability is already recorded on the case.")}, code="duplicate"
        )
    try:
        with transaction.atomic():
            flag = VulnerabilityFlag.objects.create(case=case, kind=kind, raised_by=actor)
    except IntegrityError as exc:  # a concurrent request won
        raise ValidationError(
            {"kind": _("This vulnerability is already recorded on the case.")}, code="duplicate"
        ) from exc
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=flag,
        summary=f"vulnerability flag {kind} recorded",
        changes={"kind": [None, kind]},
    )
    _save_details(actor, flag, details)
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.VULNERABILITY_RECORDED,
        summary=Summary(gettext_noop("Vulnerability recorded: %(kind)s"))
        % {"kind": VulnerabilityKind(kind).label},
    )
    return flag


@transaction.atomic
def update_vulnerability_details(*, actor, flag, details) -> VulnerabilityDetail | None:
    require_manager(actor, case=flag.case)
    _require_health(actor)
    _require_workable(flag.case)
    if not flag.is_active:
        raise ValidationError(_("This vulnerability was lifted: its details can no longer change."))
    detail = _save_details(actor, flag, details)
    timeline(
        cases=[flag.case],
        actor=actor,
        kind=CaseEventKind.VULNERABILITY_RECORDED,
        summary=Summary(gettext_noop("Vulnerability details updated: %(kind)s"))
        % {"kind": VulnerabilityKind(flag.kind).label},
    )
    return detail


def read_vulnerability_details(*, actor, flag) -> str:
    """The details behind a flag, for those allowed; the read is audited."""
    if actor is not None and not can_read_health(actor, flag.case):
        deny()
    detail = VulnerabilityDetail.objects.filter(flag=flag).first()
    if detail is None:
        return ""
    audit_read(actor=actor, obj=detail, summary="vulnerability details read")
    return detail.details


@transaction.atomic
def lift_vulnerability(*, actor, flag) -> VulnerabilityFlag:
    require_manager(actor, case=flag.case)
    _require_workable(flag.case)
    flag = VulnerabilityFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_active:
        raise ValidationError(_("This vulnerability was already lifted."))
    flag.lifted_at, flag.lifted_by = timezone.now(), actor
    flag.save(update_fields=["lifted_at", "lifted_by"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=flag,
        summary=f"vulnerability flag {flag.kind} lifted",
        changes={"lifted_at": [None, flag.lifted_at.isoformat()]},
    )
    timeline(
        cases=[flag.case],
        actor=actor,
        kind=CaseEventKind.VULNERABILITY_RECORDED,
        summary=Summary(gettext_noop("Vulnerability lifted: %(kind)s"))
        % {"kind": VulnerabilityKind(flag.kind).label},
    )
    return flag


# --- Reintegration plan ---------------------------------------------------------------------


@transaction.atomic
def add_track(*, actor, case, kind, objective="") -> PlanTrack:
    require_manager(actor, case=case)
    _require_workable(case)
    if kind not in TrackKind.values:
        raise ValidationError({"kind": _("Choose a track from the list.")})
    if PlanTrack.objects.filter(case=case, kind=kind).exists():
        raise ValidationError({"kind": _("The plan already has this track.")}, code="duplicate")
    try:
        with transaction.atomic():
            track = PlanTrack.objects.create(
                case=case, kind=kind, objective=_text(objective), created_by=actor
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"kind": _("The plan already has this track.")}, code="duplicate"
        ) from exc
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=track,
        summary=f"plan track {kind} added",
        changes={"kind": [None, kind], "objective": [None, track.objective]},
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.PLAN_UPDATED,
        summary=Summary(gettext_noop("Track added: %(track)s")) % {"track": TrackKind(kind).label},
    )
    return track


@transaction.atomic
def update_track(*, actor, track, objective) -> PlanTrack:
    require_manager(actor, case=track.case)
    _require_workable(track.case)
    before = snapshot(track, TRACK_FIELDS)
    track.objective = _text(objective)
    track.save(update_fields=["objective"])
    changes = diff(track, before, TRACK_FIELDS)
    if changes:
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=track,
            summary="plan track updated",
            changes=changes,
        )
        timeline(
            cases=[track.case],
            actor=actor,
            kind=CaseEventKind.PLAN_UPDATED,
            summary=Summary(gettext_noop("Track updated: %(track)s"))
            % {"track": TrackKind(track.kind).label},
        )
    return track


def _clean_action(values: dict) -> dict:
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"not plan-action fields: {sorted(unknown)}")
    out, errors = dict(values), {}
    for name in ("description", "result"):
        if name in out:
            out[name] = _text(out[name])
    if "description" in out and not out["description"]:
        errors["description"] = _("Describe the action.")
    if "institution" in out:
        institution = out["institution"]
        if not isinstance(institution, Institution) or not institution.is_active:
            errors["institution"] = _("Choose an active institution from the list.")
    if "due_date" in out:
        due = out["due_date"]
        latest = timezone.localdate() + datetime.timedelta(days=5 * 366)
        if not isinstance(due, datetime.date) or not (EARLIEST_DATE <= due <= latest):
            errors["due_date"] = _("Enter a due date within the next five years.")
    if "status" in out and out["status"] not in ActionStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)
    return out


def _require_result(action) -> None:
    if action.status in (ActionStatus.DONE, ActionStatus.CANCELLED) and not action.result:
        raise ValidationError(
            {"result": _("Say what came of the action, or why it was cancelled.")},
            code="no_result",
        )


def _plan_summary(message, action):
    return message % {
        "track": TrackKind(action.track.kind).label,
        "action": action.description[:120],
        "status": ActionStatus(action.status).label,
    }


@transaction.atomic
def add_plan_action(
    *,
    actor,
    track,
    description,
    institution,
    due_date,
    status=ActionStatus.PLANNED,
    result="",
) -> PlanAction:
    require_manager(actor, case=track.case)
    _require_workable(track.case)
    values = _clean_action(
        {
            "description": description,
            "institution": institution,
            "due_date": due_date,
            "status": status,
            "result": result,
        }
    )
    action = PlanAction(track=track, created_by=actor, **values)
    _require_result(action)
    _full_clean(action, exclude=["track", "institution", "created_by"])
    action.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=action,
        summary="plan action added",
        changes={f: [None, getattr(action, f)] for f in ACTION_FIELDS},
    )
    timeline(
        cases=[track.case],
        actor=actor,
        kind=CaseEventKind.PLAN_UPDATED,
        summary=_plan_summary(
            Summary(gettext_noop("Action added (%(track)s): %(action)s")), action
        ),
    )
    return action


@transaction.atomic
def update_plan_action(*, actor, action, **values) -> PlanAction:
    case = action.track.case
    require_manager(actor, case=case)
    _require_workable(case)
    values = _clean_action(values)
    action = PlanAction.objects.select_for_update().select_related("track").get(pk=action.pk)
    before = snapshot(action, ACTION_FIELDS)
    for name, value in values.items():
        setattr(action, name, value)
    _require_result(action)
    _full_clean(action, exclude=["track", "institution", "created_by"])
    changes = diff(action, before, ACTION_FIELDS)
    if not changes:
        return action
    action.updated_at = timezone.now()
    action.save()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=action,
        summary="plan action updated",
        changes=changes,
    )
    message = (
        Summary(gettext_noop("Action now “%(status)s” (%(track)s): %(action)s"))
        if "status" in changes
        else Summary(gettext_noop("Action updated (%(track)s): %(action)s"))
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.PLAN_UPDATED,
        summary=_plan_summary(message, action),
    )
    return action
