import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.accounts.models import Institution
from masar.cases.models import CaseEvent, CaseEventKind, NeedsAssessment, PlanAction

from .pages import LoginPage
from .pages_needs import CasePage


def test_counsellor_assesses_needs_and_builds_a_business_plan(page, e2e_persona):
    from tests.factories.cases import CaseFactory

    user = e2e_persona("conseiller.sfax")
    case = CaseFactory(actor=user)
    Institution.objects.create(code="aneti-sfax-e2e", name="Bureau ANETI Sfax", kind="aneti")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    login = LoginPage(page).open().sign_in(user)
    login.pass_two_factor(user)

    case_page = CasePage(page).open(case)
    case_page.assess_needs(work_situation="unemployed", monthly_income="200", housing="family")
    assessment = NeedsAssessment.objects.get(case=case)
    assert (assessment.work_situation, assessment.monthly_income) == ("unemployed", 200)
    assert case_page.page.locator("[data-testid=latest-assessment]").count() == 1
    assert case_page.page.locator("[data-testid=psychosocial-restricted]").count() == 1

    case_page.raise_vulnerability("family_difficulty")
    assert case_page.page.locator("[data-testid=details-restricted]").count() == 1

    case_page.add_track("business", "Ouvrir un atelier de menuiserie")
    due = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    case_page.add_action(
        description="Formation CEFE", institution="Bureau ANETI Sfax", due_date=due
    )
    assert "Formation CEFE" in case_page.text("plan-track")
    assert PlanAction.objects.get().institution.code == "aneti-sfax-e2e"
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds.count(CaseEventKind.PLAN_UPDATED) == 2
    assert CaseEventKind.NEEDS_ASSESSED in kinds and CaseEventKind.VULNERABILITY_RECORDED in kinds
    assert case_page.page.locator("[data-testid=timeline] li").count() == len(kinds)
