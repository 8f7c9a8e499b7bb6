"""The counsellor's follow-up story in a browser: the overdue 3-month visit is on their
list, they record it with the sustainability survey, and the case page draws the score's
evolution (Chart.js under the strict CSP) next to the same figures in a table."""

import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.cases.actions import followups
from tests.factories.followups import backdate_support, case_in_support, survey_answers

from .pages import BasePage, LoginPage


class FollowUpsDuePage(BasePage):
    def open(self):
        self.page.goto("/cases/follow-ups/")
        return self

    def rows(self):
        return self.page.locator("[data-testid=followup-due-row]")

    def open_case(self, index=0):
        self.rows().nth(index).locator("a").first.click()
        self.page.wait_for_load_state()
        return CasePage(self.page)


class CasePage(BasePage):
    def record_first_visit(self):
        self.page.locator("[data-testid=followup-record]").first.click()
        self.page.wait_for_load_state()
        return VisitForm(self.page)

    def chart_visible(self) -> bool:
        chart = self.page.locator("[data-masar-chart]")
        chart.locator("canvas").wait_for(state="visible")
        return chart.is_visible()

    def composites(self) -> list[str]:
        return self.page.locator("[data-testid=score-composite]").all_inner_texts()


class VisitForm(BasePage):
    def fill(self, *, state, answers: dict):
        self.page.select_option("#id_state", state)
        for question, value in answers.items():
            self.page.select_option(f"#id_q_{question}", value)
        return self

    def submit(self):
        self.page.click("[data-testid=save]")
        self.page.wait_for_load_state()
        return CasePage(self.page)


def test_counsellor_records_overdue_visit_and_sees_the_score_move(page, e2e_persona):
    counsellor = e2e_persona("conseiller.sfax")
    TOTPDevice.objects.create(user=counsellor, name="phone", confirmed=True)
    case = case_in_support(actor=counsellor)
    backdate_support(case, timezone.localdate() - datetime.timedelta(days=100))
    followups.record_score(
        actor=counsellor,
        case=case,
        answers=survey_answers(0.25),
        taken_on=timezone.localdate() - datetime.timedelta(days=120),
    )
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    LoginPage(page).open().sign_in(counsellor).pass_two_factor(counsellor)
    due = FollowUpsDuePage(page).open()
    assert due.rows().count() == 1
    case_page = due.open_case()
    assert case_page.chart_visible()  # one intake point already

    case_page = (
        case_page.record_first_visit()
        .fill(state="business_growing", answers=survey_answers(0.75))
        .submit()
    )
    composites = [float(c.replace(",", ".")) for c in case_page.composites()]
    assert len(composites) == 2 and composites[1] > composites[0]
    assert case_page.chart_visible()
    assert FollowUpsDuePage(page).open().rows().count() == 0
    assert not [e for e in errors if "Content Security Policy" in e or "Chart" in e], errors
