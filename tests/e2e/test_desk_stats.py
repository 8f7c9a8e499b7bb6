"""The La Marsa mediator reads their desk's statistics on a phone, in Arabic: the tables
hold the figures, Chart.js draws the same numbers under the strict CSP (no console error),
and the spreadsheet downloads."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.desk_stats import PERIOD, build_stats_world

from .pages import BasePage, LoginPage


class DeskStatsPage(BasePage):
    def open(self, **params):
        query = "&".join(f"{k}={v}" for k, v in params.items())
        self.page.goto(f"/desk/stats/?{query}")
        return self

    def total_contacts(self) -> str:
        return self.page.locator("[data-testid=total-contacts]").inner_text()

    def charts_drawn(self) -> int:
        charts = self.page.locator("[data-desk-chart]")
        for i in range(charts.count()):
            charts.nth(i).locator("canvas").wait_for(state="visible")
        return charts.count()

    def filter_by_dates(self, first: str, last: str):
        self.page.fill("#id_date_from", first)
        self.page.fill("#id_date_to", last)
        self.page.click("[data-testid=stats-filter] button[type=submit]")
        self.page.wait_for_load_state()
        return self

    def download(self) -> bytes:
        with self.page.expect_download() as info:
            self.page.click("[data-testid=stats-export]")
        return open(info.value.path(), "rb").read()  # noqa: SIM115 — read once, small


def test_mediator_reads_desk_statistics_in_arabic(page, e2e_persona):
    build_stats_world(e2e_persona)
    mediator = e2e_persona("mediateur.lamarsa")
    TOTPDevice.objects.create(user=mediator, name="phone", confirmed=True)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    LoginPage(page).open().sign_in(mediator).pass_two_factor(mediator)
    stats = DeskStatsPage(page).open()
    stats.switch_language("ar")
    stats = DeskStatsPage(page).open().filter_by_dates(PERIOD["date_from"], PERIOD["date_to"])
    assert stats.direction == "rtl"
    assert stats.total_contacts() == "4"
    assert stats.charts_drawn() == 3
    workbook = stats.download()
    assert workbook[:2] == b"PK"  # a zip: the XLSX
    assert not errors, errors
