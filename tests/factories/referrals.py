"""Referrals, sent through the action as the application sends them."""

from datetime import timedelta

import factory
from django.utils import timezone

from masar.accounts.models import InstitutionKind
from masar.cases.actions import referrals as actions
from masar.cases.models import Referral

from .accounts import InstitutionFactory
from .cases import CaseFactory


class ReferralFactory(factory.django.DjangoModelFactory):
    """A referral (sent) of ``case`` (default: a new case in ``actor``'s antenna) to
    ``institution`` (default: a new ANETI office), due in two weeks."""

    class Meta:
        model = Referral

    actor = None
    case = None
    institution = None
    reason = "Looking for a job in mechanics; needs the ANETI registration."
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, institution=None, **kwargs):
        case = case or CaseFactory(actor=actor)
        institution = institution or InstitutionFactory(kind=InstitutionKind.ANETI)
        return actions.send_referral(actor=actor, case=case, institution=institution, **kwargs)
