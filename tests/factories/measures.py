"""Small known populations for the measures of the monitoring catalogue: records built
through the actions, then dated and described as each test states (``.update()``: the
actions date records today and ask for no sex or birth date)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from masar.cases.actions import followups
from masar.cases.models import (
    AidFile,
    Beneficiary,
    Case,
    FollowUpVisit,
    Referral,
    SustainabilityScore,
)

from .aid import AidFileFactory, EnrolmentFactory
from .cases import CaseFactory
from .directory import governorate
from .followups import case_in_support, survey_answers
from .referrals import ReferralFactory

# The period every measure test counts: the first quarter of 2025.
START, END = datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware date-time in Tunis."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def governorates():
    """Tunis, Sfax, and Mahdia (where nothing happens: the zero-filled cell)."""
    return {
        "tunis": governorate("TN-11", "Tunis", "تونس"),
        "sfax": governorate("TN-61", "Sfax", "صفاقس"),
        "mahdia": governorate("TN-53", "Mahdia", "المهدية"),
    }


def describe(beneficiary, *, sex="", birth=None, gov=None):
    Beneficiary.objects.filter(pk=beneficiary.pk).update(sex=sex, birth_date=birth, governorate=gov)


def case_for(actor, *, opened=None, sex="", birth=None, gov=None, beneficiary=None):
    """A case opened by ``actor`` (in their antenna) at ``opened``, for a new person described
    so (or for ``beneficiary``, left as they are)."""
    case = CaseFactory(actor=actor, beneficiary=beneficiary)
    if beneficiary is None:
        describe(case.beneficiary, sex=sex, birth=birth, gov=gov)
    if opened is not None:
        Case.objects.filter(pk=case.pk).update(opened_at=opened)
    case.refresh_from_db()
    return case


def close(case):
    Case.objects.filter(pk=case.pk).update(status="closed", closure_reason="Test: closed.")


def aid_file(actor, *, kind, status, decided=None, amount="1000", enrolment=None, **person):
    """An aid file of ``kind`` in ``status``, decided at ``decided``, for a new enrolled case
    of ``actor``'s antenna (or of ``enrolment``)."""
    if enrolment is None:
        case = case_for(actor, **person)
        enrolment = EnrolmentFactory(actor=actor, case=case)
    aid = AidFileFactory(actor=actor, enrolment=enrolment, kind=kind, amount=Decimal(amount))
    AidFile.objects.filter(pk=aid.pk).update(
        status=status,
        decided_at=decided,
        decision_reason="Test: decided." if status == "rejected" else "",
    )
    aid.refresh_from_db()
    return aid


def referral(actor, case, *, due, status="sent", completed=None):
    sent = ReferralFactory(actor=actor, case=case)
    Referral.objects.filter(pk=sent.pk).update(
        due_date=due,
        status=status,
        completed_at=completed,
        decline_reason="Test: declined." if status == "declined" else "",
    )
    sent.refresh_from_db()
    return sent


def scored_case(actor, *, intake=None, visits=(), **person):
    """A case in support with an intake composite score ``intake`` (None: no intake score)
    and follow-up visits ``[(month, visited_on, composite)]`` recorded with a score."""
    case = case_in_support(actor=actor, case=case_for(actor, **person))
    if intake is not None:
        score = followups.record_score(actor=actor, case=case, answers=survey_answers(0.5))
        SustainabilityScore.objects.filter(pk=score.pk).update(
            composite=intake, taken_on=datetime.date(2024, 1, 15)
        )
    for month, visited_on, composite in visits:
        visit = FollowUpVisit.objects.get(case=case, month=month)
        followups.record_follow_up(
            actor=actor,
            visit=visit,
            visited_on=visited_on,
            state="employed",
            answers=survey_answers(0.5),
        )
        SustainabilityScore.objects.filter(visit=visit).update(composite=composite)
    return case
