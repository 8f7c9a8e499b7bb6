"""Follow-up visits, sustainability scores and transfers: the actions (rules, audit,
timeline) and the pages through HTTP (scoping, policy, no N+1)."""

import datetime
import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masar.accounts.models import InstitutionKind
from masar.audit.models import AuditEvent
from masar.cases import actions
from masar.cases.actions import followups
from masar.cases.models import (
    Case,
    CaseEvent,
    CaseTransfer,
    FollowUpVisit,
    SustainabilityScore,
)
from masar.cases.scoring import CURRENT_VERSION
from tests.factories.accounts import InstitutionFactory
from tests.factories.cases import CaseFactory
from tests.factories.followups import (
    backdate_support,
    case_in_support,
    survey_answers,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


def kinds(case):
    return list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))


# --- Scheduling -----------------------------------------------------------------------------


def test_entering_support_schedules_visits_at_3_6_12_months(sfax):
    case = case_in_support(actor=sfax)
    visits = list(FollowUpVisit.objects.filter(case=case).order_by("month"))
    today = TODAY()
    assert [(v.month, v.due_on) for v in visits] == [
        (m, followups.add_months(today, m)) for m in (3, 6, 12)
    ]
    assert kinds(case).count("follow_up_scheduled") == 1
    assert (
        AuditEvent.objects.filter(object_type="cases.followupvisit", action="create").count() == 3
    )


def test_reentering_support_does_not_duplicate_visits(sfax):
    case = case_in_support(actor=sfax)
    due = list(FollowUpVisit.objects.filter(case=case).values_list("due_on", flat=True))
    case = actions.change_case_status(actor=sfax, case=case, to="plan")
    case = actions.change_case_status(actor=sfax, case=case, to="support")
    assert list(FollowUpVisit.objects.filter(case=case).values_list("due_on", flat=True)) == due
    assert kinds(case).count("follow_up_scheduled") == 1


def test_schedule_is_idempotent_when_called_again(sfax):
    case = case_in_support(actor=sfax)
    assert followups.schedule_follow_ups(actor=sfax, case=case) == []
    assert FollowUpVisit.objects.filter(case=case).count() == 3


def test_reschedule_moves_pending_visits_only(sfax):
    case = case_in_support(actor=sfax)
    start = TODAY() - datetime.timedelta(days=200)
    m3 = case.follow_ups.get(month=3)
    followups.reschedule_follow_ups(actor=sfax, case=case, start=start)
    m3.refresh_from_db()
    followups.record_follow_up(actor=sfax, visit=m3, visited_on=TODAY(), state="employed")
    start2 = TODAY() - datetime.timedelta(days=100)
    assert followups.reschedule_follow_ups(actor=sfax, case=case, start=start2) == 2
    m3.refresh_from_db()
    assert m3.due_on == followups.add_months(start, 3)  # recorded: left as it was
    assert case.follow_ups.get(month=6).due_on == followups.add_months(start2, 6)
    # Same start again: nothing to write.
    events = CaseEvent.objects.count()
    assert followups.reschedule_follow_ups(actor=sfax, case=case, start=start2) == 0
    assert CaseEvent.objects.count() == events
    with pytest.raises(ValidationError):
        followups.reschedule_follow_ups(
            actor=sfax, case=case, start=TODAY() + datetime.timedelta(days=1)
        )


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 3, datetime.date(2026, 4, 30)),
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),
        (datetime.date(2027, 11, 29), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 6, 15), 12, datetime.date(2027, 6, 15)),
        (datetime.date(2026, 10, 1), 6, datetime.date(2027, 4, 1)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(start, months, expected):
    assert followups.add_months(start, months) == expected


def test_other_antenna_cannot_schedule(sfax, persona):
    case = CaseFactory(actor=sfax)
    with pytest.raises(PermissionDenied):
        followups.schedule_follow_ups(actor=persona("conseiller.tunis"), case=case)
    assert not FollowUpVisit.objects.exists()


# --- Recording a visit ----------------------------------------------------------------------


def _visit(actor, month=3):
    case = case_in_support(actor=actor)
    return FollowUpVisit.objects.get(case=case, month=month)


def test_record_visit_with_survey_scores_it(sfax):
    visit = _visit(sfax)
    followups.record_follow_up(
        actor=sfax,
        visit=visit,
        visited_on=TODAY(),
        state="business_running",
        notes="Shop open six days a week.",
        answers=survey_answers(0.75),
    )
    visit.refresh_from_db()
    assert (visit.state, visit.recorded_by, visit.is_done) == ("business_running", sfax, True)
    score = SustainabilityScore.objects.get(visit=visit)
    assert (score.occasion, score.instrument_version) == ("follow_up", CURRENT_VERSION)
    assert 0 < score.composite < 1
    assert kinds(visit.case)[-2:] == ["follow_up_recorded", "score_recorded"]
    audit = AuditEvent.objects.get(object_type="cases.sustainabilityscore")
    assert audit.changes["answers"] == "•••"  # psychological: never in the trail


def test_record_visit_without_survey_records_no_score(sfax):
    visit = _visit(sfax)
    followups.record_follow_up(actor=sfax, visit=visit, visited_on=TODAY(), state="employed")
    assert not SustainabilityScore.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"visited_on": TODAY() + datetime.timedelta(days=1)}, "visited_on"),
        ({"state": "thriving"}, "state"),
        ({"answers": {"econ_food": "never"}}, "answers"),
    ],
)
def test_record_visit_bad_input_changes_nothing(sfax, changes, field, english):
    visit = _visit(sfax)
    values = {"visited_on": TODAY(), "state": "employed", **changes}
    with pytest.raises(ValidationError) as excinfo:
        followups.record_follow_up(actor=sfax, visit=visit, **values)
    assert field in excinfo.value.message_dict
    visit.refresh_from_db()
    assert not visit.is_done
    assert "follow_up_recorded" not in kinds(visit.case)
    assert not SustainabilityScore.objects.exists()


def test_record_visit_twice_refused(sfax, english):
    visit = _visit(sfax)
    followups.record_follow_up(actor=sfax, visit=visit, visited_on=TODAY(), state="employed")
    with pytest.raises(ValidationError, match="already recorded"):
        followups.record_follow_up(actor=sfax, visit=visit, visited_on=TODAY(), state="unemployed")
    visit.refresh_from_db()
    assert visit.state == "employed"


def test_record_visit_on_closed_case_refused(sfax):
    visit = _visit(sfax)
    actions.change_case_status(actor=sfax, case=visit.case, to="closed", reason="Moved abroad")
    with pytest.raises(ValidationError):
        followups.record_follow_up(actor=sfax, visit=visit, visited_on=TODAY(), state="employed")


def test_other_antenna_cannot_record_visit(sfax, persona):
    visit = _visit(sfax)
    with pytest.raises(PermissionDenied):
        followups.record_follow_up(
            actor=persona("conseiller.tunis"), visit=visit, visited_on=TODAY(), state="employed"
        )


# --- Scores ---------------------------------------------------------------------------------


def test_intake_score_recorded_once(sfax, english):
    case = CaseFactory(actor=sfax)
    score = followups.record_score(actor=sfax, case=case, answers=survey_answers(0.25))
    assert (score.occasion, score.taken_on) == ("intake", TODAY())
    assert kinds(case)[-1] == "score_recorded"
    with pytest.raises(ValidationError, match="already recorded"):
        followups.record_score(actor=sfax, case=case, answers=survey_answers(1))
    # Another survey outside a visit is fine.
    followups.record_score(actor=sfax, case=case, answers=survey_answers(1), occasion="other")
    assert case.scores.count() == 2


def test_score_with_unknown_version_or_future_date_refused(sfax):
    case = CaseFactory(actor=sfax)
    with pytest.raises(ValidationError):
        followups.record_score(actor=sfax, case=case, answers=survey_answers(), version="../x")
    with pytest.raises(ValidationError):
        followups.record_score(
            actor=sfax,
            case=case,
            answers=survey_answers(),
            taken_on=TODAY() + datetime.timedelta(days=2),
        )
    assert not SustainabilityScore.objects.exists()


# --- Transfers ------------------------------------------------------------------------------


@pytest.fixture
def tunis_antenna(persona):
    return persona("conseiller.tunis").institution


def test_transfer_moves_ownership_and_keeps_history(sfax, persona, tunis_antenna):
    case = case_in_support(actor=sfax)
    before = kinds(case)
    transfer = followups.transfer_case(
        actor=sfax, case=case, to_antenna=tunis_antenna, reason="Moved to Tunis for work"
    )
    case.refresh_from_db()
    assert (case.antenna, case.counsellor) == (tunis_antenna, None)
    assert case.beneficiary.institution == tunis_antenna
    assert kinds(case) == [*before, "transferred"]
    assert FollowUpVisit.objects.filter(case=case).count() == 3
    assert (transfer.from_antenna, transfer.from_counsellor) == (sfax.institution, sfax)
    assert AuditEvent.objects.filter(
        object_type="cases.case", object_id=str(case.pk), summary="case transferred"
    ).exists()
    # Scopes follow the case.
    assert not Case.objects.visible_to(sfax).filter(pk=case.pk).exists()
    tunis = persona("conseiller.tunis")
    assert Case.objects.visible_to(tunis).filter(pk=case.pk).exists()
    assert FollowUpVisit.objects.visible_to(tunis).filter(case=case).count() == 3
    assert not FollowUpVisit.objects.visible_to(sfax).exists()


def test_transfer_to_a_counsellor_of_the_new_antenna(sfax, persona, tunis_antenna):
    tunis = persona("conseiller.tunis")
    case = CaseFactory(actor=sfax)
    followups.transfer_case(
        actor=sfax, case=case, to_antenna=tunis_antenna, reason="Moved", counsellor=tunis
    )
    case.refresh_from_db()
    assert case.counsellor == tunis


@pytest.mark.parametrize("problem", ["not_ote", "same", "no_reason", "wrong_counsellor", "hq"])
def test_transfer_bad_input_changes_nothing(sfax, persona, tunis_antenna, problem):
    case = CaseFactory(actor=sfax)
    values = {"to_antenna": tunis_antenna, "reason": "Moved", "counsellor": None}
    if problem == "not_ote":
        values["to_antenna"] = persona("aneti.sfax").institution
    elif problem == "hq":
        values["to_antenna"] = persona("superviseur").institution
    elif problem == "same":
        values["to_antenna"] = sfax.institution
    elif problem == "no_reason":
        values["reason"] = "  "
    else:
        values["counsellor"] = persona("social.sfax")  # not of the new antenna
    with pytest.raises(ValidationError):
        followups.transfer_case(actor=sfax, case=case, **values)
    case.refresh_from_db()
    assert case.antenna == sfax.institution
    assert not CaseTransfer.objects.exists()
    assert "transferred" not in kinds(case)


def test_transfer_needs_manage_on_the_case(sfax, persona, tunis_antenna):
    case = CaseFactory(actor=sfax)
    for who in ("conseiller.tunis", "aneti.sfax", "suivi"):
        with pytest.raises(PermissionDenied):
            followups.transfer_case(
                actor=persona(who), case=case, to_antenna=tunis_antenna, reason="x"
            )
    # The supervisor may.
    followups.transfer_case(
        actor=persona("superviseur"),
        case=case,
        to_antenna=InstitutionFactory(kind=InstitutionKind.OTE_ANTENNA),
        reason="Moved",
    )


# --- Pages ----------------------------------------------------------------------------------


def test_case_page_shows_visits_chart_data_table_and_weights_note(sfax, client_for, english):
    visit = _visit(sfax)
    followups.record_score(actor=sfax, case=visit.case, answers=survey_answers(0.25))
    followups.record_follow_up(
        actor=sfax,
        visit=visit,
        visited_on=TODAY(),
        state="business_growing",
        answers=survey_answers(0.75),
    )
    response = client_for("conseiller.sfax").get(reverse("cases:case-detail", args=[visit.case.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="followup-table"' in body and "Business running and growing" in body
    assert 'id="sustainability-data"' in body
    raw = re.search(r'<script id="sustainability-data"[^>]*>(.*?)</script>', body, re.S)
    data = json.loads(raw.group(1))
    composite = next(s for s in data["series"] if s["key"] == "composite")["values"]
    assert len(composite) == 2 and composite[1] > composite[0]  # the score moved
    assert data["threshold"] == 0.5
    assert 'data-testid="score-table"' in body
    assert 'data-testid="weights-note"' in body and "not IOM" in body
    assert "vendor/chartjs/chart.umd.min.js" in body
    assert "<script>" not in body  # no inline JS under the strict CSP


def _due_page(client, scope="mine"):
    return client.get(reverse("cases:followup-list"), {"scope": scope})


def test_followups_due_lists_overdue_visits_in_scope(sfax, persona, client_for):
    case = case_in_support(actor=sfax)
    backdate_support(case, TODAY() - datetime.timedelta(days=120))  # M3 overdue, M6 soon
    other = case_in_support(actor=persona("conseiller.tunis"))
    backdate_support(other, TODAY() - datetime.timedelta(days=120))
    body = _due_page(client_for("conseiller.sfax")).content.decode()
    assert body.count('data-testid="followup-due-row"') == 1
    assert body.count('data-testid="overdue"') == 1
    assert str(case.pk) in body and str(other.pk) not in body


def test_followups_due_mine_and_all(sfax, persona, client_for):
    case = case_in_support(actor=sfax)
    backdate_support(case, TODAY() - datetime.timedelta(days=100))
    colleague = case_in_support(actor=persona("social.sfax"))
    backdate_support(colleague, TODAY() - datetime.timedelta(days=100))
    client = client_for("conseiller.sfax")
    assert _due_page(client).content.decode().count('data-testid="followup-due-row"') == 1
    assert _due_page(client, "all").content.decode().count('data-testid="followup-due-row"') == 2


@pytest.mark.parametrize("who", ["aneti.sfax", "suivi", "onm", "admin"])
def test_followups_due_without_case_permission_is_403(who, client_for):
    assert _due_page(client_for(who)).status_code == 403


def test_followups_due_query_count_does_not_grow(sfax, client_for):
    client = client_for("conseiller.sfax")
    start = TODAY() - datetime.timedelta(days=100)
    backdate_support(case_in_support(actor=sfax), start)
    _due_page(client)  # warm per-process caches
    with CaptureQueriesContext(connection) as one:
        _due_page(client)
    for _ in range(4):
        backdate_support(case_in_support(actor=sfax), start)
    with CaptureQueriesContext(connection) as five:
        body = _due_page(client).content.decode()
    assert body.count('data-testid="followup-due-row"') == 5
    assert len(five) == len(one)


def _form_data(visit_state="business_difficulty", answers=None, **extra):
    data = {"visited_on": TODAY().isoformat(), "state": visit_state, "notes": "", **extra}
    for key, value in (answers or {}).items():
        data[f"q_{key}"] = value
    return data


def test_record_visit_page(sfax, client_for):
    visit = _visit(sfax)
    client = client_for("conseiller.sfax")
    url = reverse("cases:followup-record", args=[visit.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _form_data(answers=survey_answers(0.5)))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.state == "business_difficulty"
    assert SustainabilityScore.objects.filter(visit=visit).exists()


def test_record_visit_page_half_survey_refused(sfax, client_for, english):
    visit = _visit(sfax)
    answers = dict(list(survey_answers(0.5).items())[:3])
    response = client_for("conseiller.sfax").post(
        reverse("cases:followup-record", args=[visit.pk]), _form_data(answers=answers)
    )
    assert response.status_code == 200
    assert "Answer this question too" in response.content.decode()
    visit.refresh_from_db()
    assert not visit.is_done


def test_record_visit_page_other_antenna_404(sfax, client_for):
    visit = _visit(sfax)
    client = client_for("conseiller.tunis")
    url = reverse("cases:followup-record", args=[visit.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _form_data()).status_code == 404
    visit.refresh_from_db()
    assert not visit.is_done


def test_score_page_records_intake(sfax, client_for):
    case = CaseFactory(actor=sfax)
    data = {"taken_on": TODAY().isoformat(), "occasion": "intake"}
    data.update({f"q_{k}": v for k, v in survey_answers(0.5).items()})
    response = client_for("conseiller.sfax").post(
        reverse("cases:score-record", args=[case.pk]), data
    )
    assert response.status_code == 302
    assert case.scores.get().occasion == "intake"


def test_transfer_page_moves_the_case_out_of_reach(sfax, persona, client_for, tunis_antenna):
    case = CaseFactory(actor=sfax)
    sfax_client = client_for("conseiller.sfax")
    url = reverse("cases:case-transfer", args=[case.pk])
    page = sfax_client.get(url).content.decode()
    assert tunis_antenna.name in page
    response = sfax_client.post(url, {"to_antenna": tunis_antenna.pk, "reason": "Moved to Tunis"})
    assert response.status_code == 302 and response["Location"] == reverse("cases:case-list")
    assert sfax_client.get(reverse("cases:case-detail", args=[case.pk])).status_code == 404
    tunis_page = client_for("conseiller.tunis").get(reverse("cases:case-detail", args=[case.pk]))
    assert tunis_page.status_code == 200
    assert "transferred" in kinds(case)


def test_transfer_page_without_reason_changes_nothing(sfax, client_for, tunis_antenna):
    case = CaseFactory(actor=sfax)
    response = client_for("conseiller.sfax").post(
        reverse("cases:case-transfer", args=[case.pk]), {"to_antenna": tunis_antenna.pk}
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.antenna == sfax.institution


def test_case_page_query_count_does_not_grow_with_visits_and_scores(sfax, client_for):
    client = client_for("conseiller.sfax")
    visit = _visit(sfax)
    case = visit.case
    url = reverse("cases:case-detail", args=[case.pk])
    followups.record_score(actor=sfax, case=case, answers=survey_answers(0.2))
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for month in (3, 6):
        followups.record_follow_up(
            actor=sfax,
            visit=case.follow_ups.get(month=month),
            visited_on=TODAY(),
            state="employed",
            answers=survey_answers(0.6),
        )
    with CaptureQueriesContext(connection) as more:
        body = client.get(url).content.decode()
    assert body.count('data-testid="score-composite"') == 3
    # Recording visits adds timeline rows (one query for all) but no query per row.
    assert len(more) == len(few)


def test_record_page_of_a_recorded_visit_goes_back_to_the_case(sfax, client_for):
    visit = _visit(sfax)
    followups.record_follow_up(actor=sfax, visit=visit, visited_on=TODAY(), state="employed")
    response = client_for("conseiller.sfax").get(reverse("cases:followup-record", args=[visit.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case-detail", args=[visit.case.pk])


def test_reschedule_page(sfax, client_for):
    case = case_in_support(actor=sfax)
    start = TODAY() - datetime.timedelta(days=95)
    url = reverse("cases:followup-reschedule", args=[case.pk])
    assert client_for("conseiller.tunis").post(url, {"reschedule-start": start}).status_code == 404
    response = client_for("conseiller.sfax").post(url, {"reschedule-start": start.isoformat()})
    assert response.status_code == 302
    assert case.follow_ups.get(month=3).due_on == followups.add_months(start, 3)
