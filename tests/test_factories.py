"""Every factory builds a valid record (HOPE's habit): a broken factory fails here first."""

import inspect

import factory
import pytest

from tests import factories

FACTORIES = [
    obj
    for _name, obj in inspect.getmembers(factories)
    if inspect.isclass(obj) and issubclass(obj, factory.django.DjangoModelFactory)
]


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_factory_creates_a_valid_record(factory_class):
    record = factory_class()
    record.full_clean(exclude=["password"])
    assert record.pk is not None


def test_tunisian_phone_numbers_are_plausible():
    from faker import Faker

    from tests.factories.tunisia import TunisiaProvider

    fake = Faker()
    fake.add_provider(TunisiaProvider)
    for _ in range(20):
        digits = fake.tn_mobile().replace(" ", "")
        assert digits.startswith("+216") and len(digits) == 12
