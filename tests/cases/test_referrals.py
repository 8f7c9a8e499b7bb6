"""Referrals: consent per kind of institution, the lifecycle, scoping, overdue reminders and
the figures per institution."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from masar.accounts.models import InstitutionKind
from masar.audit.models import AuditEvent
from masar.cases import actions
from masar.cases.actions import referrals as referral_actions
from masar.cases.models import CaseEvent, Consent, Referral, ReferralStatus
from masar.cases.tasks.referrals import send_overdue_referral_reminders
from tests.factories.cases import CaseFactory
from tests.factories.referrals import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def aneti(persona):
    return persona.institution("aneti-sfax")


@pytest.fixture
def cps(persona):
    return persona.institution("cps-sfax")


def _due(days=10):
    return timezone.localdate() + timedelta(days=days)


def _kinds(case, actor, kinds, *, referrals=True):
    """Record a new consent answer for referrals, limited to ``kinds``."""
    actions.record_consent(
        actor=actor,
        beneficiary=case.beneficiary,
        purposes={"referrals": referrals},
        text_version="tounesna-consent-fr-v2",
        language="ar",
        referral_kinds=kinds,
    )


def _send(actor, case, institution, **kwargs):
    return referral_actions.send_referral(
        actor=actor,
        case=case,
        institution=institution,
        reason=kwargs.pop("reason", "Needs a job."),
        due_date=kwargs.pop("due_date", _due()),
        **kwargs,
    )


def _kinds_of(case):
    return list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))


# --- Consent ---------------------------------------------------------------------------------


def test_consent_records_the_kinds_of_institution(sfax):
    case = CaseFactory(actor=sfax)
    _kinds(case, sfax, ["aneti", "cps", "aneti"])
    consent = Consent.objects.active().get(beneficiary=case.beneficiary, purpose="referrals")
    assert consent.institution_kinds == ["aneti", "cps"]
    assert consent.covers_kind("cps") and not consent.covers_kind("health")


def test_consent_refuses_unknown_kinds(sfax):
    case = CaseFactory(actor=sfax)
    before = Consent.objects.count()
    with pytest.raises(ValidationError) as exc:
        _kinds(case, sfax, ["ote_antenna"])
    assert "referral_kinds" in exc.value.message_dict
    assert Consent.objects.count() == before


def test_referral_to_a_kind_the_consent_does_not_cover_is_refused(sfax, aneti, cps, english):
    case = CaseFactory(actor=sfax)
    _kinds(case, sfax, ["aneti"])
    assert _send(sfax, case, aneti).status == "sent"
    events, audits = CaseEvent.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        _send(sfax, case, cps)
    assert exc.value.code == "consent_kind"
    assert "does not cover this kind of institution" in exc.value.messages[0]
    assert "Social promotion centre" in exc.value.messages[0]
    assert Referral.objects.filter(institution=cps).count() == 0
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == (events, audits)


def test_withdrawn_or_refused_consent_stops_new_referrals(sfax, aneti):
    case = CaseFactory(actor=sfax)
    first = _send(sfax, case, aneti)
    actions.withdraw_consent(actor=sfax, beneficiary=case.beneficiary, purpose="referrals")
    with pytest.raises(ValidationError) as exc:
        _send(sfax, case, aneti)
    assert exc.value.code == "no_consent"
    # What was already sent goes on.
    referral_actions.cancel_referral(actor=sfax, referral=first)
    _kinds(case, sfax, [], referrals=False)
    with pytest.raises(ValidationError):
        _send(sfax, case, aneti)
    assert Referral.objects.count() == 1


def test_consent_without_kinds_covers_every_kind(sfax, cps):
    case = CaseFactory(actor=sfax)  # full consent, no kinds named
    assert _send(sfax, case, cps).institution == cps


# --- Lifecycle -------------------------------------------------------------------------------


def test_whole_life_of_a_referral_is_dated_attributed_audited_and_on_the_timeline(
    sfax, aneti, persona
):
    officer = persona("aneti.sfax")
    case = CaseFactory(actor=sfax)
    referral = _send(sfax, case, aneti, reason="Registration as a job seeker.")
    assert (referral.status, referral.sent_by, referral.institution) == ("sent", sfax, aneti)
    referral = referral_actions.accept_referral(actor=officer, referral=referral)
    assert referral.responded_by == officer and referral.responded_at is not None
    referral = referral_actions.complete_referral(
        actor=officer, referral=referral, outcome="Registered; two interviews."
    )
    assert (referral.status, referral.completed_by) == ("completed", officer)
    referral = referral_actions.record_referral_feedback(
        actor=sfax, referral=referral, received=True, satisfaction=4, comment="Helpful."
    )
    assert (referral.feedback_received, referral.feedback_satisfaction) == (True, 4)
    assert _kinds_of(case)[-4:] == [
        "referral_sent",
        "referral_accepted",
        "referral_completed",
        "referral_feedback",
    ]
    audit = AuditEvent.objects.filter(object_type="cases.referral", object_id=str(referral.pk))
    assert list(audit.order_by("pk").values_list("action", "actor_id")) == [
        ("create", sfax.pk),
        ("update", officer.pk),
        ("update", officer.pk),
        ("update", sfax.pk),
    ]
    # The timeline names what happened, never the reason or the outcome.
    summaries = " ".join(e.text for e in CaseEvent.objects.filter(case=case))
    assert "job seeker" not in summaries and "interviews" not in summaries


def test_decline_needs_a_reason(sfax, aneti, persona, english):
    officer = persona("aneti.sfax")
    referral = ReferralFactory(actor=sfax, institution=aneti)
    with pytest.raises(ValidationError) as exc:
        referral_actions.decline_referral(actor=officer, referral=referral, reason="  ")
    assert exc.value.message_dict == {"reason": ["Say why the referral is declined."]}
    assert Referral.objects.get(pk=referral.pk).status == "sent"
    referral = referral_actions.decline_referral(
        actor=officer, referral=referral, reason="No vacancy."
    )
    assert (referral.status, referral.decline_reason) == ("declined", "No vacancy.")
    assert _kinds_of(referral.case)[-1] == "referral_declined"


@pytest.mark.parametrize(
    ("steps", "illegal"),
    [
        ((), "complete"),
        (("accept",), "accept"),
        (("decline",), "accept"),
        (("accept", "complete"), "cancel"),
        (("cancel",), "accept"),
    ],
)
def test_illegal_steps_are_refused_and_change_nothing(sfax, aneti, persona, steps, illegal):
    officer = persona("aneti.sfax")
    referral = ReferralFactory(actor=sfax, institution=aneti)
    calls = {
        "accept": lambda r: referral_actions.accept_referral(actor=officer, referral=r),
        "decline": lambda r: referral_actions.decline_referral(
            actor=officer, referral=r, reason="No."
        ),
        "complete": lambda r: referral_actions.complete_referral(
            actor=officer, referral=r, outcome="Done."
        ),
        "cancel": lambda r: referral_actions.cancel_referral(actor=sfax, referral=r),
    }
    for step in steps:
        referral = calls[step](referral)
    before = Referral.objects.get(pk=referral.pk).status
    with pytest.raises(ValidationError):
        calls[illegal](referral)
    assert Referral.objects.get(pk=referral.pk).status == before


def test_only_the_receiving_institution_answers(sfax, aneti, persona):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    for other in ("cps.sfax", "conseiller.sfax", "superviseur"):
        with pytest.raises(PermissionDenied):
            referral_actions.accept_referral(actor=persona(other), referral=referral)
    assert Referral.objects.get(pk=referral.pk).status == "sent"


def test_only_the_sending_side_cancels_and_records_feedback(sfax, aneti, persona):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    for other in ("aneti.sfax", "conseiller.tunis"):
        with pytest.raises(PermissionDenied):
            referral_actions.cancel_referral(actor=persona(other), referral=referral)
    referral = referral_actions.cancel_referral(actor=sfax, referral=referral, reason="Moved.")
    assert (referral.status, referral.cancelled_by) == ("cancelled", sfax)


def test_feedback_checks_its_values(sfax, aneti, persona):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    with pytest.raises(ValidationError):  # not accepted yet
        referral_actions.record_referral_feedback(actor=sfax, referral=referral, received=True)
    referral = referral_actions.accept_referral(actor=persona("aneti.sfax"), referral=referral)
    with pytest.raises(ValidationError) as exc:
        referral_actions.record_referral_feedback(
            actor=sfax, referral=referral, received=True, satisfaction=6
        )
    assert "satisfaction" in exc.value.message_dict
    assert Referral.objects.get(pk=referral.pk).feedback_at is None


def test_send_refuses_bad_input(sfax, aneti, persona, english):
    case = CaseFactory(actor=sfax)
    antenna = persona.institution("ote-tunis")
    cases = [
        ({"institution": antenna}, "institution"),
        ({"institution": aneti, "reason": " "}, "reason"),
        ({"institution": aneti, "due_date": timezone.localdate() - timedelta(days=1)}, "due_date"),
        ({"institution": aneti, "due_date": _due(400)}, "due_date"),
        ({"institution": None}, "institution"),
    ]
    for kwargs, field in cases:
        kwargs = {"reason": "Needs a job.", "due_date": _due(), **kwargs}
        with pytest.raises(ValidationError) as exc:
            referral_actions.send_referral(actor=sfax, case=case, **kwargs)
        assert field in exc.value.message_dict, kwargs
    actions.change_case_status(actor=sfax, case=case, to="closed", reason="Moved abroad.")
    with pytest.raises(ValidationError):
        _send(sfax, case, aneti)
    assert Referral.objects.count() == 0


def test_referral_to_a_directory_service_goes_to_its_institutions_inbox(sfax, aneti):
    from tests.factories.directory import OrganizationFactory, ServiceFactory

    service = ServiceFactory(organization=OrganizationFactory(institution=aneti))
    orphan = ServiceFactory()
    case = CaseFactory(actor=sfax)
    referral = referral_actions.send_referral(
        actor=sfax, case=case, service=service, reason="Training.", due_date=_due()
    )
    assert (referral.institution, referral.service) == (aneti, service)
    with pytest.raises(ValidationError) as exc:
        referral_actions.send_referral(
            actor=sfax, case=case, service=orphan, reason="Training.", due_date=_due()
        )
    assert "service" in exc.value.message_dict


def test_tunis_counsellor_cannot_refer_a_sfax_case(sfax, aneti, persona):
    case = CaseFactory(actor=sfax)
    with pytest.raises(PermissionDenied):
        _send(persona("conseiller.tunis"), case, aneti)


# --- Scoping ---------------------------------------------------------------------------------


def test_visible_to_case_staff_and_the_receiving_inbox_only(sfax, aneti, cps, persona):
    to_aneti = ReferralFactory(actor=sfax, institution=aneti)
    to_cps = ReferralFactory(actor=sfax, institution=cps)
    tunis = ReferralFactory(actor=persona("conseiller.tunis"), institution=aneti)

    def seen(name):
        return set(Referral.objects.visible_to(persona(name)))

    assert seen("conseiller.sfax") == {to_aneti, to_cps}
    assert seen("conseiller.tunis") == {tunis}
    assert seen("superviseur") == {to_aneti, to_cps, tunis}
    assert seen("aneti.sfax") == {to_aneti, tunis}
    assert seen("cps.sfax") == {to_cps}
    for nobody in ("suivi", "onm", "admin", "mediateur.lamarsa"):
        assert seen(nobody) == set()


# --- Overdue reminders -----------------------------------------------------------------------


def _overdue(referral, days=3):
    Referral.objects.filter(pk=referral.pk).update(
        due_date=timezone.localdate() - timedelta(days=days)
    )


def test_overdue_reminder_mails_both_sides_once_and_notes_the_timeline(
    sfax, aneti, persona, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "en"
    officer = persona("aneti.sfax")
    overdue = ReferralFactory(actor=sfax, institution=aneti)
    accepted = referral_actions.accept_referral(
        actor=officer, referral=ReferralFactory(actor=sfax, institution=aneti)
    )
    on_time = ReferralFactory(actor=sfax, institution=aneti)
    completed = referral_actions.complete_referral(
        actor=officer,
        referral=referral_actions.accept_referral(
            actor=officer, referral=ReferralFactory(actor=sfax, institution=aneti)
        ),
        outcome="Done.",
    )
    for referral in (overdue, accepted, completed):
        _overdue(referral)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = send_overdue_referral_reminders.enqueue()
    assert result.return_value == 2
    assert len(mail.outbox) == 4  # officer + counsellor, for each of the two overdue
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([officer.email, sfax.email] * 2)
    to_officer = next(m for m in mail.outbox if m.to == [officer.email])
    to_sender = next(m for m in mail.outbox if m.to == [sfax.email])
    assert "referral to your institution is overdue" in to_officer.subject
    assert "referral you sent is overdue" in to_sender.subject
    assert f"/cases/referrals/{overdue.pk}/" in to_officer.body or (
        f"/cases/referrals/{accepted.pk}/" in to_officer.body
    )
    # The e-mails name no person.
    for message in mail.outbox:
        for referral in (overdue, accepted):
            # the full name and phone: a random last name may be the officer's own
            assert referral.case.beneficiary.full_name not in message.body
            assert referral.case.beneficiary.phone not in message.body
    for referral in (overdue, accepted):
        assert _kinds_of(referral.case).count("referral_overdue") == 1
    assert "referral_overdue" not in _kinds_of(on_time.case)
    assert "referral_overdue" not in _kinds_of(completed.case)

    # Once per referral: a second run sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_overdue_referral_reminders.enqueue().return_value == 0
    assert mail.outbox == []


def test_management_command_runs_the_reminders(sfax, aneti, django_capture_on_commit_callbacks):
    referral = ReferralFactory(actor=sfax, institution=aneti)
    _overdue(referral)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_referral_reminders")
    assert Referral.objects.get(pk=referral.pk).overdue_notified_at is not None
    assert [m.to for m in mail.outbox] == [[sfax.email]]  # no officer at this ANETI yet


# --- Figures ---------------------------------------------------------------------------------


def test_figures_per_institution_in_two_queries(
    sfax, aneti, cps, persona, django_assert_num_queries
):
    officer, cps_officer = persona("aneti.sfax"), persona("cps.sfax")
    now = timezone.now()
    done = []
    for days_to_accept, days_to_complete in ((1, 3), (3, 5), (5, 20)):
        referral = ReferralFactory(actor=sfax, institution=aneti, due_date=_due(10))
        referral = referral_actions.accept_referral(actor=officer, referral=referral)
        referral = referral_actions.complete_referral(actor=officer, referral=referral, outcome="x")
        Referral.objects.filter(pk=referral.pk).update(
            sent_at=now - timedelta(days=days_to_complete),
            responded_at=now - timedelta(days=days_to_complete - days_to_accept),
            completed_at=now,
            due_date=(now - timedelta(days=days_to_complete) + timedelta(days=10)).date(),
        )
        done.append(referral)
    referral_actions.decline_referral(
        actor=cps_officer, referral=ReferralFactory(actor=sfax, institution=cps), reason="No."
    )
    ReferralFactory(actor=sfax, institution=cps)
    with django_assert_num_queries(2):
        rows = {r["institution__code"]: r for r in Referral.objects.figures_by_institution()}
    a, c = rows["aneti-sfax"], rows["cps-sfax"]
    assert (a["sent"], a["accepted"], a["declined"], a["completed"]) == (3, 3, 0, 3)
    assert a["completed_on_time"] == 2  # the 20-day one missed its 10-day due date
    assert a["median_to_accept_days"] == 3.0 and a["mean_to_accept_days"] == 3.0
    assert a["median_to_complete_days"] == 5.0
    assert a["mean_to_complete_days"] == round((3 + 5 + 20) / 3, 1)
    assert (c["sent"], c["accepted"], c["declined"], c["completed"]) == (2, 0, 1, 0)
    assert c["median_to_accept_days"] is None
    # Aggregates only: no row carries a person.
    assert not any("beneficiary" in key or key == "name" for key in a)


def test_factory_makes_a_sent_referral_covered_by_consent(sfax):
    referral = ReferralFactory(actor=sfax)
    assert referral.status == ReferralStatus.SENT
    assert referral.institution.kind == InstitutionKind.ANETI


def test_overdue_mail_reads_well(sfax, aneti, persona, english, django_capture_on_commit_callbacks):
    persona("aneti.sfax")
    referral = ReferralFactory(actor=sfax, institution=aneti)
    _overdue(referral)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_overdue_referral_reminders.enqueue()
    to_officer = next(m for m in mail.outbox if m.to == ["aneti.sfax@example.tn"])
    assert to_officer.body.startswith("Hello ")
    assert "A referral sent to your institution on" in to_officer.body
    assert f"/cases/referrals/{referral.pk}/" in to_officer.body
    assert "\n\n\n" not in to_officer.body


def test_sending_enqueues_a_reminder_for_the_day_after_the_due_date(
    sfax, aneti, settings, django_capture_on_commit_callbacks
):
    """With a backend that can run tasks later (the database backend of production), each
    referral enqueues its own reminder; the immediate backend of the tests cannot, and the
    cron command covers it."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    due = timezone.localdate() + timedelta(days=7)
    case = CaseFactory(actor=sfax)
    with django_capture_on_commit_callbacks(execute=True):
        referral = _send(sfax, case, aneti, due_date=due)
    task = DBTaskResult.objects.get(task_path__endswith="remind_referral_if_overdue")
    assert task.args_kwargs["args"] == [str(referral.pk)]
    assert timezone.localtime(task.run_after).date() == due + timedelta(days=1)
    # When it runs, it notes the referral only if it is still overdue.
    from masar.cases.tasks.referrals import remind_referral_if_overdue

    assert remind_referral_if_overdue.call(str(referral.pk)) is False
    _overdue(referral)
    assert remind_referral_if_overdue.call(str(referral.pk)) is True


def test_receiving_officers_are_told_of_a_new_referral(
    sfax, aneti, persona, english, django_capture_on_commit_callbacks
):
    officer = persona("aneti.sfax")
    persona("cps.sfax")  # another institution's officer: not told
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        referral = ReferralFactory(actor=sfax, institution=aneti)
    assert [m.to for m in mail.outbox] == [[officer.email]]
    message = mail.outbox[0]
    assert "new referral for your institution" in message.subject
    assert f"/cases/referrals/{referral.pk}/" in message.body
    assert referral.case.beneficiary.full_name not in message.body
