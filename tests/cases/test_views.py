"""The case pages through HTTP: scoping (404), policy (403), audited reads, no N+1."""

import pytest
from django.urls import reverse

from masar.audit.models import AuditEvent
from masar.cases.models import Beneficiary, Case, Consent
from tests.factories.cases import BeneficiaryFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(persona):
    sfax = CaseFactory(actor=persona("conseiller.sfax"), beneficiary=None)
    tunis = CaseFactory(actor=persona("conseiller.tunis"))
    return sfax, tunis


def test_case_list_counsellor_sees_own_antenna_only(two_cases, client_for):
    sfax, tunis = two_cases
    body = client_for("conseiller.sfax").get(reverse("cases:case-list")).content.decode()
    assert sfax.beneficiary.last_name in body
    assert str(tunis.pk) not in body


def test_case_list_supervisor_sees_every_antenna(two_cases, client_for):
    body = client_for("superviseur").get(reverse("cases:case-list")).content.decode()
    for case in two_cases:
        assert str(case.pk) in body


@pytest.mark.parametrize("who", ["aneti.sfax", "suivi", "onm", "admin"])
def test_case_list_without_case_permission_is_403(who, client_for):
    assert client_for(who).get(reverse("cases:case-list")).status_code == 403


def test_case_detail_other_antenna_is_404(two_cases, client_for):
    sfax, _tunis = two_cases
    client = client_for("conseiller.tunis")
    assert client.get(reverse("cases:case-detail", args=[sfax.pk])).status_code == 404
    url = reverse("cases:beneficiary-detail", args=[sfax.beneficiary.pk])
    assert client.get(url).status_code == 404


def test_case_detail_read_is_audited_and_no_store(two_cases, client_for, persona):
    sfax, _ = two_cases
    response = client_for("superviseur").get(reverse("cases:case-detail", args=[sfax.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert AuditEvent.objects.filter(
        action="read", object_id=str(sfax.pk), actor_id=persona("superviseur").pk
    ).exists()


def test_beneficiary_detail_read_is_audited(two_cases, client_for):
    sfax, _ = two_cases
    url = reverse("cases:beneficiary-detail", args=[sfax.beneficiary.pk])
    assert client_for("conseiller.sfax").get(url).status_code == 200
    assert AuditEvent.objects.filter(
        action="read", object_type="cases.beneficiary", object_id=str(sfax.beneficiary.pk)
    ).exists()


def test_case_list_search_and_filter(persona, client_for):
    sfax = persona("conseiller.sfax")
    amine = BeneficiaryFactory(
        actor=sfax, first_name="Amine", last_name="Trabelsi", last_name_ar="الطرابلسي", consent=True
    )
    other = BeneficiaryFactory(actor=sfax, first_name="Sana", last_name="Gharbi", consent=True)
    from masar.cases.actions import update_beneficiary

    update_beneficiary(actor=sfax, beneficiary=other, cin="07654321")
    case_a = CaseFactory(actor=sfax, beneficiary=amine)
    case_o = CaseFactory(actor=sfax, beneficiary=other)
    client = client_for("conseiller.sfax")
    url = reverse("cases:case-list")

    def found(**params):
        body = client.get(url, params).content.decode()
        return {c for c in (case_a, case_o) if str(c.pk) in body}

    assert found(q="trabel") == {case_a}
    assert found(q="الطرابلسي") == {case_a}
    assert found(q="07654321") == {case_o}
    assert found(status="reception") == {case_a, case_o}
    assert found(status="closed") == set()


def test_case_list_query_count_does_not_grow(persona, client_for, django_assert_max_num_queries):
    sfax = persona("conseiller.sfax")
    for _ in range(30):
        CaseFactory(actor=sfax)
    client = client_for("conseiller.sfax")
    client.get(reverse("cases:case-list"))  # warm session/user caches
    # Session, user, roles, device, audit chain (4), count, page: the same for 25 rows as 1.
    with django_assert_max_num_queries(11):
        response = client.get(reverse("cases:case-list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_register_then_consent_then_open_case_through_pages(client_for, persona):
    client = client_for("conseiller.sfax")
    response = client.post(
        reverse("cases:beneficiary-register"),
        {"first_name": "Amine", "last_name": "Trabelsi", "phone": "98 123 456"},
    )
    person = Beneficiary.objects.get()
    assert response.status_code == 302 and person.phone == "+21698123456"
    # No consent yet: opening a case is refused with a message, nothing created.
    open_url = reverse("cases:case-open", args=[person.pk])
    assert client.post(open_url).status_code == 302
    assert not Case.objects.exists()
    consent_url = reverse("cases:consent-record", args=[person.pk])
    response = client.post(
        consent_url,
        {
            "text_version": "tounesna-consent-fr-v1",
            "language": "fr",
            "purpose_case_management": "on",
        },
    )
    assert response.status_code == 302
    assert set(Consent.objects.active().values_list("purpose", flat=True)) == {"case_management"}
    response = client.post(open_url)
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:case-detail", args=[case.pk])
    status_url = reverse("cases:case-status", args=[case.pk])
    client.post(status_url, {"to": "closed"})  # no reason: refused
    assert Case.objects.get().status == "reception"
    client.post(status_url, {"to": "assessment"})
    assert Case.objects.get().status == "assessment"
    # Withdrawing through the page.
    client.post(consent_url, {"withdraw": "case_management"})
    assert not Consent.objects.active().exists()


def test_register_warns_about_duplicates_before_saving(persona, client_for, english):
    BeneficiaryFactory(actor=persona("conseiller.sfax"), first_name="Amine", last_name="Ben Ali")
    client = client_for("conseiller.sfax")
    data = {"first_name": "amine", "last_name": "ben ali", "phone": ""}
    response = client.post(reverse("cases:beneficiary-register"), data)
    assert response.status_code == 200
    assert "may already be registered" in response.content.decode()
    assert Beneficiary.objects.count() == 1
    response = client.post(
        reverse("cases:beneficiary-register"), {**data, "confirm_duplicate": "on"}
    )
    assert response.status_code == 302
    assert Beneficiary.objects.count() == 2


def test_register_invalid_phone_shows_error(client_for, english):
    response = client_for("conseiller.sfax").post(
        reverse("cases:beneficiary-register"),
        {"first_name": "A", "last_name": "B", "phone": "12"},
    )
    assert response.status_code == 200
    assert "Tunisian number" in response.content.decode()
    assert not Beneficiary.objects.exists()


def test_beneficiary_edit_without_consent_refused_with_message(persona, client_for, english):
    person = BeneficiaryFactory(actor=persona("conseiller.sfax"))
    client = client_for("conseiller.sfax")
    url = reverse("cases:beneficiary-edit", args=[person.pk])
    assert "Record the person" in client.get(url).content.decode()
    data = {"first_name": person.first_name, "last_name": person.last_name, "cin": "01234567"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "consent to case management" in response.content.decode()
    assert Beneficiary.objects.get().cin is None


def test_beneficiary_edit_with_consent_saves(persona, client_for):
    person = BeneficiaryFactory(actor=persona("conseiller.sfax"), consent=True)
    url = reverse("cases:beneficiary-edit", args=[person.pk])
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "cin": "01234567",
        "returned_from": "IT",
        "return_kind": "voluntary",
        "birth_date": "1990-04-02",
    }
    response = client_for("conseiller.sfax").post(url, data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.cin, person.returned_from, str(person.birth_date)) == (
        "01234567",
        "IT",
        "1990-04-02",
    )


def test_person_page_offers_to_open_a_case_only_without_an_open_one(persona, client_for):
    person = BeneficiaryFactory(actor=persona("conseiller.sfax"), consent=True)
    client = client_for("conseiller.sfax")
    url = reverse("cases:beneficiary-detail", args=[person.pk])
    assert 'data-testid="case-open"' in client.get(url).content.decode()
    CaseFactory(actor=persona("conseiller.sfax"), beneficiary=person)
    assert 'data-testid="case-open"' not in client.get(url).content.decode()
