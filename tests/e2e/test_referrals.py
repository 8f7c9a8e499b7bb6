"""A counsellor in Sfax refers a case to the ANETI office in Sfax; an ANETI officer finds it in
the institution's inbox, accepts it and reports the outcome; the counsellor records the
person's feedback. The CPS officer never sees it."""

from datetime import timedelta

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.cases.models import CaseEvent, Referral
from tests.factories.cases import CaseFactory

from .pages import BasePage, LoginPage


def _sign_in(page, user):
    TOTPDevice.objects.get_or_create(user=user, name="phone", defaults={"confirmed": True})
    LoginPage(page).open().sign_in(user).pass_two_factor(user)
    return BasePage(page)


def test_referral_loop_in_the_browser(page, browser, live_server, e2e_persona):
    counsellor = e2e_persona("conseiller.sfax")
    officer = e2e_persona("aneti.sfax")
    aneti = e2e_persona.institution("aneti-sfax")
    case = CaseFactory(actor=counsellor)

    _sign_in(page, counsellor)
    page.goto(f"/cases/{case.pk}/")
    page.click("[data-testid=referral-send]")
    page.select_option("#id_institution", str(aneti.pk))
    page.fill("#id_reason", "Inscription comme demandeur d'emploi (mécanique).")
    page.fill("#id_due_date", (timezone.localdate() + timedelta(days=10)).isoformat())
    page.click("[data-testid=send]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert "Bureau de l" in page.locator("[data-testid=case-referrals]").inner_text()
    referral = Referral.objects.get(case=case)

    other = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    partner = other.new_page()
    partner.set_default_timeout(10_000)
    _sign_in(partner, officer)
    partner.goto("/cases/referrals/inbox/")
    inbox = partner.locator("[data-testid=referral-inbox]").inner_text()
    assert case.beneficiary.last_name in inbox and "mécanique" in inbox
    partner.click(f"a[href='/cases/referrals/{referral.pk}/']")
    partner.click("[data-testid=referral-accept]")
    partner.fill("#id_outcome", "Inscrit ; deux entretiens obtenus.")
    partner.click("[data-testid=referral-complete]")
    partner.wait_for_load_state()
    assert "Inscrit" in partner.locator("[data-testid=referral-outcome]").inner_text()
    # The partner cannot open the case page.
    assert partner.goto(f"/cases/{case.pk}/").status == 403
    other.close()

    page.goto(f"/cases/referrals/{referral.pk}/")
    page.check("#id_received_0")
    page.select_option("#id_satisfaction", "5")
    page.click("[data-testid=referral-feedback-save]")
    page.wait_for_load_state()
    assert "5/5" in page.locator("[data-testid=referral-feedback]").inner_text()
    kinds = set(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert {
        "referral_sent",
        "referral_accepted",
        "referral_completed",
        "referral_feedback",
    } <= kinds
    referral.refresh_from_db()
    assert (referral.status, referral.feedback_satisfaction) == ("completed", 5)
