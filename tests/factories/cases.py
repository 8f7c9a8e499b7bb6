"""Beneficiaries, consents and cases, built through the actions as the application does."""

import factory

from masar.accounts.models import InstitutionKind
from masar.cases import actions
from masar.cases.models import Beneficiary, Case, ConsentPurpose

from .accounts import InstitutionFactory

ALL_PURPOSES = dict.fromkeys(ConsentPurpose.values, True)


def _antenna():
    return InstitutionFactory(kind=InstitutionKind.OTE_ANTENNA)


class BeneficiaryFactory(factory.django.DjangoModelFactory):
    """A registered person (name and contact only). ``consent=True`` also records consent to
    every purpose, taken by ``actor``."""

    class Meta:
        model = Beneficiary

    first_name = factory.Faker("tn_first_name")
    last_name = factory.Faker("tn_last_name")
    phone = factory.Faker("tn_mobile")
    actor = None
    institution = factory.LazyAttribute(lambda o: o.actor.institution if o.actor else _antenna())
    consent = False

    @classmethod
    def _create(cls, model_class, *args, actor=None, consent=False, **kwargs):
        beneficiary = actions.register_beneficiary(actor=actor, **kwargs)
        if consent:
            record_full_consent(beneficiary, actor=actor)
        return beneficiary


def record_full_consent(beneficiary, *, actor=None, purposes=None):
    return actions.record_consent(
        actor=actor,
        beneficiary=beneficiary,
        purposes=purposes or ALL_PURPOSES,
        text_version="tounesna-consent-fr-v1",
        language="fr",
    )


class CaseFactory(factory.django.DjangoModelFactory):
    """An open case (reception) in ``antenna`` (default: the actor's institution), for a
    consenting person registered there."""

    class Meta:
        model = Case

    actor = None
    antenna = factory.LazyAttribute(lambda o: o.actor.institution if o.actor else _antenna())
    beneficiary = None

    @classmethod
    def _create(cls, model_class, *args, actor=None, antenna=None, beneficiary=None, **kwargs):
        if beneficiary is None:
            beneficiary = BeneficiaryFactory(institution=antenna, consent=True)
        return actions.open_case(actor=actor, beneficiary=beneficiary, antenna=antenna)
