"""The desk actions: validation (nothing changed on bad input), idempotency, audit rows,
scoping, sessions, orientations reached, linking a person, outreach."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases.models import Beneficiary, Case, Consent
from masar.desk import actions
from masar.desk.models import (
    ContactTopic,
    DeskContact,
    DeskSession,
    Orientation,
    OutreachActivity,
    SessionStatus,
)
from masar.desk.schedule import next_openings

pytestmark = pytest.mark.usefixtures("english")


def _record(persona, desk, **kwargs):
    values = {"status": "migrant", "topics": ["health"]} | kwargs
    return actions.record_desk_contact(actor=persona("mediateur.lamarsa"), desk=desk, **values)


def test_record_contact_with_two_orientations_is_audited(persona, marsa_desk, services):
    contact = _record(
        persona,
        marsa_desk,
        topics=["health", "schooling"],
        services=[services["health"], services["school"]],
        nationality="ci",
        age_group="25-34",
        sex="female",
    )
    assert contact.reference.startswith("LAM-") and len(contact.reference) == 10
    assert contact.nationality == "CI"
    assert sorted(contact.topics.values_list("topic", flat=True)) == ["health", "schooling"]
    assert contact.orientations.count() == 2
    event = AuditEvent.objects.get(object_id=str(contact.pk), action="create")
    assert event.actor_username == "mediateur.lamarsa"
    assert contact.beneficiary is None  # anonymous by default


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"status": "tourist"}, "status"),
        ({"topics": []}, "topics"),
        ({"topics": ["astrology"]}, "topics"),
        ({"nationality": "XX"}, "nationality"),
        ({"nationality": "Tunisie"}, "nationality"),
        ({"contacted_on": timezone.localdate() + datetime.timedelta(days=1)}, "contacted_on"),
    ],
)
def test_bad_contact_input_changes_nothing(persona, marsa_desk, values, field):
    with pytest.raises(ValidationError) as exc:
        _record(persona, marsa_desk, **values)
    assert field in exc.value.message_dict
    assert not DeskContact.objects.exists() and not ContactTopic.objects.exists()


def test_orientations_only_to_published_services(persona, marsa_desk, services):
    with pytest.raises(ValidationError) as exc:
        _record(persona, marsa_desk, services=[services["draft"]])
    assert "published services" in exc.value.message_dict["services"][0]
    assert not DeskContact.objects.exists()


def test_same_idempotency_key_never_makes_two_contacts(persona, marsa_desk, services):
    first = _record(persona, marsa_desk, services=[services["health"]], idempotency_key="k-1")
    second = _record(persona, marsa_desk, services=[services["school"]], idempotency_key="k-1")
    assert first.pk == second.pk
    assert DeskContact.objects.count() == 1 and Orientation.objects.count() == 1


def test_counsellor_of_tunis_cannot_record_at_la_marsa(persona, marsa_desk):
    with pytest.raises(PermissionDenied):
        actions.record_desk_contact(
            actor=persona("conseiller.tunis"), desk=marsa_desk, status="migrant", topics=["rights"]
        )
    assert not DeskContact.objects.exists()


def test_todays_held_session_is_linked_and_a_foreign_session_refused(
    persona, marsa_desk, tunis_desk
):
    today = timezone.localdate()
    session = actions.record_session(
        actor=persona("admin"),
        desk=marsa_desk,
        held_on=today,
        starts_at=datetime.time(9),
        ends_at=datetime.time(13),
        mediators=[persona("mediateur.lamarsa")],
    )
    assert _record(persona, marsa_desk).session == session
    other = actions.record_session(
        actor=persona("admin"),
        desk=tunis_desk,
        held_on=today,
        starts_at=datetime.time(9),
        ends_at=datetime.time(13),
    )
    with pytest.raises(ValidationError) as exc:
        _record(persona, marsa_desk, session=other)
    assert "session" in exc.value.message_dict


def test_cancelled_session_is_skipped_by_the_next_openings(persona, marsa_desk):
    now = timezone.now()
    first_start, _end = next_openings(marsa_desk, now=now, count=1)[0]
    actions.record_session(
        actor=persona("admin"),
        desk=marsa_desk,
        held_on=first_start.date(),
        starts_at=datetime.time(9),
        ends_at=datetime.time(13),
        status=SessionStatus.CANCELLED,
        note="Formation",
    )
    assert next_openings(marsa_desk, now=now, count=1)[0][0].date() != first_start.date()
    assert AuditEvent.objects.filter(object_type="desk.desksession").exists()


def test_a_session_cannot_be_held_in_the_future_and_is_recorded_by_the_desk_staff(
    persona, marsa_desk
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        actions.record_session(
            actor=persona("admin"),
            desk=marsa_desk,
            held_on=tomorrow,
            starts_at=datetime.time(9),
            ends_at=datetime.time(13),
        )
    # A counsellor of another institution neither records nor manages this desk.
    with pytest.raises(PermissionDenied):
        actions.record_session(
            actor=persona("conseiller.tunis"),
            desk=marsa_desk,
            held_on=timezone.localdate(),
            starts_at=datetime.time(9),
            ends_at=datetime.time(13),
        )
    assert not DeskSession.objects.exists()
    # The desk's mediator records the session held today.
    session = actions.record_session(
        actor=persona("mediateur.lamarsa"),
        desk=marsa_desk,
        held_on=timezone.localdate(),
        starts_at=datetime.time(9),
        ends_at=datetime.time(13),
        mediators=[persona("mediateur.lamarsa")],
    )
    assert session.recorded_by.username == "mediateur.lamarsa"


def test_mark_orientation_reached_is_audited(persona, marsa_desk, services):
    contact = _record(persona, marsa_desk, services=[services["health"]])
    orientation = contact.orientations.get()
    actions.mark_orientation_reached(
        actor=persona("mediateur.lamarsa"), orientation=orientation, reached="yes"
    )
    orientation.refresh_from_db()
    assert orientation.reached == "yes" and orientation.reached_noted_by.username == (
        "mediateur.lamarsa"
    )
    assert AuditEvent.objects.filter(object_id=str(orientation.pk), action="update").exists()
    with pytest.raises(ValidationError):
        actions.mark_orientation_reached(
            actor=persona("mediateur.lamarsa"), orientation=orientation, reached="maybe"
        )
    with pytest.raises(PermissionDenied):
        actions.mark_orientation_reached(
            actor=persona("conseiller.tunis"), orientation=orientation, reached="no"
        )


def test_desk_is_held_by_ones_own_institution_and_orients_to_published_services(persona, services):
    supervisor = persona("superviseur")
    values = {"code": "new-desk", "name_fr": "Nouveau guichet"}
    with pytest.raises(ValidationError) as exc:
        actions.create_desk(actor=supervisor, holder=persona.institution("mun-la-marsa"), **values)
    assert "holder" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.create_desk(
            actor=supervisor,
            holder=supervisor.institution,
            services=[services["draft"]],
            **values,
        )
    assert "services" in exc.value.message_dict
    desk = actions.create_desk(
        actor=supervisor, holder=supervisor.institution, services=[services["health"]], **values
    )
    assert list(desk.services.all()) == [services["health"]]
    assert AuditEvent.objects.filter(object_id=str(desk.pk), action="create").exists()
    # The system administrator (every desk) may place a desk anywhere.
    actions.create_desk(
        actor=persona("admin"),
        holder=persona.institution("mun-la-marsa"),
        code="other",
        name_fr="Autre",
    )


def test_openings_do_not_overlap_and_mediators_come_from_the_holder(persona, marsa_desk):
    admin = persona("admin")
    with pytest.raises(ValidationError):
        actions.add_opening(
            actor=admin,
            desk=marsa_desk,
            weekday=2,
            opens_at=datetime.time(12),
            closes_at=datetime.time(15),
        )
    with pytest.raises(ValidationError):
        actions.add_opening(
            actor=admin,
            desk=marsa_desk,
            weekday=4,
            opens_at=datetime.time(15),
            closes_at=datetime.time(12),
        )
    actions.add_opening(
        actor=admin,
        desk=marsa_desk,
        weekday=4,
        opens_at=datetime.time(9),
        closes_at=datetime.time(12),
    )
    assert marsa_desk.openings.count() == 2
    with pytest.raises(ValidationError):
        actions.set_mediators(actor=admin, desk=marsa_desk, mediators=[persona("conseiller.tunis")])


def test_linking_needs_consent_and_case_rights(persona, tunis_desk):
    counsellor = persona("conseiller.tunis")
    contact = actions.record_desk_contact(
        actor=counsellor, desk=tunis_desk, status="returnee", topics=["reintegration"]
    )
    person = {"first_name": "Amel", "last_name": "Ben Salah", "phone": "98123456"}
    with pytest.raises(ValidationError) as exc:
        actions.link_contact_person(actor=counsellor, contact=contact, consent=False, **person)
    assert "consent" in exc.value.message_dict
    assert not Beneficiary.objects.exists()
    linked = actions.link_contact_person(
        actor=counsellor, contact=contact, consent=True, open_reintegration_case=True, **person
    )
    assert linked.beneficiary.last_name == "Ben Salah"
    assert Consent.objects.filter(beneficiary=linked.beneficiary, granted=True).exists()
    assert Case.objects.get(beneficiary=linked.beneficiary) == linked.case


def test_a_mediator_cannot_link_a_contact(persona, marsa_desk):
    contact = _record(persona, marsa_desk)
    with pytest.raises(PermissionDenied):
        actions.link_contact_person(
            actor=persona("mediateur.lamarsa"),
            contact=contact,
            first_name="A",
            last_name="B",
            consent=True,
        )
    assert not Beneficiary.objects.exists()


@pytest.mark.parametrize(
    ("counts", "field"),
    [
        ({"reached_women": 3, "reached_minors": 5}, "reached_minors"),
        ({"reached_women": -2}, "reached_women"),
        ({"reached_men": 2_000_000}, "reached_men"),
        ({}, "reached_women"),
    ],
)
def test_outreach_counts_are_validated(persona, marsa_desk, counts, field):
    with pytest.raises(ValidationError) as exc:
        actions.record_outreach(
            actor=persona("mediateur.lamarsa"),
            holder=marsa_desk.holder,
            desk=marsa_desk,
            kind="peer_school",
            title="Séance au lycée",
            held_on=timezone.localdate(),
            **counts,
        )
    assert field in exc.value.message_dict
    assert not OutreachActivity.objects.exists()


def test_outreach_is_recorded_once_and_audited(persona, marsa_desk):
    values = {
        "actor": persona("mediateur.lamarsa"),
        "holder": marsa_desk.holder,
        "desk": marsa_desk,
        "kind": "performance",
        "title": "Théâtre-forum",
        "held_on": timezone.localdate(),
        "reached_women": 20,
        "reached_men": 15,
        "reached_minors": 30,
        "idempotency_key": "o-1",
    }
    first = actions.record_outreach(**values)
    assert actions.record_outreach(**values).pk == first.pk
    assert first.reached_total == 35
    assert AuditEvent.objects.filter(object_id=str(first.pk), action="create").count() == 1
    with pytest.raises(PermissionDenied):
        actions.record_outreach(
            **(values | {"actor": persona("conseiller.tunis"), "idempotency_key": "o-2"})
        )


def test_contact_factory_publishes_the_services_it_is_given(persona, marsa_desk, services):
    from tests.factories.desk import DeskContactFactory

    contact = DeskContactFactory(desk=marsa_desk, services=[services["draft"]])
    assert contact.orientations.get().service == services["draft"]
