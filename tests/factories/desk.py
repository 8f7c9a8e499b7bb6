import datetime

import factory
from django.utils import timezone

from masar.accounts.policy import Role
from masar.desk.actions import record_desk_contact, record_outreach
from masar.desk.models import DeskContact, DeskOpening, DeskPoint, DeskSession, OutreachActivity

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
        # Contacts orient to published services only: publish the drafts given here.
        from masar.directory.actions import verify_service

        for service in services:
            if service.verified_at is None:
                verify_service(actor=None, service=service)
        return record_desk_contact(actor=actor, services=services, **kwargs)


def published_service(**kwargs):
    """A directory service the public sees (verified once), for orientations."""
    from masar.directory.actions import verify_service

    from .directory import ServiceFactory

    service = ServiceFactory(**kwargs)
    verify_service(actor=None, service=service)
    service.refresh_from_db()
    return service


class DeskSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeskSession

    desk = factory.SubFactory(DeskPointFactory)
    held_on = factory.LazyFunction(timezone.localdate)
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(13, 0)
    recorded_by = factory.LazyAttribute(
        lambda o: UserFactory(institution=o.desk.holder, roles=[Role.INSTITUTION_ADMIN])
    )


class OutreachActivityFactory(factory.django.DjangoModelFactory):
    """Through the action: ``OutreachActivityFactory(actor=user, holder=institution)``."""

    class Meta:
        model = OutreachActivity

    holder = factory.SubFactory(InstitutionFactory)
    kind = "peer_school"
    title = factory.Sequence(lambda n: f"Séance de sensibilisation {n}")
    held_on = factory.LazyFunction(timezone.localdate)
    reached_women = 12
    reached_men = 10
    reached_minors = 18

    @classmethod
    def _create(cls, model_class, *args, actor=None, **kwargs):
        if actor is None:
            actor = UserFactory(institution=kwargs["holder"], roles=[Role.MEDIATOR])
        return record_outreach(actor=actor, **kwargs)
