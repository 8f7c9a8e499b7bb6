"""Follow-up visits, sustainability scores and transfers, built through the actions."""

import datetime

import factory

from masar.accounts.models import InstitutionKind
from masar.cases import actions
from masar.cases.actions import followups
from masar.cases.models import CaseTransfer, FollowUpVisit, SustainabilityScore
from masar.cases.scoring import instrument

from .accounts import InstitutionFactory
from .cases import CaseFactory


def survey_answers(level: float = 0.5) -> dict[str, str]:
    """Answers to every question of the current instrument, each option chosen at ``level``
    of its scale (0: the worst answer, 1: the best)."""
    out = {}
    for question in instrument().questions:
        options = question["options"]
        out[question["id"]] = options[round(level * (len(options) - 1))]["value"]
    return out


def case_in_support(*, actor=None, case=None):
    """A case moved along to support (which schedules its follow-up visits)."""
    case = case or CaseFactory(actor=actor)
    for step in ("assessment", "plan", "support"):
        case = actions.change_case_status(actor=actor, case=case, to=step)
    return case


def backdate_support(case, start: datetime.date, actor=None):
    """Date the start of support back to ``start`` (the visits not yet recorded follow)."""
    followups.reschedule_follow_ups(actor=actor, case=case, start=start)


class FollowUpVisitFactory(factory.django.DjangoModelFactory):
    """The 3-month visit of a case put in support by ``actor``."""

    class Meta:
        model = FollowUpVisit

    actor = None

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, month=3, **kwargs):
        case = case_in_support(actor=actor, case=case)
        return FollowUpVisit.objects.get(case=case, month=month)


class SustainabilityScoreFactory(factory.django.DjangoModelFactory):
    """An intake score at ``level`` (0..1) on an open case of ``actor``'s antenna."""

    class Meta:
        model = SustainabilityScore

    actor = None

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, level=0.5, **kwargs):
        case = case or CaseFactory(actor=actor)
        return followups.record_score(actor=actor, case=case, answers=survey_answers(level))


class CaseTransferFactory(factory.django.DjangoModelFactory):
    """An open case moved to another OTE antenna (default: a new one)."""

    class Meta:
        model = CaseTransfer

    actor = None

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, to_antenna=None, **kwargs):
        case = case or CaseFactory(actor=actor)
        to_antenna = to_antenna or InstitutionFactory(kind=InstitutionKind.OTE_ANTENNA)
        return followups.transfer_case(
            actor=actor, case=case, to_antenna=to_antenna, reason="The person moved."
        )
