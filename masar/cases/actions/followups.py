"""Follow-up visits, sustainability scores and case transfers. Each action is keyword-only,
one transaction, checks policy itself, writes the audit trail and the case timeline inside
it."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from masar.accounts.models import InstitutionKind, User
from masar.accounts.policy import Perm, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from ..models import (
    FOLLOW_UP_MONTHS,
    ActivityState,
    Case,
    CaseEventKind,
    CaseTransfer,
    FollowUpVisit,
    ScoreOccasion,
    SustainabilityScore,
)
from ..scoring import CURRENT_VERSION, instrument, score
from ..search import index_cases
from .common import Summary, require_manager, timeline


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@transaction.atomic
def schedule_follow_ups(*, actor, case, start: datetime.date | None = None) -> list[FollowUpVisit]:
    """Schedule the visits due 3, 6 and 12 months after ``start`` (default: today), the day
    support starts. Idempotent: months already scheduled are kept as they are, so a case
    that goes back to support is not scheduled twice. Returns the visits created."""
    require_manager(actor, case=case)
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one scheduler at a time
    start = start or timezone.localdate()
    existing = set(FollowUpVisit.objects.filter(case=case).values_list("month", flat=True))
    created = []
    for month in FOLLOW_UP_MONTHS:
        if month in existing:
            continue
        visit = FollowUpVisit.objects.create(
            case=case, month=month, due_on=add_months(start, month)
        )
        record_event(
            actor=actor,
            action=AuditAction.CREATE,
            obj=visit,
            summary=f"follow-up M{month} scheduled",
            changes={"case": [None, str(case.pk)], "due_on": [None, visit.due_on.isoformat()]},
        )
        created.append(visit)
    if created:
        timeline(
            cases=[case],
            actor=actor,
            kind=CaseEventKind.FOLLOW_UP_SCHEDULED,
            summary=Summary(gettext_noop("Follow-up visits scheduled: %(dates)s"))
            % {"dates": ", ".join(v.due_on.isoformat() for v in created)},
        )
    return created


@transaction.atomic
def reschedule_follow_ups(*, actor, case, start: datetime.date) -> int:
    """Correct the day support started (it began before it was recorded): the visits not yet
    recorded are due again counting from ``start``. Returns how many moved (0: nothing to
    change, nothing written)."""
    require_manager(actor, case=case)
    _open_case(case)
    if start is None or start > timezone.localdate():
        raise ValidationError({"start": _("Support cannot start in the future.")})
    moved = []
    for visit in FollowUpVisit.objects.select_for_update().filter(
        case=case, visited_on__isnull=True
    ):
        due = add_months(start, visit.month)
        if visit.due_on != due:
            record_event(
                actor=actor,
                action=AuditAction.UPDATE,
                obj=visit,
                summary=f"follow-up M{visit.month} rescheduled",
                changes={"due_on": [visit.due_on.isoformat(), due.isoformat()]},
            )
            visit.due_on = due
            visit.save(update_fields=["due_on"])
            moved.append(visit)
    if moved:
        timeline(
            cases=[case],
            actor=actor,
            kind=CaseEventKind.FOLLOW_UP_SCHEDULED,
            summary=Summary(gettext_noop("Follow-up visits rescheduled from %(start)s: %(dates)s"))
            % {
                "start": start.isoformat(),
                "dates": ", ".join(v.due_on.isoformat() for v in moved),
            },
        )
    return len(moved)


def _check_answers(answers, version) -> dict:
    try:
        survey = instrument(version)
    except LookupError as exc:
        raise ValidationError(
            {"instrument_version": _("Unknown version of the sustainability survey.")}
        ) from exc
    if not isinstance(answers, dict):
        raise ValidationError({"answers": _("Answer every question of the survey.")})
    problems = survey.validate(answers)
    if problems:
        raise ValidationError(
            {
                "answers": _("Answer every question of the survey from its list: %(ids)s")
                % {"ids": ", ".join(sorted(problems))}
            },
            code="incomplete_survey",
        )
    return survey.data


def _check_day(day, field) -> None:
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    if day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


def _create_score(*, actor, case, answers, occasion, taken_on, visit, version):
    data = _check_answers(answers, version)
    scores = score(data, answers)
    entry = SustainabilityScore.objects.create(
        case=case,
        visit=visit,
        occasion=occasion,
        taken_on=taken_on,
        instrument_version=version,
        answers=dict(answers),
        recorded_by=actor,
        **scores.as_dict(),
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=entry,
        summary=f"sustainability score ({occasion})",
        changes={
            "case": [None, str(case.pk)],
            "instrument_version": [None, version],
            "answers": [None, "…"],
            "composite": [None, scores.composite],
        },
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.SCORE_RECORDED,
        summary=Summary(gettext_noop("Sustainability score (%(occasion)s): %(composite).2f"))
        % {"occasion": ScoreOccasion(occasion).label, "composite": scores.composite},
    )
    return entry


def _open_case(case) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.is_closed:
        raise ValidationError(_("This case is closed."), code="closed")
    return case


@transaction.atomic
def record_score(
    *,
    actor,
    case,
    answers: dict,
    occasion=ScoreOccasion.INTAKE,
    taken_on: datetime.date | None = None,
    version: str = CURRENT_VERSION,
) -> SustainabilityScore:
    """Take the sustainability survey outside a visit (at intake, or another time). A case
    has one intake score."""
    require_manager(actor, case=case)
    case = _open_case(case)
    if occasion not in (ScoreOccasion.INTAKE, ScoreOccasion.OTHER):
        raise ValidationError(
            {"occasion": _("Scores taken at a visit are recorded with the visit.")}
        )
    taken_on = taken_on or timezone.localdate()
    _check_day(taken_on, "taken_on")
    if occasion == ScoreOccasion.INTAKE and case.scores.filter(occasion=occasion).exists():
        raise ValidationError(
            {"occasion": _("The intake score of this case is already recorded.")},
            code="intake_exists",
        )
    return _create_score(
        actor=actor,
        case=case,
        answers=answers,
        occasion=occasion,
        taken_on=taken_on,
        visit=None,
        version=version,
    )


@transaction.atomic
def record_follow_up(
    *,
    actor,
    visit,
    visited_on: datetime.date,
    state: str,
    notes: str = "",
    answers: dict | None = None,
    version: str = CURRENT_VERSION,
) -> FollowUpVisit:
    """Record a scheduled visit: when, the state of the business or job, notes and, when
    the survey was taken, its answers (scored with the visit)."""
    require_manager(actor, case=visit.case)
    _open_case(visit.case)
    visit = FollowUpVisit.objects.select_for_update().select_related("case").get(pk=visit.pk)
    if visit.is_done:
        raise ValidationError(_("This visit is already recorded."), code="already_recorded")
    _check_day(visited_on, "visited_on")
    if state not in ActivityState.values:
        raise ValidationError({"state": _("Choose the state of the business or job.")})
    visit.visited_on = visited_on
    visit.state = state
    visit.notes = (notes or "").strip()
    visit.recorded_by = actor
    visit.recorded_at = timezone.now()
    visit.save(update_fields=["visited_on", "state", "notes", "recorded_by", "recorded_at"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=visit,
        summary=f"follow-up M{visit.month} recorded",
        changes={
            "visited_on": [None, visited_on.isoformat()],
            "state": [None, state],
            "notes": [None, visit.notes],
        },
    )
    timeline(
        cases=[visit.case],
        actor=actor,
        kind=CaseEventKind.FOLLOW_UP_RECORDED,
        summary=Summary(gettext_noop("Follow-up visit (month %(month)s): %(state)s"))
        % {"month": visit.month, "state": ActivityState(state).label},
    )
    if answers:
        _create_score(
            actor=actor,
            case=visit.case,
            answers=answers,
            occasion=ScoreOccasion.FOLLOW_UP,
            taken_on=visited_on,
            visit=visit,
            version=version,
        )
    return visit


def transfer_targets():
    """The antennas a case may move to."""
    from masar.accounts.models import Institution

    return Institution.objects.filter(kind=InstitutionKind.OTE_ANTENNA).order_by("name")


def counsellors_in(antennas) -> list:
    """Active users of ``antennas`` (a queryset or list) who manage cases there."""
    users = (
        User.objects.filter(institution__in=antennas, is_active=True)
        .select_related("institution")
        .prefetch_related("role_assignments")
        .order_by("institution__name", "last_name", "first_name", "pk")
    )
    return [u for u in users if has_perm(u, Perm.MANAGE_CASES)]


def counsellors_of(antenna) -> list:
    return counsellors_in([antenna])


@transaction.atomic
def transfer_case(*, actor, case, to_antenna, reason: str, counsellor=None) -> CaseTransfer:
    """Move an open case to another OTE antenna when the person moves. The case, its
    timeline and everything attached to it go with it; the counsellor is cleared or set to
    one of the new antenna. The person's record moves too when the old antenna held it."""
    require_manager(actor, case=case)
    case = _open_case(case)
    reason = (reason or "").strip()
    errors = {}
    if to_antenna is None or to_antenna.kind != InstitutionKind.OTE_ANTENNA:
        errors["to_antenna"] = _("A case moves to an OTE antenna.")
    elif to_antenna.pk == case.antenna_id:
        errors["to_antenna"] = _("The case is already in this antenna.")
    if not reason:
        errors["reason"] = _("Say why the case is transferred.")
    if (
        counsellor is not None
        and "to_antenna" not in errors
        and counsellor.pk not in {u.pk for u in counsellors_of(to_antenna)}
    ):
        errors["counsellor"] = _("Choose a counsellor of the new antenna.")
    if errors:
        raise ValidationError(errors)
    before = {"antenna": case.antenna_id, "counsellor": case.counsellor_id}
    transfer = CaseTransfer.objects.create(
        case=case,
        from_antenna_id=case.antenna_id,
        to_antenna=to_antenna,
        from_counsellor_id=case.counsellor_id,
        to_counsellor=counsellor,
        reason=reason,
        by=actor,
    )
    from_name = case.antenna.name
    case.antenna = to_antenna
    case.counsellor = counsellor
    case.save(update_fields=["antenna", "counsellor"])
    index_cases([case])  # the name index carries the antenna
    beneficiary = case.beneficiary
    if beneficiary.institution_id == before["antenna"]:
        beneficiary.institution = to_antenna
        beneficiary.save(update_fields=["institution"])
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=beneficiary,
            summary="beneficiary moved with their case",
            changes={"institution": [before["antenna"], to_antenna.pk]},
        )
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        summary="case transferred",
        changes={
            "antenna": [before["antenna"], to_antenna.pk],
            "counsellor": [before["counsellor"], counsellor.pk if counsellor else None],
        },
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=transfer,
        summary="case transfer",
        changes={"reason": [None, reason]},
    )
    timeline(
        cases=[case],
        actor=actor,
        kind=CaseEventKind.TRANSFERRED,
        summary=Summary(gettext_noop("Transferred from %(from)s to %(to)s"))
        % {"from": from_name, "to": to_antenna.name},
    )
    return transfer
