"""Logframes, built through the actions as the application does: a programme running through
2025 and 2026, an objective, an expected result, an indicator entered by hand, a target and a
value with its evidence (a one-page PDF)."""

from datetime import date
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from masar.monitoring import actions
from masar.monitoring.models import (
    ExpectedResult,
    Indicator,
    IndicatorTarget,
    ManualValue,
    Objective,
)

from .aid import ProgrammeFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def evidence_file(name="feuille-de-presence.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class LogframeProgrammeFactory(ProgrammeFactory):
    starts_on = date(2025, 1, 1)
    ends_on = date(2026, 12, 31)


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    programme = factory.SubFactory(LogframeProgrammeFactory)
    code = factory.Sequence(lambda n: f"OS{n}")
    text_fr = "Renforcer les services d'accompagnement"

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return actions.create_objective(actor=actor, **kwargs)


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedResult

    objective = factory.SubFactory(ObjectiveFactory)
    code = factory.Sequence(lambda n: f"R{n}")
    text_fr = "Les compétences du personnel sont renforcées"

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return actions.create_result(actor=actor, **kwargs)


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator entered by hand under an expected result of its programme."""

    class Meta:
        model = Indicator

    result = factory.SubFactory(ResultFactory)
    programme = factory.LazyAttribute(lambda o: o.result.objective.programme)
    code = factory.Sequence(lambda n: f"I{n}")
    name_fr = "Personnes formées"
    unit = "people"
    source = "manual"

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return actions.create_indicator(actor=actor, **kwargs)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = date(2025, 1, 1)
    period_end = date(2025, 12, 31)
    value = Decimal("25")

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return actions.set_target(actor=actor, **kwargs)


class ManualValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManualValue

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = date(2025, 1, 1)
    period_end = date(2025, 6, 30)
    value = Decimal("12")
    evidence = factory.LazyFunction(evidence_file)
    evidence_note = "Feuilles de présence des deux premières sessions"

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        return actions.record_manual_value(actor=actor, **kwargs)
