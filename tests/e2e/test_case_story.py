"""Issue 4's whole story in the browser, phone-sized, in French.

A counsellor in Sfax registers a returnee from Italy, records consent, completes the record,
opens a case, assesses needs, builds a plan with a business-creation track, refers them to
the ANETI office in Sfax (whose officer accepts and completes the referral in the
institution's inbox), checks eligibility and prepares an aid file that the supervisor
approves within the envelope, moves the case to support and records the 3-month follow-up
with the sustainability score moving. The counsellor in Tunis cannot see that case by any
page, API call or export.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.api.actions import create_api_token
from masar.cases.models import (
    AidFile,
    AidStatus,
    Beneficiary,
    Case,
    CaseEventKind,
    Enrolment,
    FollowUpVisit,
    Referral,
    ReferralStatus,
)
from tests.factories.aid import ProgrammeFactory
from tests.factories.followups import survey_answers

from .pages import LoginPage
from .pages_needs import CasePage

TODAY = timezone.localdate()


def _signed_in(browser, live_server, user):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="fr-FR"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "phone"})
    LoginPage(page).open().sign_in(user).pass_two_factor(user)
    return context, page


def _answer_survey(page, answers):
    for question, value in answers.items():
        page.select_option(f"#id_q_{question}", value)


def test_returnee_from_italy_through_the_whole_pathway(browser, live_server, e2e_persona):
    sfax = e2e_persona("conseiller.sfax")
    officer = e2e_persona("aneti.sfax")
    supervisor = e2e_persona("superviseur")
    tunis = e2e_persona("conseiller.tunis")
    aneti = e2e_persona.institution("aneti-sfax")
    programme = ProgrammeFactory(
        name_fr="ProGreS Migration Tunisie — phase 2", envelope=Decimal("20000"), quota=320
    )

    # --- The Sfax counsellor registers the person, records consent, completes the record.
    context, page = _signed_in(browser, live_server, sfax)
    page.goto("/cases/beneficiaries/new/")
    page.fill("#id_first_name", "Nabil")
    page.fill("#id_last_name", "Ferchichi")
    page.fill("#id_first_name_ar", "نبيل")
    page.fill("#id_last_name_ar", "الفرشيشي")
    page.fill("#id_phone", "22 123 456")
    page.click("[data-testid=save]")
    page.wait_for_url("**/cases/beneficiaries/*/")
    person = Beneficiary.objects.get(last_name="Ferchichi")
    assert person.phone == "+21622123456"

    page.goto(f"/cases/beneficiaries/{person.pk}/consent/")
    for purpose in ("case_management", "referrals", "statistics"):
        page.check(f"#id_purpose_{purpose}")
    page.select_option("#id_language", "ar")
    page.click("[data-testid=save]")
    page.wait_for_url(f"**/cases/beneficiaries/{person.pk}/")

    page.goto(f"/cases/beneficiaries/{person.pk}/edit/")
    page.select_option("#id_sex", "M")
    page.fill("#id_birth_date", "1991-04-12")
    page.fill("#id_cin", "07345678")
    page.select_option("#id_returned_from", "IT")
    page.fill("#id_return_date", (TODAY - datetime.timedelta(days=60)).isoformat())
    page.select_option("#id_return_kind", "voluntary")
    page.click("[data-testid=save]")
    page.wait_for_url(f"**/cases/beneficiaries/{person.pk}/")
    person.refresh_from_db()
    assert (person.cin, person.returned_from) == ("07345678", "IT")

    page.click("[data-testid=case-open]")
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(beneficiary=person)
    assert case.antenna.code == "ote-sfax"

    # --- Needs and a plan with a business-creation track.
    case_page = CasePage(page).open(case)
    case_page.assess_needs(work_situation="unemployed", monthly_income="150", housing="family")
    case_page.add_track("business", "Atelier de réparation de motos à Sakiet Ezzit")
    case_page.add_action(
        description="Formation à la gestion d'entreprise",
        institution=aneti.name,
        due_date=(TODAY + datetime.timedelta(days=45)).isoformat(),
    )
    assert "Atelier de réparation" in case_page.text("plan-track")

    # --- A referral to the ANETI office in Sfax.
    page.click("[data-testid=referral-send]")
    page.select_option("#id_institution", str(aneti.pk))
    page.fill("#id_reason", "Inscription comme demandeur d'emploi et formation CEFE.")
    page.fill("#id_due_date", (TODAY + datetime.timedelta(days=15)).isoformat())
    page.click("[data-testid=send]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    referral = Referral.objects.get(case=case)

    partner_context, partner = _signed_in(browser, live_server, officer)
    partner.goto("/cases/referrals/inbox/")
    assert "Ferchichi" in partner.locator("[data-testid=referral-inbox]").inner_text()
    partner.click(f"a[href='/cases/referrals/{referral.pk}/']")
    partner.click("[data-testid=referral-accept]")
    partner.fill("#id_outcome", "Inscrit ; formation CEFE du 3 au 14 mars.")
    partner.click("[data-testid=referral-complete]")
    partner.wait_for_load_state()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED
    assert partner.goto(f"/cases/{case.pk}/").status == 403  # the referral, not the case
    partner_context.close()

    # --- Eligibility and an aid file, approved by the supervisor within the envelope.
    case_page.open(case)
    page.select_option("#id_enrol_programme", label=programme.name_fr)
    page.click("[data-testid=enrol]")
    page.wait_for_load_state()
    assert Enrolment.objects.get(case=case).eligible
    page.click("[data-testid=aid-create]")
    page.select_option("#id_kind", "business_in_kind")
    page.fill("#id_amount", "8500")
    page.fill("#id_supplier", "Moto Pièces Sfax")
    page.click("[data-testid=save]")
    page.wait_for_load_state()
    page.click("[data-testid=aid-submit]")
    page.wait_for_load_state()
    aid = AidFile.objects.get(enrolment__case=case)
    assert aid.status == AidStatus.SUBMITTED

    boss_context, boss = _signed_in(browser, live_server, supervisor)
    boss.goto(f"/cases/aid/{aid.pk}/")
    boss.select_option("#id_decision", "approve")
    boss.click("[data-testid=aid-decide]")
    boss.wait_for_load_state()
    boss_context.close()
    aid.refresh_from_db()
    assert aid.status == AidStatus.APPROVED

    # --- Support starts; intake score; the 3-month follow-up with the score moving.
    for status in ("assessment", "plan", "support"):
        case_page.open(case)
        page.select_option("#id_to", status)
        page.click("[data-testid=change-status]")
        page.wait_for_load_state()
    assert FollowUpVisit.objects.filter(case=case).count() == 3
    page.goto(f"/cases/{case.pk}/scores/new/")
    page.fill("#id_taken_on", TODAY.isoformat())
    _answer_survey(page, survey_answers(0.25))
    page.click("[data-testid=save]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    page.locator("[data-testid=followup-record]").first.click()
    page.fill("#id_visited_on", TODAY.isoformat())
    page.select_option("#id_state", "business_growing")
    _answer_survey(page, survey_answers(0.75))
    page.click("[data-testid=save]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    composites = [
        float(c.replace(",", "."))
        for c in page.locator("[data-testid=score-composite]").all_inner_texts()
    ]
    assert len(composites) == 2 and composites[1] > composites[0]
    kinds = set(case.events.values_list("kind", flat=True))
    assert {
        CaseEventKind.NEEDS_ASSESSED,
        CaseEventKind.PLAN_UPDATED,
        CaseEventKind.REFERRAL_COMPLETED,
        CaseEventKind.AID_DECIDED,
        CaseEventKind.FOLLOW_UP_RECORDED,
        CaseEventKind.SCORE_RECORDED,
    } <= kinds
    page.goto("/cases/?q=ferchi")  # his own antenna's list finds him by a prefix of his name
    assert f"/cases/{case.pk}/" in page.content()
    context.close()

    # --- The Tunis counsellor sees none of it: pages, search, exports, API.
    tunis_context, other = _signed_in(browser, live_server, tunis)
    for path in (
        f"/cases/{case.pk}/",
        f"/cases/beneficiaries/{person.pk}/",
        f"/cases/beneficiaries/{person.pk}/export.json",
        f"/cases/beneficiaries/{person.pk}/export.pdf",
        f"/cases/referrals/{referral.pk}/",
        f"/cases/aid/{aid.pk}/",
        f"/cases/aid/{aid.pk}/contract/fr/",
    ):
        assert other.goto(path).status == 404, path
    other.goto("/cases/?q=Ferchichi")
    assert f"/cases/{case.pk}/" not in other.content()
    assert "07345678" not in other.content()
    _token, secret = create_api_token(actor=tunis, user=tunis, name="story")
    api = tunis_context.request
    headers = {"Authorization": f"Bearer {secret}"}
    for path in (
        f"/api/v1/cases/{case.pk}",
        f"/api/v1/beneficiaries/{person.pk}",
        f"/api/v1/beneficiaries/{person.pk}/export",
        f"/api/v1/referrals/{referral.pk}",
        f"/api/v1/aid-files/{aid.pk}",
        f"/api/v1/cases/{case.pk}/follow-ups",
    ):
        assert api.get(path, headers=headers).status == 404, path
    listed = api.get("/api/v1/cases?search=Ferchichi", headers=headers).json()
    assert listed["count"] == 0
    tunis_context.close()
