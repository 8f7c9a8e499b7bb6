import pytest
from django.core.management import call_command

from masar.geo.actions import load_territory


@pytest.fixture(scope="module")
def territory(django_db_setup, django_db_blocker):
    """The whole territory, loaded once per module (committed) and wiped afterwards."""
    with django_db_blocker.unblock():
        report = load_territory(actor=None)
    yield report
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
