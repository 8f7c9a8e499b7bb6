import pytest
from hypothesis import given
from hypothesis import strategies as st

from masar.directory.actions import ServiceRelations
from masar.directory.normalize import normalize_text, tokens
from masar.directory.search import search
from tests.factories import ServiceFactory
from tests.factories.directory import term


def test_normalize_removes_accents_and_case():
    assert tokens("Santé MENTALE à l'Hôpital") == ["sante", "mentale", "hopital"]


def test_normalize_arabic_letter_forms_tashkeel_and_tatweel():
    assert tokens("الصحّة النفسيّة") == tokens("صحه نفسيه")
    assert tokens("إرشاد") == tokens("ارشاد") == tokens("أرشاد")
    assert tokens("مستشفى") == tokens("مستشفي")
    assert tokens("صـــفاقس") == ["صفاقس"]


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@pytest.fixture
def services(db):
    mental = ServiceFactory(
        name_fr="Consultation de santé mentale",
        name_ar="استشارة في الصحة النفسية",
        relations=ServiceRelations(
            categories=[term("mental-health")], audiences=[term("returnees")]
        ),
    )
    jobs = ServiceFactory(
        name_fr="Bureau de l'emploi",
        name_ar="مكتب التشغيل",
        relations=ServiceRelations(categories=[term("employment")]),
    )
    legal = ServiceFactory(
        name_fr="Permanence juridique",
        name_ar="مكتب الإرشاد القانوني",
        relations=ServiceRelations(categories=[term("legal-aid")]),
    )
    return mental, jobs, legal


@pytest.mark.parametrize(
    "query",
    [
        "santé mentale",
        "SANTE MENTALE",
        "sante mentale",
        "santé mantale",  # misspelt
        "الصحة النفسية",
        "الصحّة النفسيّة",  # with tashkeel
        "صحه نفسيه",  # taa marbuta typed as haa
        "mental health",  # English category name
        "psychosocial",
        "استشاره",  # taa marbuta → haa, without the article
    ],
)
def test_search_finds_mental_health_as_people_type_it(services, query):
    mental, _jobs, _legal = services
    found, total = search(query)
    assert found and found[0] == mental, (query, found)


def test_search_ranks_name_matches_first_and_matches_prefixes(services):
    _mental, jobs, _legal = services
    found, _total = search("empl")
    assert found[0] == jobs


def test_search_with_no_words_finds_nothing(services):
    assert search("  ,;! ") == ([], 0)


def test_search_restricted_to_a_queryset(services):
    mental, jobs, legal = services
    from masar.directory.models import Service

    found, total = search("bureau", Service.objects.filter(pk=legal.pk))
    assert found == [] and total == 0
