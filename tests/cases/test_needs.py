"""Profile, needs assessment, vulnerabilities and the reintegration plan: through the pages,
with consent, scope, the sensitive permission and the audit trail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masar.accounts.models import Institution
from masar.audit.models import AuditAction, AuditEvent
from masar.cases import actions as case_actions
from masar.cases.actions import needs as actions
from masar.cases.models import (
    CaseEvent,
    CaseEventKind,
    HouseholdMember,
    NeedsAssessment,
    PlanAction,
    PlanTrack,
    Profile,
    PsychosocialAssessment,
    VulnerabilityDetail,
    VulnerabilityFlag,
)
from tests.factories.cases import BeneficiaryFactory, CaseFactory
from tests.factories.needs import (
    AssessmentFactory,
    PlanActionFactory,
    PlanTrackFactory,
    VulnerabilityFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Suivi psychiatrique au CHU Hédi Chaker depuis 2024"


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def case(sfax):
    return CaseFactory(actor=sfax)


def _events(case, kind):
    return [e.text for e in CaseEvent.objects.filter(case=case, kind=kind)]


def _page(client, case):
    response = client.get(reverse("cases:case-detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --- Profile --------------------------------------------------------------------------------


def _profile_post(**extra):
    data = {
        "education_level": "vocational",
        "skills": "Soudure, mécanique automobile",
        "languages": "arabe,  français, italien",
        "household-TOTAL_FORMS": "3",
        "household-INITIAL_FORMS": "0",
        "household-0-relation": "spouse",
        "household-0-sex": "F",
        "household-0-birth_year": "1992",
        "household-0-dependent": "on",
        "household-1-relation": "child",
        "household-1-birth_year": "2019",
        "household-1-dependent": "on",
        "household-2-relation": "",
    }
    data.update(extra)
    return data


def test_profile_is_recorded_from_the_person_page_with_household(case, client_for):
    client = client_for("conseiller.sfax")
    person = case.beneficiary
    url = reverse("cases:profile-edit", args=[person.pk])
    response = client.post(url, _profile_post())
    assert response.status_code == 302
    profile = Profile.objects.get(beneficiary=person)
    assert profile.education_level == "vocational"
    assert profile.languages == "arabe, français, italien"
    members = list(profile.household.values_list("relation", "birth_year", "dependent"))
    assert members == [("spouse", 1992, True), ("child", 2019, True)]
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="cases.profile", object_id=str(person.pk)
    ).exists()
    assert _events(case, CaseEventKind.BENEFICIARY_UPDATED)
    page = client.get(reverse("cases:beneficiary-detail", args=[person.pk])).content.decode()
    assert "Soudure, mécanique automobile" in page
    assert page.count("<li>", page.index('data-testid="household"')) >= 2

    # Removing a member through the form replaces the household.
    data = _profile_post(**{"household-1-DELETE": "on"})
    client.post(url, data)
    assert list(profile.household.values_list("relation", flat=True)) == ["spouse"]


def test_profile_needs_consent_and_changes_nothing_without_it(sfax, client_for, english):
    person = BeneficiaryFactory(actor=sfax)  # name and phone only
    response = client_for("conseiller.sfax").post(
        reverse("cases:profile-edit", args=[person.pk]), _profile_post()
    )
    assert response.status_code == 200
    assert "consent to case management" in response.content.decode()
    assert not Profile.objects.exists()
    assert not HouseholdMember.objects.exists()


def test_profile_with_an_impossible_birth_year_changes_nothing(case, client_for, english):
    client = client_for("conseiller.sfax")
    url = reverse("cases:profile-edit", args=[case.beneficiary.pk])
    response = client.post(url, _profile_post(**{"household-0-birth_year": "1850"}))
    assert response.status_code == 200
    assert not Profile.objects.exists()
    # Past the form's own bounds, the action still refuses a year in the future.
    with pytest.raises(ValidationError):
        actions.update_profile(
            actor=case.counsellor,
            beneficiary=case.beneficiary,
            household=[{"relation": "child", "birth_year": timezone.localdate().year + 1}],
        )
    assert not Profile.objects.exists()


def test_profile_of_another_antenna_is_404(case, client_for):
    tunis = client_for("conseiller.tunis")
    url = reverse("cases:profile-edit", args=[case.beneficiary.pk])
    assert tunis.get(url).status_code == 404
    assert tunis.post(url, _profile_post()).status_code == 404
    assert not Profile.objects.exists()


# --- Needs assessment -----------------------------------------------------------------------


def _assessment_post(**extra):
    data = {
        "assessed_on": timezone.localdate().isoformat(),
        "work_situation": "informal",
        "monthly_income": "300",
        "housing": "family",
        "debts": "4500",
        "economic_notes": "Veut ouvrir un atelier.",
        "family_situation": "married",
        "family_support": "good",
        "documents_complete": "no",
        "access_to_services": "partial",
        "social_notes": "Carte d'identité à renouveler.",
    }
    data.update(extra)
    return data


def test_counsellor_assesses_needs_and_the_latest_is_shown(case, client_for):
    client = client_for("conseiller.sfax")
    AssessmentFactory(
        actor=case.counsellor,
        case=case,
        assessed_on=timezone.localdate() - datetime.timedelta(days=40),
        work_situation="unemployed",
    )
    url = reverse("cases:assessment-add", args=[case.pk])
    form = client.get(url).content.decode()
    assert 'name="psy-notes"' not in form  # the psychosocial part is not theirs to record
    response = client.post(url, _assessment_post(**{"psy-notes": SECRET}))
    assert response.status_code == 302
    latest = NeedsAssessment.objects.latest_first().first()
    assert latest.work_situation == "informal" and latest.documents_complete is False
    assert latest.assessed_by == case.counsellor
    assert not PsychosocialAssessment.objects.exists()
    assert len(_events(case, CaseEventKind.NEEDS_ASSESSED)) == 2
    event = AuditEvent.objects.get(
        action=AuditAction.CREATE, object_type="cases.needsassessment", object_id=str(latest.pk)
    )
    assert event.changes["monthly_income"] == "•••"  # financial: masked in the trail
    page = _page(client, case)
    assert "Veut ouvrir un atelier." in page
    assert 'data-testid="psychosocial-restricted"' in page


def test_assessment_in_the_future_or_without_consent_changes_nothing(case, client_for, english):
    client = client_for("conseiller.sfax")
    url = reverse("cases:assessment-add", args=[case.pk])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, _assessment_post(assessed_on=tomorrow))
    assert response.status_code == 200
    assert "cannot be dated in the future" in response.content.decode()
    case_actions.withdraw_consent(
        actor=case.counsellor, beneficiary=case.beneficiary, purpose="case_management"
    )
    response = client.post(url, _assessment_post())
    assert "consent to case management" in response.content.decode()
    assert not NeedsAssessment.objects.exists()
    assert not _events(case, CaseEventKind.NEEDS_ASSESSED)


def test_psychosocial_part_is_for_health_staff_only_and_every_read_is_audited(
    case, client_for, persona
):
    social = client_for("social.sfax")
    response = social.post(
        reverse("cases:assessment-add", args=[case.pk]),
        _assessment_post(
            **{"psy-wellbeing": "poor", "psy-distress_signs": "on", "psy-notes": SECRET}
        ),
    )
    assert response.status_code == 302
    assessment = NeedsAssessment.objects.get()
    psy = PsychosocialAssessment.objects.get(assessment=assessment)
    assert psy.notes == SECRET and psy.distress_signs
    created = AuditEvent.objects.get(object_type="cases.psychosocialassessment")
    assert SECRET not in str(created.changes)

    detail = reverse("cases:assessment-detail", args=[assessment.pk])
    # The counsellor sees the assessment but not its psychosocial part, by any page.
    counsellor = client_for("conseiller.sfax")
    page = counsellor.get(detail).content.decode()
    assert SECRET not in page and 'data-testid="psychosocial-restricted"' in page
    assert SECRET not in _page(counsellor, case)
    edit = reverse("cases:psychosocial-edit", args=[assessment.pk])
    assert counsellor.get(edit).status_code == 403
    assert counsellor.post(edit, {"notes": "x"}).status_code == 403
    with pytest.raises(PermissionDenied):
        actions.read_psychosocial(actor=persona("conseiller.sfax"), assessment=assessment)
    assert not AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="cases.psychosocialassessment"
    ).exists()

    # The supervisor reads it; the read is in the trail.
    supervisor = client_for("superviseur")
    assert SECRET in supervisor.get(detail).content.decode()
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="cases.psychosocialassessment"
    )
    assert reads.get().actor_username == "superviseur"


def test_social_worker_completes_the_psychosocial_part_later(case, client_for, english):
    assessment = AssessmentFactory(actor=case.counsellor, case=case)
    social = client_for("social.sfax")
    url = reverse("cases:psychosocial-edit", args=[assessment.pk])
    assert social.get(url).status_code == 200
    response = social.post(url, {"wellbeing": "partial", "support_wanted": "on", "notes": "RAS"})
    assert response.status_code == 302
    assert PsychosocialAssessment.objects.get(assessment=assessment).support_wanted
    assert _events(case, CaseEventKind.NEEDS_ASSESSED) == [
        "Needs assessed (economic and social)",
        "Psychosocial assessment recorded",
    ]


def test_counsellor_cannot_write_a_psychosocial_part_through_the_action(case, sfax):
    with pytest.raises(PermissionDenied):
        actions.assess_needs(actor=sfax, case=case, psychosocial={"notes": SECRET})
    assert not NeedsAssessment.objects.exists()


# --- Vulnerabilities ------------------------------------------------------------------------


def test_vulnerability_details_are_restricted_to_health_staff(case, client_for, persona):
    flag = VulnerabilityFactory(
        actor=persona("social.sfax"), case=case, kind="mental_health", details=SECRET
    )
    assert VulnerabilityDetail.objects.get(flag=flag).details == SECRET
    created = AuditEvent.objects.get(object_type="cases.vulnerabilitydetail")
    assert created.changes == {"details": "•••"}
    detail_url = reverse("cases:vulnerability-detail", args=[flag.pk])

    counsellor = client_for("conseiller.sfax")
    page = _page(counsellor, case)
    assert 'data-testid="details-restricted"' in page
    assert SECRET not in page
    assert counsellor.get(detail_url).status_code == 403
    assert counsellor.post(detail_url, {"details": "effacé"}).status_code == 403
    with pytest.raises(PermissionDenied):
        actions.read_vulnerability_details(actor=persona("conseiller.sfax"), flag=flag)
    # Nor through the API's case document.
    from tests.api_helpers import token_headers

    api = counsellor.get(f"/api/v1/cases/{case.pk}", **token_headers(persona("conseiller.sfax")))
    assert api.status_code == 200 and SECRET not in api.content.decode()
    assert not AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="cases.vulnerabilitydetail"
    ).exists()
    # The Tunis counsellor has neither the permission nor the case.
    assert client_for("conseiller.tunis").get(detail_url).status_code == 403

    for who in ("social.sfax", "superviseur"):
        client = client_for(who)
        assert 'data-testid="vulnerability-details-link"' in _page(client, case)
        response = client.get(detail_url)
        assert response.status_code == 200 and SECRET in response.content.decode()
    readers = AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="cases.vulnerabilitydetail", object_id=str(flag.pk)
    ).values_list("actor_username", flat=True)
    assert sorted(readers) == ["social.sfax", "superviseur"]
    assert SECRET not in " ".join(e.text for e in CaseEvent.objects.all())
    assert SECRET not in str(list(CaseEvent.objects.values_list("params", flat=True)))


def test_counsellor_raises_a_flag_without_details(case, client_for, english):
    client = client_for("conseiller.sfax")
    url = reverse("cases:vulnerability-add", args=[case.pk])
    assert 'name="details"' not in _page(client, case)
    response = client.post(url, {"kind": "disability", "details": SECRET})
    assert response.status_code == 302
    flag = VulnerabilityFlag.objects.get()
    assert flag.kind == "disability" and flag.raised_by == case.counsellor
    assert not VulnerabilityDetail.objects.exists()  # a counsellor does not write details
    assert _events(case, CaseEventKind.VULNERABILITY_RECORDED) == [
        "Vulnerability recorded: Disability"
    ]
    # The same flag twice: refused, one flag.
    client.post(url, {"kind": "disability"})
    assert VulnerabilityFlag.objects.count() == 1
    # Lifted, it can be raised again later.
    assert client.post(reverse("cases:vulnerability-lift", args=[flag.pk])).status_code == 302
    flag.refresh_from_db()
    assert flag.lifted_at is not None
    client.post(url, {"kind": "disability"})
    assert VulnerabilityFlag.objects.active().count() == 1
    assert len(_events(case, CaseEventKind.VULNERABILITY_RECORDED)) == 3


def test_counsellor_cannot_write_details_through_the_action(case, sfax):
    with pytest.raises(PermissionDenied):
        actions.record_vulnerability(actor=sfax, case=case, kind="addiction", details=SECRET)
    assert not VulnerabilityFlag.objects.exists()


def test_vulnerability_of_another_antenna_is_404(case, client_for, persona):
    flag = VulnerabilityFactory(actor=persona("conseiller.sfax"), case=case)
    tunis = client_for("conseiller.tunis")
    assert tunis.post(reverse("cases:vulnerability-lift", args=[flag.pk])).status_code == 404
    assert (
        tunis.post(reverse("cases:vulnerability-add", args=[case.pk]), {"kind": "minor"})
    ).status_code == 404
    flag.refresh_from_db()
    assert flag.lifted_at is None and VulnerabilityFlag.objects.count() == 1


def test_social_worker_updates_details_and_the_change_is_masked(case, client_for, persona):
    flag = VulnerabilityFactory(actor=persona("conseiller.sfax"), case=case, kind="addiction")
    client = client_for("social.sfax")
    url = reverse("cases:vulnerability-detail", args=[flag.pk])
    assert client.post(url, {"details": SECRET}).status_code == 302
    assert VulnerabilityDetail.objects.get(flag=flag).details == SECRET
    assert SECRET not in str(list(AuditEvent.objects.values_list("changes", "summary")))


# --- Plan -----------------------------------------------------------------------------------


def test_plan_tracks_and_actions_from_the_case_page(case, client_for, english):
    client = client_for("conseiller.sfax")
    aneti = Institution.objects.create(code="aneti-test", name="ANETI Sfax", kind="aneti")
    response = client.post(
        reverse("cases:track-add", args=[case.pk]),
        {"kind": "business", "objective": "Ouvrir un atelier de menuiserie"},
    )
    assert response.status_code == 302
    track = PlanTrack.objects.get(case=case)
    url = reverse("cases:plan-action-add", args=[track.pk])
    due = timezone.localdate() + datetime.timedelta(days=20)
    response = client.post(
        url,
        {
            "description": "Formation CEFE",
            "institution": aneti.pk,
            "due_date": due.isoformat(),
            "status": "planned",
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get()
    assert (action.institution, action.due_date, action.status) == (aneti, due, "planned")
    summaries = _events(case, CaseEventKind.PLAN_UPDATED)
    assert summaries == [
        "Track added: Business creation",
        "Action added (Business creation): Formation CEFE",
    ]
    # Done without a result: refused, nothing changed.
    edit = reverse("cases:plan-action-edit", args=[action.pk])
    data = {
        "description": "Formation CEFE",
        "institution": aneti.pk,
        "due_date": due.isoformat(),
        "status": "done",
        "result": "",
    }
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "Say what came of the action" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "planned"
    client.post(edit, {**data, "result": "Attestation obtenue"})
    action.refresh_from_db()
    assert (action.status, action.result) == ("done", "Attestation obtenue")
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_type="cases.planaction", object_id=str(action.pk)
    ).exists()
    assert "Attestation obtenue" in _page(client, case)


def test_overdue_actions_are_visible_on_the_case_page(case, client_for, sfax):
    track = PlanTrackFactory(actor=sfax, case=case, kind="employment")
    PlanActionFactory(actor=sfax, track=track, due_in=-3, description="Inscription ANETI")
    PlanActionFactory(actor=sfax, track=track, due_in=10)
    PlanActionFactory(actor=sfax, track=track, due_in=-5, status="done", result="Fait")
    page = _page(client_for("conseiller.sfax"), case)
    assert page.count('data-testid="overdue-action"') == 1
    assert 'data-testid="plan-overdue"' in page
    assert PlanAction.objects.overdue().count() == 1


def test_plan_refuses_duplicates_bad_dates_closed_cases_and_other_antennas(
    case, client_for, sfax, english
):
    track = PlanTrackFactory(actor=sfax, case=case, kind="social")
    with pytest.raises(ValidationError):
        actions.add_track(actor=sfax, case=case, kind="social")
    with pytest.raises(ValidationError) as exc:
        PlanActionFactory(actor=sfax, track=track, due_date=datetime.date(1999, 1, 1))
    assert "due_date" in exc.value.message_dict
    assert PlanTrack.objects.count() == 1 and not PlanAction.objects.exists()

    tunis = client_for("conseiller.tunis")
    assert tunis.get(reverse("cases:track-edit", args=[track.pk])).status_code == 404
    assert tunis.get(reverse("cases:plan-action-add", args=[track.pk])).status_code == 404
    response = tunis.post(reverse("cases:track-add", args=[case.pk]), {"kind": "business"})
    assert response.status_code == 404

    case_actions.change_case_status(actor=sfax, case=case, to="closed", reason="Parti")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        actions.add_track(actor=sfax, case=case, kind="business")
    assert PlanTrack.objects.count() == 1


def test_case_page_queries_do_not_grow_with_the_plan(case, client_for, sfax, persona):
    client = client_for("conseiller.sfax")
    AssessmentFactory(actor=sfax, case=case)
    track = PlanTrackFactory(actor=sfax, case=case, kind="social")
    PlanActionFactory(actor=sfax, track=track)
    VulnerabilityFactory(actor=sfax, case=case)
    _page(client, case)  # warm per-process caches
    with CaptureQueriesContext(connection) as small:
        _page(client, case)
    for kind in ("employment", "business"):
        other = PlanTrackFactory(actor=sfax, case=case, kind=kind)
        for _n in range(3):
            PlanActionFactory(actor=sfax, track=other)
    VulnerabilityFactory(actor=sfax, case=case, kind="minor")
    AssessmentFactory(actor=sfax, case=case)
    with CaptureQueriesContext(connection) as large:
        _page(client, case)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_double_submitted_assessment_is_recorded_once(case, client_for):
    client = client_for("conseiller.sfax")
    url = reverse("cases:assessment-add", args=[case.pk])
    data = _assessment_post(idempotency_key="needs-double-tap-1")
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert NeedsAssessment.objects.count() == 1
    assert len(_events(case, CaseEventKind.NEEDS_ASSESSED)) == 1


def test_without_consent_flags_and_plan_are_refused_with_a_clear_message(
    case, client_for, sfax, english
):
    track = PlanTrackFactory(actor=sfax, case=case, kind="social")
    case_actions.withdraw_consent(
        actor=sfax, beneficiary=case.beneficiary, purpose="case_management"
    )
    client = client_for("conseiller.sfax")
    page = _page(client, case)
    assert 'data-testid="needs-no-consent"' in page
    assert 'data-testid="track-add"' not in page and 'data-testid="vulnerability-add"' not in page
    for url, data in (
        (reverse("cases:vulnerability-add", args=[case.pk]), {"kind": "minor"}),
        (reverse("cases:track-add", args=[case.pk]), {"kind": "business"}),
    ):
        response = client.post(url, data, follow=True)
        assert "consent to case management" in response.content.decode()
    response = client.post(
        reverse("cases:plan-action-add", args=[track.pk]),
        {
            "description": "Inscription",
            "institution": case.antenna.pk,
            "due_date": timezone.localdate().isoformat(),
            "status": "planned",
        },
    )
    assert "consent to case management" in response.content.decode()
    assert not VulnerabilityFlag.objects.exists()
    assert PlanTrack.objects.count() == 1 and not PlanAction.objects.exists()
