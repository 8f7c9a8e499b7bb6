import factory

from masar.accounts import actions
from masar.accounts.models import Institution, InstitutionKind, User

from .tunisia import TunisiaProvider

factory.Faker.add_provider(TunisiaProvider)

PASSWORD = "correct-horse-battery-9"


class InstitutionFactory(factory.django.DjangoModelFactory):
    """Built through the action, as the application does."""

    class Meta:
        model = Institution

    code = factory.Sequence(lambda n: f"inst-{n}")
    name_fr = factory.Sequence(lambda n: f"Institution {n}")
    name_ar = factory.Sequence(lambda n: f"مؤسسة {n}")
    kind = InstitutionKind.CSO

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return actions.create_institution(actor=None, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("tn_first_name")
    last_name = factory.Faker("tn_last_name")
    phone = factory.Faker("tn_mobile")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.tn")
    institution = factory.SubFactory(InstitutionFactory)
    roles = ()
    password = PASSWORD

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return actions.create_user(actor=None, **kwargs)
