"""Emergency processings, merges and erasures, built through the rights actions."""

import factory

from masar.cases.actions import rights as actions
from masar.cases.models import EmergencyProcessing, ErasureRecord, MergeRecord

from .cases import BeneficiaryFactory


class EmergencyFactory(factory.django.DjangoModelFactory):
    """A request to proceed without consent, awaiting approval (``approve_by=`` a second
    user approves it)."""

    class Meta:
        model = EmergencyProcessing

    @classmethod
    def _create(cls, model_class, *args, actor=None, beneficiary=None, approve_by=None, **kw):
        beneficiary = beneficiary or BeneficiaryFactory(actor=actor)
        emergency = actions.request_emergency(
            actor=actor,
            beneficiary=beneficiary,
            reason=kw.get("reason", "The person is in hospital and cannot sign."),
            days=kw.get("days", 7),
        )
        if approve_by is not None:
            emergency = actions.decide_emergency(
                actor=approve_by, emergency=emergency, approve=True
            )
        return emergency


class MergeFactory(factory.django.DjangoModelFactory):
    """Two records of one person (same name, the second in Arabic script) merged."""

    class Meta:
        model = MergeRecord

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kw):
        kept = BeneficiaryFactory(actor=actor, first_name="Mohamed", last_name="Ben Salah")
        merged = BeneficiaryFactory(
            actor=actor,
            institution=kept.institution,
            first_name="Mhamed",
            last_name="Bensalah",
            first_name_ar="محمد",
            last_name_ar="بن صالح",
        )
        return actions.merge_beneficiaries(actor=actor, kept=kept, merged=merged)


class ErasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErasureRecord

    @classmethod
    def _create(cls, model_class, *args, actor=None, beneficiary=None, **kw):
        beneficiary = beneficiary or BeneficiaryFactory(actor=actor, consent=True)
        return actions.erase_beneficiary(
            actor=actor, beneficiary=beneficiary, request_reference="REQ-2026-001"
        )
