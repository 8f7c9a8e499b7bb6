"""Profiles, assessments, vulnerability flags and plans, built through the actions."""

import datetime

import factory
from django.utils import timezone

from masar.cases.actions import needs as actions
from masar.cases.models import (
    NeedsAssessment,
    PlanAction,
    PlanTrack,
    Profile,
    VulnerabilityFlag,
)

from .accounts import InstitutionFactory
from .cases import BeneficiaryFactory, CaseFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    """A consenting person's profile with a two-member household."""

    class Meta:
        model = Profile

    @classmethod
    def _create(cls, model_class, *args, actor=None, beneficiary=None, **kwargs):
        beneficiary = beneficiary or BeneficiaryFactory(actor=actor, consent=True)
        values = {
            "education_level": "secondary",
            "skills": "Maçonnerie, conduite d'engins",
            "languages": "arabe, français, italien",
            "household": [
                {"relation": "spouse", "sex": "F", "birth_year": 1990, "dependent": True},
                {"relation": "child", "sex": "M", "birth_year": 2016, "dependent": True},
            ],
        }
        values.update(kwargs)
        return actions.update_profile(actor=actor, beneficiary=beneficiary, **values)


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An economic and social assessment of an open case (psychosocial: pass
    ``psychosocial={...}``, with an actor holding cases.view_health or none)."""

    class Meta:
        model = NeedsAssessment

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, **kwargs):
        case = case or CaseFactory(actor=actor)
        values = {
            "work_situation": "unemployed",
            "monthly_income": 250,
            "housing": "family",
            "debts": 3000,
            "economic_notes": "Cherche un emploi dans le bâtiment.",
            "family_situation": "married",
            "family_support": "partial",
            "documents_complete": True,
            "access_to_services": "partial",
        }
        values.update(kwargs)
        return actions.assess_needs(actor=actor, case=case, **values)


class VulnerabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VulnerabilityFlag

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, kind="disability", details=""):
        case = case or CaseFactory(actor=actor)
        return actions.record_vulnerability(actor=actor, case=case, kind=kind, details=details)


class PlanTrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTrack

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, kind="business", objective=""):
        case = case or CaseFactory(actor=actor)
        objective = objective or "Ouvrir un atelier de menuiserie."
        return actions.add_track(actor=actor, case=case, kind=kind, objective=objective)


class PlanActionFactory(factory.django.DjangoModelFactory):
    """A planned action due in 30 days (``due_in`` days; negative: overdue)."""

    class Meta:
        model = PlanAction

    @classmethod
    def _create(cls, model_class, *args, actor=None, track=None, due_in=30, **kwargs):
        track = track or PlanTrackFactory(actor=actor)
        values = {
            "description": "Formation à la gestion d'entreprise",
            "institution": kwargs.pop("institution", None) or InstitutionFactory(),
            "due_date": timezone.localdate() + datetime.timedelta(days=due_in),
        }
        values.update(kwargs)
        return actions.add_plan_action(actor=actor, track=track, **values)
