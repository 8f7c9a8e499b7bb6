import factory

from masar.directory import actions
from masar.directory.models import Location, Organization, Service, TaxonomyTerm
from masar.geo.models import Delegation, Governorate


def term(code: str) -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(code=code)


def governorate(code="TN-61", name_fr="Sfax", name_ar="صفاقس") -> Governorate:
    """A governorate (the tests do not need the whole territory)."""
    gov, _ = Governorate.objects.get_or_create(
        code=code,
        defaults={"name": name_fr, "name_fr": name_fr, "name_ar": name_ar, "name_en": name_fr},
    )
    return gov


def delegation(
    code="TN-61-sfax-ville", name_fr="Sfax Ville", name_ar="صفاقس المدينة", gov=None
) -> Delegation:
    gov = gov or governorate()
    deleg, _ = Delegation.objects.get_or_create(
        code=code,
        defaults={
            "governorate": gov,
            "name": name_fr,
            "name_fr": name_fr,
            "name_ar": name_ar,
            "name_en": name_fr,
            "postal_code": "3000",
        },
    )
    return deleg


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name_fr = factory.Sequence(lambda n: f"Association d'entraide {n}")
    name_ar = factory.Sequence(lambda n: f"جمعية التعاون {n}")
    email = factory.Sequence(lambda n: f"contact{n}@asso.tn")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return actions.create_organization(actor=None, **kwargs)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    name_fr = "Siège"
    address_1 = "Rue Habib Bourguiba"
    governorate = factory.LazyFunction(governorate)
    latitude = 34.74
    longitude = 10.76

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return actions.create_location(actor=None, **kwargs)


class ServiceFactory(factory.django.DjangoModelFactory):
    """A service with one location; pass ``relations=ServiceRelations(...)`` for more."""

    class Meta:
        model = Service

    organization = factory.SubFactory(OrganizationFactory)
    name_fr = factory.Sequence(lambda n: f"Service d'écoute {n}")
    name_ar = factory.Sequence(lambda n: f"خدمة الإصغاء {n}")
    description_fr = "Accueil, écoute et orientation."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        relations = kwargs.pop("relations", None) or actions.ServiceRelations()
        if relations.locations is None:
            relations.locations = [LocationFactory(organization=kwargs["organization"])]
        return actions.create_service(actor=None, relations=relations, **kwargs)
