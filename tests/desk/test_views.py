"""Desk pages through the real HTTP stack: the contact form (fr, ar, en), saving twice by a
double tap, the slip, the contact list's queries, orientations reached, linking, desks and
outreach."""

import datetime
import re

import pytest
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.desk import actions
from masar.desk.models import DeskContact, DeskPoint, DeskSession, OutreachActivity
from masar.desk.slip import SMS_LIMIT
from tests.factories.desk import DeskContactFactory


def _contact_data(services, key="tap-1", **extra):
    return {
        "idempotency_key": key,
        "status": "migrant",
        "topics": ["health", "schooling"],
        "services": [str(s.pk) for s in services],
        "sex": "female",
        "age_group": "25-34",
        "nationality": "CI",
    } | extra


@pytest.mark.parametrize(
    ("lang", "rtl", "word"), [("fr", False, "Statut"), ("ar", True, ""), ("en", False, "Status")]
)
def test_contact_form_renders_in_each_language(client_for, marsa_desk, services, lang, rtl, word):
    client = client_for("mediateur.lamarsa")
    client.cookies["django_language"] = lang
    response = client.get(f"/desk/{marsa_desk.pk}/contacts/new/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}">' in html
    assert 'data-testid="contact-form"' in html
    for value in ("returnee", "migrant", "young_tunisian", "other"):
        assert f'data-testid="status-{value}"' in html
    assert f'data-testid="orientation-{services["health"].pk}"' in html
    assert f'data-testid="orientation-{services["draft"].pk}"' not in html
    # Tunisia first among the nationalities.
    assert html.index('value="TN"') < html.index('value="FR"')
    assert word in html


def test_double_tap_saves_one_contact_and_shows_the_slip(client_for, marsa_desk, services):
    client = client_for("mediateur.lamarsa")
    url = f"/desk/{marsa_desk.pk}/contacts/new/"
    data = _contact_data([services["health"], services["school"]])
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    contact = DeskContact.objects.get()
    assert first["Location"] == second["Location"] == f"/desk/contacts/{contact.pk}/slip/"
    assert contact.orientations.count() == 2 and contact.recorded_by.username == "mediateur.lamarsa"
    assert contact.idempotency_key == "tap-1"  # the action's own guard, behind the middleware


def test_bad_contact_is_refused_with_a_message(client_for, marsa_desk, english):
    client = client_for("mediateur.lamarsa")
    response = client.post(
        f"/desk/{marsa_desk.pk}/contacts/new/", {"idempotency_key": "x", "status": "migrant"}
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not DeskContact.objects.exists()


def test_search_keeps_the_page_and_offers_other_published_services(
    client_for, marsa_desk, services
):
    from tests.factories.desk import published_service

    other = published_service(name_fr="Consultations juridiques gratuites")
    client = client_for("mediateur.lamarsa")
    html = client.get(f"/desk/{marsa_desk.pk}/contacts/new/?q=juridiques").content.decode()
    assert f'data-testid="orientation-{other.pk}"' in html
    # Orienting to a service outside the desk's list works too.
    client.post(f"/desk/{marsa_desk.pk}/contacts/new/", _contact_data([other]))
    assert DeskContact.objects.get().orientations.get().service == other


def test_slip_shows_each_service_in_the_chosen_language_and_a_short_text(
    client_for, persona, marsa_desk, services
):
    contact = DeskContactFactory(
        actor=persona("mediateur.lamarsa"),
        desk=marsa_desk,
        services=[services["health"], services["school"]],
        topics=["health"],
        nationality="CM",
    )
    client = client_for("mediateur.lamarsa")
    html = client.get(f"/desk/contacts/{contact.pk}/slip/?lang=ar").content.decode()
    assert html.count('data-testid="slip-service"') == 2
    assert "شباك المرسى" in html and contact.reference in html
    assert 'lang="ar" dir="rtl" data-testid="slip"' in html
    sms = re.search(r'data-testid="slip-sms-text">(.*?)</textarea>', html, re.S).group(1)
    assert 0 < len(sms) <= SMS_LIMIT and contact.reference in sms
    assert "sms:?body=" in html
    # Nothing personal: no profile on the slip.
    assert "CM" not in re.search(r'data-testid="slip">(.*?)</article>', html, re.S).group(1)
    fr = client.get(f"/desk/contacts/{contact.pk}/slip/?lang=fr").content.decode()
    assert "Centre de santé de base La Marsa" in fr and "Guichet de La Marsa" in fr
    assert "desk.css" in fr  # the print stylesheet


def test_sms_text_stays_short_with_many_long_services(persona, marsa_desk):
    from masar.desk import slip
    from tests.factories.desk import published_service

    many = [published_service(name_fr="Service au nom très long " * 4 + str(n)) for n in range(10)]
    contact = DeskContactFactory(actor=persona("mediateur.lamarsa"), desk=marsa_desk, services=many)
    services = slip.slip_services(contact, "fr")
    text = slip.sms_text(contact, services, "fr")
    assert len(text) <= SMS_LIMIT and text.count("\n") == 10


def test_mediator_gets_404_on_an_ote_tunis_desk(client_for, tunis_desk, persona):
    client = client_for("mediateur.lamarsa")
    assert client.get(f"/desk/{tunis_desk.pk}/").status_code == 404
    assert client.get(f"/desk/{tunis_desk.pk}/contacts/new/").status_code == 404
    contact = DeskContactFactory(actor=persona("conseiller.tunis"), desk=tunis_desk)
    assert client.get(f"/desk/contacts/{contact.pk}/slip/").status_code == 404


def test_counsellor_of_tunis_cannot_record_at_la_marsa(client_for, marsa_desk, services):
    client = client_for("conseiller.tunis")
    response = client.post(f"/desk/{marsa_desk.pk}/contacts/new/", _contact_data([]))
    assert response.status_code == 404
    assert not DeskContact.objects.exists()


def test_contact_list_queries_do_not_grow_with_the_page(
    client_for, persona, marsa_desk, services, django_assert_num_queries
):
    client = client_for("mediateur.lamarsa")
    mediator = persona("mediateur.lamarsa")
    for _n in range(3):
        DeskContactFactory(actor=mediator, desk=marsa_desk, services=[services["health"]])
    url = f"/desk/{marsa_desk.pk}/contacts/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _n in range(12):
        DeskContactFactory(
            actor=mediator, desk=marsa_desk, services=[services["health"], services["school"]]
        )
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('class="list-group-item"') == 15


def test_contact_list_filters_by_date_and_pending(client_for, persona, marsa_desk, services):
    mediator = persona("mediateur.lamarsa")
    old = DeskContactFactory(
        actor=mediator,
        desk=marsa_desk,
        services=[services["health"]],
        contacted_on=timezone.localdate() - datetime.timedelta(days=40),
    )
    recent = DeskContactFactory(actor=mediator, desk=marsa_desk, services=[services["health"]])
    actions.mark_orientation_reached(
        actor=mediator, orientation=recent.orientations.get(), reached="yes"
    )
    client = client_for("mediateur.lamarsa")
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    html = client.get(f"/desk/{marsa_desk.pk}/contacts/?date_from={since}").content.decode()
    assert recent.reference in html and old.reference not in html
    html = client.get(f"/desk/{marsa_desk.pk}/contacts/?pending=on").content.decode()
    assert old.reference in html and recent.reference not in html


def test_marking_reached_from_the_list(client_for, persona, marsa_desk, services):
    contact = DeskContactFactory(
        actor=persona("mediateur.lamarsa"), desk=marsa_desk, services=[services["health"]]
    )
    orientation = contact.orientations.get()
    client = client_for("mediateur.lamarsa")
    back = f"/desk/{marsa_desk.pk}/contacts/?pending=on"
    response = client.post(
        f"/desk/orientations/{orientation.pk}/reached/", {"reached": "no", "next": back}
    )
    assert response.status_code == 302 and response["Location"] == back
    orientation.refresh_from_db()
    assert orientation.reached == "no"
    assert AuditEvent.objects.filter(object_id=str(orientation.pk), action="update").exists()


def test_mediator_sees_why_linking_is_for_counsellors(client_for, persona, marsa_desk, english):
    contact = DeskContactFactory(actor=persona("mediateur.lamarsa"), desk=marsa_desk)
    client = client_for("mediateur.lamarsa")
    html = client.get(f"/desk/contacts/{contact.pk}/link/").content.decode()
    assert 'data-testid="link-explanation"' in html and "OTE" in html
    response = client.post(
        f"/desk/contacts/{contact.pk}/link/",
        {"first_name": "A", "last_name": "B", "consent": "on", "consent_language": "fr"},
    )
    assert response.status_code == 403


def test_counsellor_links_a_returnee_with_consent(client_for, persona, tunis_desk, english):
    contact = DeskContactFactory(
        actor=persona("conseiller.tunis"), desk=tunis_desk, status="returnee"
    )
    client = client_for("conseiller.tunis")
    url = f"/desk/contacts/{contact.pk}/link/"
    person = {"first_name": "Amel", "last_name": "Ben Salah", "consent_language": "ar"}
    refused = client.post(url, person | {"open_reintegration_case": "on"})
    assert refused.status_code == 200 and "consent" in refused.content.decode()
    contact.refresh_from_db()
    assert contact.beneficiary is None
    response = client.post(url, person | {"consent": "on", "open_reintegration_case": "on"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.beneficiary.last_name == "Ben Salah" and contact.case is not None
    assert "Ben Salah" in client.get(f"/desk/contacts/{contact.pk}/").content.decode()
    assert AuditEvent.objects.filter(
        action="read", object_id=str(contact.beneficiary_id), actor_username="conseiller.tunis"
    ).exists()
    # Nothing personal on the slip, even once the contact names a person.
    assert "Ben Salah" not in client.get(f"/desk/contacts/{contact.pk}/slip/").content.decode()
    # The supervisor of the antennas sees the person, hence the name.
    html = client_for("superviseur").get(f"/desk/contacts/{contact.pk}/").content.decode()
    assert "Ben Salah" in html


def test_manager_creates_a_desk_and_adds_an_opening(client_for, persona, services):
    client = client_for("superviseur")
    response = client.post(
        "/desk/new/",
        {
            "code": "siege",
            "name_fr": "Accueil du siège",
            "holder": persona.institution("ote-siege").pk,
            "is_public": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    desk = DeskPoint.objects.get(code="siege")
    client.post(
        f"/desk/{desk.pk}/openings/", {"weekday": "1", "opens_at": "09:00", "closes_at": "13:00"}
    )
    assert desk.openings.count() == 1
    client.post(f"/desk/{desk.pk}/services/", {"services": [str(services["health"].pk)]})
    assert list(desk.services.all()) == [services["health"]]
    response = client.post(
        f"/desk/{desk.pk}/sessions/new/",
        {
            "status": "held",
            "held_on": timezone.localdate().isoformat(),
            "starts_at": "09:00",
            "ends_at": "13:00",
            "idempotency_key": "s-1",
        },
    )
    assert response.status_code == 302 and DeskSession.objects.filter(desk=desk).count() == 1


def test_desk_pages_render_in_three_languages(client_for, marsa_desk):
    client = client_for("mediateur.lamarsa")
    for lang in ("fr", "ar", "en"):
        client.cookies["django_language"] = lang
        for url in ("/desk/", f"/desk/{marsa_desk.pk}/", "/desk/outreach/", "/desk/outreach/new/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'lang="{lang}"' in response.content.decode()


def test_outreach_form_refuses_more_minors_than_people(client_for, marsa_desk, english):
    client = client_for("mediateur.lamarsa")
    data = {
        "kind": "peer_school",
        "title": "Séance au lycée",
        "held_on": timezone.localdate().isoformat(),
        "desk": str(marsa_desk.pk),
        "reached_women": "5",
        "reached_men": "5",
        "reached_unspecified": "0",
        "reached_minors": "20",
        "idempotency_key": "o-1",
    }
    response = client.post("/desk/outreach/new/", data)
    assert response.status_code == 200 and "under 18" in response.content.decode()
    assert not OutreachActivity.objects.exists()
    response = client.post(
        "/desk/outreach/new/", data | {"reached_minors": "8", "idempotency_key": "o-2"}
    )
    assert response.status_code == 302
    assert OutreachActivity.objects.get().holder == marsa_desk.holder


def test_manager_edits_a_desk_and_names_its_mediators(client_for, persona, tunis_desk):
    client = client_for("superviseur")
    counsellor = persona("conseiller.tunis")
    response = client.post(
        f"/desk/{tunis_desk.pk}/edit/",
        {
            "name_fr": "Accueil de l'antenne de Tunis",
            "holder": tunis_desk.holder_id,
            "latitude": "36.8",
            "longitude": "10.18",
            "is_public": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, re.findall(
        r'role="alert"><div>([^<]*)', response.content.decode()
    )
    tunis_desk.refresh_from_db()
    assert tunis_desk.name_fr == "Accueil de l'antenne de Tunis" and tunis_desk.code == "ote-tunis"
    event = AuditEvent.objects.filter(object_id=str(tunis_desk.pk), action="update").latest("seq")
    assert "name_fr" in event.changes
    client.post(f"/desk/{tunis_desk.pk}/mediators/", {"mediators": [counsellor.pk]})
    assert list(tunis_desk.mediators.all()) == [counsellor]
    # Coordinates outside Tunisia are refused, nothing changed.
    response = client.post(
        f"/desk/{tunis_desk.pk}/edit/",
        {"name_fr": "X", "holder": tunis_desk.holder_id, "latitude": "48.85", "longitude": "2.35"},
    )
    assert response.status_code == 200
    tunis_desk.refresh_from_db()
    assert tunis_desk.name_fr == "Accueil de l'antenne de Tunis"
