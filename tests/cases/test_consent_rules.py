"""Nothing beyond a name and a contact before consent; withdrawal stops what it covers."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from masar.audit.models import AuditEvent
from masar.cases import actions
from masar.cases.models import Beneficiary, CaseEvent, Consent
from tests.factories.cases import ALL_PURPOSES, BeneficiaryFactory, record_full_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(persona):
    return persona("conseiller.sfax")


def test_register_beneficiary_keeps_name_and_normalised_phone(counsellor):
    person = actions.register_beneficiary(
        actor=counsellor, first_name=" Amine ", last_name="Trabelsi", phone="98 123 456"
    )
    assert (person.first_name, person.phone) == ("Amine", "+21698123456")
    assert person.institution == counsellor.institution
    assert AuditEvent.objects.filter(object_id=str(person.pk), action="create").exists()


def test_register_beneficiary_invalid_phone_changes_nothing(counsellor, english):
    with pytest.raises(ValidationError) as exc:
        actions.register_beneficiary(actor=counsellor, first_name="A", last_name="B", phone="123")
    assert "phone" in exc.value.error_dict
    assert not Beneficiary.objects.exists()


def test_register_beneficiary_accepts_only_name_and_contact(counsellor):
    with pytest.raises(TypeError):
        actions.register_beneficiary(
            actor=counsellor, first_name="A", last_name="B", cin="01234567"
        )


def test_update_beneficiary_before_consent_refuses_beyond_name_and_contact(counsellor, english):
    person = BeneficiaryFactory(actor=counsellor)
    actions.update_beneficiary(actor=counsellor, beneficiary=person, first_name_ar="أمين")
    for field, value in [
        ("cin", "01234567"),
        ("returned_from", "IT"),
        ("birth_date", datetime.date(1990, 1, 1)),
        ("return_kind", "forced"),
    ]:
        with pytest.raises(ValidationError) as exc:
            actions.update_beneficiary(actor=counsellor, beneficiary=person, **{field: value})
        assert "consent" in exc.value.messages[0]
    person.refresh_from_db()
    assert (person.cin, person.returned_from, person.first_name_ar) == (None, "", "أمين")


def test_update_beneficiary_after_consent_records_and_masks_legal(counsellor):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    actions.update_beneficiary(
        actor=counsellor,
        beneficiary=person,
        cin="01234567",
        returned_from="it",
        return_kind="forced",
        return_date=datetime.date(2024, 5, 1),
    )
    person.refresh_from_db()
    assert (person.cin, person.returned_from, person.return_kind) == ("01234567", "IT", "forced")
    event = AuditEvent.objects.filter(object_id=str(person.pk), action="update").get()
    assert event.changes["return_kind"] == "•••"
    assert event.changes["cin"] == [None, "01234567"]


def test_update_beneficiary_duplicate_cin_refused(counsellor, english):
    first = BeneficiaryFactory(actor=counsellor, consent=True)
    second = BeneficiaryFactory(actor=counsellor, consent=True)
    actions.update_beneficiary(actor=counsellor, beneficiary=first, cin="01234567")
    with pytest.raises(ValidationError) as exc:
        actions.update_beneficiary(actor=counsellor, beneficiary=second, cin="01234567")
    assert "already registered" in exc.value.message_dict["cin"][0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cin", "1234567"),
        ("returned_from", "ZZ"),
        ("birth_date", datetime.date(2999, 1, 1)),
        ("return_date", datetime.date(2999, 1, 1)),
    ],
)
def test_update_beneficiary_bad_input_changes_nothing(counsellor, field, value):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    with pytest.raises(ValidationError) as exc:
        actions.update_beneficiary(actor=counsellor, beneficiary=person, **{field: value})
    assert field in exc.value.message_dict
    fresh = Beneficiary.objects.get(pk=person.pk)
    assert getattr(fresh, field) in (None, "")


def test_withdraw_consent_stops_edits_and_case_opening(counsellor, english):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    actions.update_beneficiary(actor=counsellor, beneficiary=person, returned_from="FR")
    actions.withdraw_consent(actor=counsellor, beneficiary=person, purpose="case_management")
    with pytest.raises(ValidationError):
        actions.update_beneficiary(actor=counsellor, beneficiary=person, returned_from="IT")
    with pytest.raises(ValidationError) as exc:
        actions.open_case(actor=counsellor, beneficiary=person)
    assert "consent" in exc.value.messages[0]
    # Other purposes stay active.
    assert set(Consent.objects.active().values_list("purpose", flat=True)) == set(ALL_PURPOSES) - {
        "case_management"
    }


def test_withdraw_consent_nothing_to_withdraw_is_refused(counsellor):
    person = BeneficiaryFactory(actor=counsellor)
    with pytest.raises(ValidationError):
        actions.withdraw_consent(actor=counsellor, beneficiary=person, purpose="statistics")


def test_consent_refused_or_expired_is_not_active(counsellor):
    person = BeneficiaryFactory(actor=counsellor)
    record_full_consent(person, actor=counsellor, purposes={"case_management": False})
    assert not Consent.objects.active().exists()
    consent = record_full_consent(person, actor=counsellor, purposes={"case_management": True})[0]
    assert Consent.objects.active().get() == consent
    Consent.objects.filter(pk=consent.pk).update(
        expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    assert not Consent.objects.active().exists()
    with pytest.raises(ValidationError):
        actions.open_case(actor=counsellor, beneficiary=person)


def test_record_consent_new_answer_ends_previous(counsellor):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    record_full_consent(person, actor=counsellor, purposes={"statistics": False})
    assert not Consent.objects.active().filter(purpose="statistics").exists()
    assert Consent.objects.filter(purpose="statistics").count() == 2


def test_record_consent_bad_input_refused(counsellor):
    person = BeneficiaryFactory(actor=counsellor)
    with pytest.raises(ValidationError) as exc:
        actions.record_consent(
            actor=counsellor,
            beneficiary=person,
            purposes={"marketing": True},
            text_version=" ",
            language="en",
        )
    assert set(exc.value.message_dict) == {"purposes", "text_version", "language"}
    assert not Consent.objects.exists()


def test_withdraw_consent_appears_on_open_case_timeline(counsellor):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    case = actions.open_case(actor=counsellor, beneficiary=person)
    actions.withdraw_consent(actor=counsellor, beneficiary=person, purpose="referrals")
    assert list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True)) == [
        "opened",
        "consent_withdrawn",
    ]
