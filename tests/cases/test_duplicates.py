"""Duplicate detection: the script-independent name key, the matcher on indexed candidates,
and the register and edit pages that show possible duplicates before saving."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from masar.cases import actions
from masar.cases.models import Beneficiary, NameKey
from masar.cases.rules.duplicates import (
    Probe,
    Reason,
    find_duplicates,
    latin_close,
    name_key,
    name_part_key,
    skeleton,
)
from tests.api_helpers import token_headers
from tests.factories.cases import BeneficiaryFactory

# --- The name key (no database) -------------------------------------------------------------

SAME_NAMES = [
    ("Mohamed", "Mohammed", "Mhamed", "Mouhamed", "محمد"),
    ("Ben", "Bin", "بن"),
    ("Chaabane", "Chaâbane", "CHAABANE", "شعبان"),
    ("Ben Salah", "Bensalah", "Ben-Salah", "بن صالح"),
    ("Trabelsi", "Ettrabelsi", "Et-Trabelsi", "الطرابلسي"),
    ("Hammami", "El Hammami", "الحمامي"),
    ("Kacem", "Kassem", "قاسم"),
    ("Khadija", "Khedija", "خديجة"),
    ("Fatma", "Fatima", "فاطمة"),
    ("Youssef", "Youcef", "Yousef", "يوسف"),
    ("Abdallah", "Abdellah", "عبد الله"),
]


@pytest.mark.parametrize("spellings", SAME_NAMES, ids=lambda s: s[0])
def test_name_part_key_is_the_same_for_usual_spellings(spellings):
    keys = {name_part_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(name_part_key, spellings), strict=True))


@pytest.mark.parametrize(
    ("a", "b"), [("Salah", "Saleh Ben"), ("Amel", "Amina"), ("Ali", "Adel"), ("Mohamed", "Mohsen")]
)
def test_name_part_key_tells_different_names_apart(a, b):
    assert name_part_key(a) != name_part_key(b)


def test_same_skeleton_latin_names_still_apart_letter_for_letter():
    # محمد and محمود share the skeleton mhmd; in Latin script the vowels tell them apart.
    assert name_part_key("Mohamed") == name_part_key("Mahmoud")
    assert latin_close("Mohamed", "Ben Salah", "Mahmoud", "Ben Salah") is False
    assert latin_close("Mhamed", "Bensalah", "Mohamed", "Ben Salah") is True
    assert latin_close("Ben Salah", "Mohamed", "Mohamed", "Ben Salah") is True
    assert latin_close("", "", "Mohamed", "Ben Salah") is None


def test_name_key_empty_when_nothing_to_compare():
    assert name_key("", "") == ""
    assert name_key("123", "—") == ""


NAMEISH = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzâéèêîôûç -'ABCDEZ") + list("محدبنصالشعطرسيوفة")
    ),
    max_size=40,
)


@given(NAMEISH)
def test_key_is_plain_ascii_consonants(text):
    key = name_part_key(text)
    assert all("a" <= c <= "z" and c not in "aeiouyw" for c in key)
    assert skeleton("") == ""


@given(NAMEISH)
def test_key_ignores_case_accents_spacing_and_hyphens(text):
    base = name_part_key(text)
    assert name_part_key(text.upper()) == base
    assert name_part_key(f"  {text}  ") == base
    assert name_part_key(text.replace(" ", "-")) == base


SYLLABLES = st.lists(
    st.tuples(st.sampled_from("bflmnrz"), st.sampled_from("aeiou")), min_size=2, max_size=6
)


@given(SYLLABLES, st.data())
def test_vowel_changes_and_doubled_letters_keep_the_key(syllables, data):
    """Transliterations differ mostly in vowels (Mohamed / Mhamed / Mouhamed) and doubled
    letters (Mohamed / Mohammed): neither changes the key. (Two syllables at least: a lone
    "l" is read as the article.)"""
    name = "".join(c + v for c, v in syllables)
    respelt = "".join(
        c * data.draw(st.integers(1, 2)) + data.draw(st.sampled_from(["", "a", "e", "ou", "i"]))
        for c, _v in syllables
    )
    assert name_part_key(name) == name_part_key(respelt)


@given(NAMEISH, NAMEISH)
def test_name_key_never_crashes_and_fits_the_column(first, last):
    assert len(name_key(first, last)) <= 120


# --- The matcher on the database ------------------------------------------------------------


@pytest.fixture
def counsellor(persona):
    return persona("conseiller.sfax")


def _consenting(actor, **names):
    return BeneficiaryFactory(actor=actor, consent=True, **names)


@pytest.mark.django_db
def test_name_keys_are_stored_on_register_and_refreshed_on_edit(counsellor):
    person = _consenting(counsellor, first_name="Mohamed", last_name="Ben Salah")
    assert set(NameKey.objects.filter(beneficiary=person).values_list("key", flat=True)) == {
        "mhmd|bnsl"
    }
    actions.update_beneficiary(
        actor=counsellor,
        beneficiary=person,
        first_name_ar="محمد",
        last_name_ar="بن صالح",
        birth_date=datetime.date(1990, 5, 1),
    )
    rows = NameKey.objects.filter(beneficiary=person)
    assert {r.key for r in rows} == {"mhmd|bnsl"}
    assert {r.birth_date for r in rows} == {datetime.date(1990, 5, 1)}


@pytest.mark.django_db
def test_arabic_spelling_with_same_birth_date_is_a_duplicate(counsellor):
    existing = _consenting(counsellor, first_name="Mohamed", last_name="Chaabane")
    actions.update_beneficiary(
        actor=counsellor, beneficiary=existing, birth_date=datetime.date(1988, 3, 2)
    )
    _consenting(counsellor, first_name="Mohamed", last_name="Chaabane")  # no birth date
    probe = Probe(first_name_ar="محمد", last_name_ar="شعبان", birth_date=datetime.date(1988, 3, 2))
    matches = find_duplicates(probe, Beneficiary.objects.all())
    assert matches[0].beneficiary == existing
    assert matches[0].reasons == [Reason.NAME_AND_BIRTH]
    # The record without a birth date is a weaker match, shown after.
    assert [m.reasons[0] for m in matches[1:]] == [Reason.NAME]


@pytest.mark.django_db
def test_same_name_with_another_birth_date_is_not_a_duplicate(counsellor):
    existing = _consenting(counsellor, first_name="Mohamed", last_name="Trabelsi")
    actions.update_beneficiary(
        actor=counsellor, beneficiary=existing, birth_date=datetime.date(1980, 1, 1)
    )
    probe = Probe(first_name="Mhamed", last_name="Ettrabelsi", birth_date=datetime.date(1999, 1, 1))
    assert find_duplicates(probe, Beneficiary.objects.all()) == []


@pytest.mark.django_db
def test_close_name_typo_with_same_birth_date_is_found_through_the_birth_date(counsellor):
    existing = _consenting(counsellor, first_name="Mohamed Ali", last_name="Bouazizi")
    actions.update_beneficiary(
        actor=counsellor, beneficiary=existing, birth_date=datetime.date(1991, 7, 9)
    )
    probe = Probe(
        first_name="Mohamed Ali", last_name="Bouazzizzi", birth_date=datetime.date(1991, 7, 9)
    )
    matches = find_duplicates(probe, Beneficiary.objects.all())
    assert [m.beneficiary for m in matches] == [existing]
    probe = Probe(
        first_name="Mohamed Ali", last_name="Bouzidi", birth_date=datetime.date(1991, 7, 9)
    )
    matches = find_duplicates(probe, Beneficiary.objects.all())
    assert matches and matches[0].reasons == [Reason.CLOSE_NAME_AND_BIRTH]


@pytest.mark.django_db
def test_same_card_number_and_phone_are_duplicates_whatever_the_name(counsellor):
    existing = _consenting(counsellor, first_name="Amel", last_name="Jaziri")
    actions.update_beneficiary(actor=counsellor, beneficiary=existing, cin="01234567")
    matches = find_duplicates(
        Probe(first_name="X", last_name="Y", cin="01234567"), Beneficiary.objects.all()
    )
    assert [m.reasons for m in matches] == [[Reason.CIN]]
    matches = find_duplicates(Probe(phone=existing.phone), Beneficiary.objects.all())
    assert matches[0].beneficiary == existing and Reason.PHONE in matches[0].reasons


@pytest.mark.django_db
def test_the_record_being_edited_is_not_its_own_duplicate(counsellor):
    person = _consenting(counsellor, first_name="Sami", last_name="Gharbi")
    from masar.cases.rules.duplicates import probe_of

    assert find_duplicates(probe_of(person), Beneficiary.objects.all()) == []


@pytest.mark.django_db
def test_duplicate_search_uses_a_fixed_number_of_queries(counsellor, django_assert_max_num_queries):
    for i in range(15):
        _consenting(counsellor, first_name="Mohamed", last_name=f"Ben Salah{'h' * (i % 2)}")
    probe = Probe(
        first_name_ar="محمد", last_name_ar="بن صالح", birth_date=datetime.date(1990, 1, 1)
    )
    with django_assert_max_num_queries(4):
        matches = find_duplicates(probe, Beneficiary.objects.all())
    assert len(matches) == 15


# --- The pages ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_register_shows_arabic_spelling_duplicate_before_saving(counsellor, client_for, english):
    existing = _consenting(counsellor, first_name="Mohamed", last_name="Ben Salah")
    client = client_for("conseiller.sfax")
    count = Beneficiary.objects.count()
    form = {"first_name": "Mhamed", "last_name": "Bensalah", "last_name_ar": "بن صالح"}
    response = client.post(reverse("cases:beneficiary-register"), form)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="duplicates"' in body
    assert reverse("cases:beneficiary-detail", args=[existing.pk]) in body
    assert "same name" in body
    assert Beneficiary.objects.count() == count  # nothing saved
    response = client.post(
        reverse("cases:beneficiary-register"), {**form, "confirm_duplicate": "on"}
    )
    assert response.status_code == 302
    assert Beneficiary.objects.count() == count + 1


@pytest.mark.django_db
def test_register_never_names_a_duplicate_outside_ones_scope(persona, client_for, english):
    _consenting(persona("conseiller.sfax"), first_name="Wassim", last_name="Jlassi")
    response = client_for("conseiller.tunis").post(
        reverse("cases:beneficiary-register"), {"first_name": "Wassim", "last_name": "Jlassi"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 more possible match outside your scope" in body
    assert "Jlassi</a>" not in body


@pytest.mark.django_db
def test_edit_shows_a_card_number_duplicate_before_saving(counsellor, client_for, english):
    other = _consenting(counsellor, first_name="Amel", last_name="Jaziri")
    actions.update_beneficiary(actor=counsellor, beneficiary=other, cin="11223344")
    person = _consenting(counsellor, first_name="Imen", last_name="Mabrouk")
    client = client_for("conseiller.sfax")
    url = reverse("cases:beneficiary-edit", args=[person.pk])
    data = {"first_name": "Imen", "last_name": "Mabrouk", "phone": person.phone, "cin": "11223344"}
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "same card number" in body
    assert reverse("cases:beneficiary-detail", args=[other.pk]) in body
    person.refresh_from_db()
    assert person.cin is None


@pytest.mark.django_db
def test_edit_without_identity_change_saves_directly(counsellor, client_for):
    person = _consenting(counsellor, first_name="Imen", last_name="Mabrouk")
    _consenting(counsellor, first_name="Imen", last_name="Mabrouk")
    client = client_for("conseiller.sfax")
    url = reverse("cases:beneficiary-edit", args=[person.pk])
    data = {"first_name": "Imen", "last_name": "Mabrouk", "phone": person.phone, "sex": "F"}
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.sex == "F"


@pytest.mark.django_db
def test_api_duplicates_lists_scoped_matches_with_reasons(counsellor, persona, client):
    existing = _consenting(counsellor, first_name="Mohamed", last_name="Chaabane")
    url = reverse("api-v1:beneficiary-duplicates")
    query = {"first_name_ar": "محمد", "last_name_ar": "شعبان"}
    body = client.get(url, query, **token_headers(counsellor)).json()
    assert [i["beneficiary"]["id"] for i in body["items"]] == [str(existing.pk)]
    assert body["items"][0]["reasons"] == ["same_name"]
    tunis = client.get(url, query, **token_headers(persona("conseiller.tunis"))).json()
    assert tunis["items"] == [] and tunis["outside_scope"] == 1
    bad = client.get(url, {"cin": "12"}, **token_headers(counsellor))
    assert bad.status_code == 422


@pytest.mark.django_db
def test_duplicate_search_never_scans_a_whole_table(counsellor):
    """Every query of the search uses an index (SQLite's query plan): no full scan of the
    register, whatever its size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("query plans are checked on SQLite")
    _consenting(counsellor, first_name="Mohamed", last_name="Ben Salah")
    probe = Probe(
        first_name="Mhamed",
        last_name="Bensalah",
        birth_date=datetime.date(1990, 1, 1),
        cin="01234567",
        phone="+21698123456",
    )
    with CaptureQueriesContext(connection) as queries:
        find_duplicates(probe, Beneficiary.objects.all())
    assert len(queries) >= 3
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
            plan = " | ".join(row[-1] for row in cursor.fetchall())
            scans = [step for step in plan.split(" | ") if step.startswith("SCAN")]
            assert not scans, (query["sql"], plan)
