"""Finding a case by name (Latin or Arabic, accents and letter forms ignored, word prefixes)
or card number, through the name index, never outside one's scope."""

import pytest
from django.urls import reverse

from masar.cases.actions import update_beneficiary
from masar.cases.models import Case, CaseNameToken
from masar.cases.search import search_cases
from tests.factories.cases import BeneficiaryFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chaabane(persona):
    actor = persona("conseiller.sfax")
    person = BeneficiaryFactory(
        actor=actor,
        consent=True,
        first_name="Mohamed Amine",
        last_name="Chaâbane",
        first_name_ar="محمد أمين",
        last_name_ar="الشعبان",
    )
    update_beneficiary(actor=actor, beneficiary=person, cin="07123456")
    return CaseFactory(actor=actor, beneficiary=person)


@pytest.mark.parametrize(
    "query",
    ["chaabane", "Chaâbane", "CHAABANE mohamed", "moham chaab", "شعبان", "محمد امين", "07123456"],
)
def test_search_finds_the_person_by_any_spelling(chaabane, persona, query):
    # Named: a random name could be Chaabane or Mohamed Amine too.
    actor = persona("conseiller.sfax")
    other = CaseFactory(
        actor=actor,
        beneficiary=BeneficiaryFactory(
            actor=actor, consent=True, first_name="Karim", last_name="Jelassi"
        ),
    )
    found = list(search_cases(Case.objects.all(), query))
    assert found == [chaabane]
    assert other not in found


@pytest.mark.parametrize("query", ["chaabanx", "amine trabelsi", "07123457", "-"])
def test_search_without_a_match_finds_nothing(chaabane, query):
    assert not search_cases(Case.objects.all(), query).exists()


def test_search_follows_a_change_of_name(chaabane, persona):
    update_beneficiary(
        actor=persona("conseiller.sfax"), beneficiary=chaabane.beneficiary, last_name="Jebali"
    )
    assert list(search_cases(Case.objects.all(), "jebali")) == [chaabane]
    assert not search_cases(Case.objects.all(), "chaabane").exists()
    assert set(CaseNameToken.objects.values_list("token", flat=True)) >= {"jebali", "شعبان"}


def test_case_list_search_stays_in_scope(chaabane, client_for):
    url = reverse("cases:case-list") + "?q=chaabane"
    assert str(chaabane.pk) in client_for("conseiller.sfax").get(url).content.decode()
    assert str(chaabane.pk) not in client_for("conseiller.tunis").get(url).content.decode()


def test_search_follows_a_transfer(chaabane, persona, client_for):
    from masar.cases.actions.followups import transfer_case

    transfer_case(
        actor=persona("superviseur"),
        case=chaabane,
        to_antenna=persona.institution("ote-tunis"),
        reason="Moved to Tunis",
    )
    url = reverse("cases:case-list") + "?q=chaabane"
    assert str(chaabane.pk) in client_for("conseiller.tunis").get(url).content.decode()
