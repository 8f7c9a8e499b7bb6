import datetime

import factory

from masar.accounts.policy import Role
from masar.desk.actions import record_desk_contact
from masar.desk.models import DeskContact, DeskOpening, DeskPoint

from .accounts import InstitutionFactory, UserFactory
from .directory import governorate


class DeskPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeskPoint

    code = factory.Sequence(lambda n: f"desk-{n}")
    name_fr = factory.Sequence(lambda n: f"Guichet d'information {n}")
    name_ar = factory.Sequence(lambda n: f"شباك الإعلام {n}")
    holder = factory.SubFactory(InstitutionFactory)
    address_fr = "Place de la municipalité"
    governorate = factory.LazyFunction(governorate)


class DeskOpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeskOpening

    desk = factory.SubFactory(DeskPointFactory)
    weekday = 2
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(13, 0)


class DeskContactFactory(factory.django.DjangoModelFactory):
    """Through the action: ``DeskContactFactory(actor=user, desk=desk, services=[...])``."""

    class Meta:
        model = DeskContact

    desk = factory.SubFactory(DeskPointFactory)
    status = "migrant"
    topics = factory.LazyFunction(lambda: ["rights"])

    @classmethod
    def _create(cls, model_class, *args, actor=None, services=(), **kwargs):
        if actor is None:
            actor = UserFactory(institution=kwargs["desk"].holder, roles=[Role.MEDIATOR])
        return record_desk_contact(actor=actor, services=services, **kwargs)
