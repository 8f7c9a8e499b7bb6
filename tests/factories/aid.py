"""Programmes, enrolments and aid files, built through the actions as the application does."""

import itertools
from datetime import date
from decimal import Decimal

import factory

from masar.cases import actions
from masar.cases.actions import aid as aid_actions
from masar.cases.actions import enrolment as enrolment_actions
from masar.cases.models import AidFile, Enrolment
from masar.monitoring.actions import create_programme
from masar.monitoring.models import Programme

from .cases import CaseFactory

_cins = itertools.count(10_000_000)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A Tounesna-rules programme with a generous envelope and no quota."""

    class Meta:
        model = Programme

    code = factory.Sequence(lambda n: f"programme-{n}")
    name_fr = factory.Sequence(lambda n: f"Programme {n}")
    funder = "Fonds de test"
    envelope = Decimal("1000000")
    envelope_note_fr = "Chiffre de test"
    quota = None
    rule_set = "tounesna"

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return create_programme(actor=actor, **kwargs)


def make_eligible(beneficiary, *, actor=None, returned_from="IT"):
    """Record what the Tounesna rules check: a CIN, the country and the date of return."""
    return actions.update_beneficiary(
        actor=actor,
        beneficiary=beneficiary,
        cin=str(next(_cins)),
        returned_from=returned_from,
        return_date=date(2024, 3, 1),
    )


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A case (in ``actor``'s antenna) enrolled in a programme; ``eligible=True`` first
    records a CIN and a return from Italy."""

    class Meta:
        model = Enrolment

    actor = None
    case = None
    programme = factory.SubFactory(ProgrammeFactory)
    eligible = True

    @classmethod
    def _create(cls, model_class, *args, actor=None, case=None, programme=None, eligible=True):
        case = case or CaseFactory(actor=actor)
        if eligible:
            make_eligible(case.beneficiary, actor=actor)
        return enrolment_actions.enrol_case(actor=actor, case=case, programme=programme)


class AidFileFactory(factory.django.DjangoModelFactory):
    """A draft aid file of an eligible enrolment (``submit=True``: sent to the committee)."""

    class Meta:
        model = AidFile

    actor = None
    enrolment = None
    kind = "equipment"
    amount = Decimal("5000")
    supplier = "Quincaillerie El Amen"
    description = "Matériel de soudure"
    submit = False

    @classmethod
    def _create(cls, model_class, *args, actor=None, enrolment=None, submit=False, **kwargs):
        enrolment = enrolment or EnrolmentFactory(actor=actor)
        aid_file = aid_actions.create_aid_file(actor=actor, enrolment=enrolment, **kwargs)
        if submit:
            aid_file = aid_actions.submit_aid_file(actor=actor, aid_file=aid_file)
        return aid_file
