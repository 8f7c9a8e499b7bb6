import pytest
from django.core.management import call_command

from masar.accounts.models import Institution, InstitutionKind, RoleAssignment, User
from masar.accounts.policy import Role
from masar.audit.models import AuditEvent
from masar.core.management.commands.seed_demo import DEMO_PASSWORD, INSTITUTIONS, USERS
from masar.geo.models import Governorate, Locality
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module (committed) and wiped afterwards."""
    from io import StringIO

    out = StringIO()
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def _counts():
    return {
        "institutions": Institution.objects.count(),
        "users": User.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "governorates": Governorate.objects.count(),
        "localities": Locality.objects.count(),
        "events": AuditEvent.objects.count(),
        "passwords": sorted(User.objects.values_list("password", flat=True)),
    }


def test_seed_demo_loads_the_territory_when_empty(demo):
    assert "loading it first" in demo
    assert Governorate.objects.count() == 24


def test_seed_demo_creates_the_demo_logins(demo):
    assert set(USERS) == set(PERSONAS)  # the demo logins are the test personas
    for username, (_institution, roles) in PERSONAS.items():
        user = User.objects.select_related("institution").get(username=username)
        assert user.check_password(DEMO_PASSWORD), username
        assert sorted(user.role_names) == sorted(roles), username
        assert user.institution.code == USERS[username][2]
        assert user.first_name and user.last_name
    assert User.objects.get(username="admin").role_names == [Role.SYSADMIN]
    assert "conseiller.sfax" in demo and DEMO_PASSWORD in demo


def test_seed_demo_login_works_through_the_login_page(demo, client):
    response = client.post(
        "/accounts/login/", {"username": "conseiller.sfax", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302


def test_seed_demo_creates_the_institutions(demo):
    assert set(Institution.objects.values_list("code", flat=True)) >= set(INSTITUTIONS)
    hq = Institution.objects.get(code="ote-siege")
    assert hq.kind == InstitutionKind.OTE_HQ
    assert hq.governorates.count() == 24
    antennas = Institution.objects.filter(parent=hq, kind=InstitutionKind.OTE_ANTENNA)
    assert set(antennas.values_list("code", flat=True)) == {"ote-tunis", "ote-sfax", "ote-medenine"}
    marsa = Institution.objects.select_related("municipality__delegation__governorate").get(
        code="mun-la-marsa"
    )
    assert marsa.municipality.delegation.governorate.code == "TN-11"
    raoued = Institution.objects.select_related("municipality__delegation__governorate").get(
        code="mun-raoued"
    )
    assert raoued.municipality.delegation.governorate.code == "TN-12"
    assert Institution.objects.get(code="onm").kind == InstitutionKind.OBSERVATORY
    assert Institution.objects.get(code="onm").name_ar == "المرصد الوطني للهجرة"
    assert list(
        Institution.objects.get(code="cefa-tunisie").governorates.values_list("code", flat=True)
    ) == ["TN-53"]
    assert not Institution.objects.filter(code__in=INSTITUTIONS, name_ar="").exists()


def test_seed_demo_second_run_changes_nothing(demo, capsys):
    before = _counts()
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "institutions: 0 created" in out
    assert "users: 0 created" in out
    assert _counts() == before
