"""The institutions directory: everyone on the staff reads it; the system administrator
keeps it."""

from masar.accounts.models import Institution, InstitutionKind
from masar.audit.models import AuditAction
from masar.geo.models import Governorate
from tests.factories import InstitutionFactory

from .helpers import events


def _governorates():
    sfax = Governorate.objects.create(code="TN-61", name_fr="Sfax", name_ar="صفاقس")
    tunis = Governorate.objects.create(code="TN-11", name_fr="Tunis", name_ar="تونس")
    return sfax, tunis


def test_institution_list_filters_by_kind_and_governorate(client_for, persona):
    sfax, tunis = _governorates()
    InstitutionFactory(code="cps-a", name_fr="CPS A", kind=InstitutionKind.CPS, governorates=[sfax])
    InstitutionFactory(
        code="cps-b", name_fr="CPS B", kind=InstitutionKind.CPS, governorates=[tunis]
    )
    InstitutionFactory(
        code="bank-a", name_fr="Banque A", kind=InstitutionKind.BANK, governorates=[sfax]
    )
    client = client_for("conseiller.sfax")

    def codes(query):
        response = client.get(f"/accounts/institutions/{query}")
        assert response.status_code == 200
        return {i.code for i in response.context["page"].object_list}

    assert codes("?kind=cps") == {"cps-a", "cps-b"}
    assert codes("?governorate=TN-61") == {"cps-a", "bank-a"}
    assert codes("?kind=cps&governorate=TN-61") == {"cps-a"}
    assert codes("?q=banque") == {"bank-a"}


def test_institution_list_ignores_a_bad_filter_value(client_for):
    response = client_for("suivi").get("/accounts/institutions/?kind=nonsense&governorate=XX")
    assert response.status_code == 200
    assert response.context["form"].errors


def test_institution_list_query_count_does_not_grow(
    client_for, persona, django_assert_max_num_queries
):
    sfax, tunis = _governorates()
    parent = persona.institution("ote-siege")
    for i in range(30):
        InstitutionFactory(parent=parent, governorates=[sfax, tunis] if i % 2 else [sfax])
    client = client_for("onm")
    with django_assert_max_num_queries(10):
        response = client.get("/accounts/institutions/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_institution_detail_for_any_staff(client_for, persona):
    institution = persona.institution("ote-sfax")
    response = client_for("mediateur.lamarsa").get(f"/accounts/institutions/{institution.pk}/")
    assert response.status_code == 200
    assert response.context["institution"] == institution


def test_institution_detail_missing_is_not_found(client_for):
    assert client_for("suivi").get("/accounts/institutions/999999/").status_code == 404


def test_institution_inactive_is_hidden_from_staff_but_not_from_sysadmin(client_for, persona):
    from masar.accounts import actions

    closed = InstitutionFactory(code="closed")
    actions.update_institution(actor=None, institution=closed, is_active=False)
    assert client_for("suivi").get(f"/accounts/institutions/{closed.pk}/").status_code == 404
    assert client_for("admin").get(f"/accounts/institutions/{closed.pk}/").status_code == 200


def test_institution_create_by_sysadmin(client_for, persona):
    sfax, _tunis = _governorates()
    parent = persona.institution("ote-siege")
    client = client_for("admin")
    response = client.get("/accounts/institutions/new/")
    assert response.status_code == 200 and 'name="idempotency_key"' in response.content.decode()
    response = client.post(
        "/accounts/institutions/new/",
        {
            "name_fr": "Antenne Tounesna de Médenine",
            "name_ar": "هوائي تونسنا بمدنين",
            "name_en": "",
            "code": "ote-medenine",
            "acronym": "OTE",
            "kind": "ote_antenna",
            "parent": parent.pk,
            "governorates": [sfax.pk],
            "email": "medenine@ote.example.tn",
            "phone": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created = Institution.objects.get(code="ote-medenine")
    assert created.parent == parent and list(created.governorates.all()) == [sfax]
    assert created.name_ar == "هوائي تونسنا بمدنين"
    assert events(
        AuditAction.CREATE, object_type="accounts.institution", object_id=str(created.pk)
    ).exists()


def test_institution_create_refuses_a_duplicate_code(client_for, persona):
    persona.institution("ote-sfax")
    response = client_for("admin").post(
        "/accounts/institutions/new/",
        {
            "name_fr": "Doublon",
            "code": "ote-sfax",
            "kind": "cso",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert Institution.objects.filter(code="ote-sfax").count() == 1


def test_institution_edit_by_sysadmin(client_for, persona):
    _sfax, tunis = _governorates()
    institution = persona.institution("cps-sfax")
    response = client_for("admin").post(
        f"/accounts/institutions/{institution.pk}/edit/",
        {
            "name_fr": "CPS de Sfax (nouveau nom)",
            "code": "cps-sfax",
            "kind": "cps",
            "governorates": [tunis.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    institution.refresh_from_db()
    assert institution.name_fr == "CPS de Sfax (nouveau nom)"
    assert list(institution.governorates.all()) == [tunis]


def test_institution_edit_refuses_a_loop_of_parents(client_for, persona):
    siege = persona.institution("ote-siege")
    branch = persona.institution("ote-sfax")  # its parent is the headquarters
    response = client_for("admin").post(
        f"/accounts/institutions/{siege.pk}/edit/",
        {
            "name_fr": siege.name_fr,
            "code": siege.code,
            "kind": siege.kind,
            "parent": branch.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["parent"]
    siege.refresh_from_db()
    assert siege.parent is None


def test_institution_create_and_edit_refused_to_others(client_for, persona):
    institution = persona.institution("ote-sfax")
    client = client_for("admin.sfax")
    assert client.get("/accounts/institutions/new/").status_code == 403
    assert (
        client.post(
            "/accounts/institutions/new/", {"name_fr": "X", "code": "x", "kind": "cso"}
        ).status_code
        == 403
    )
    assert client.get(f"/accounts/institutions/{institution.pk}/edit/").status_code == 403
    assert not Institution.objects.filter(code="x").exists()
