"""Page objects: what a person sees and does, so tests read as their stories."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import PASSWORD


class BasePage:
    def __init__(self, page):
        self.page = page

    @property
    def direction(self) -> str:
        return self.page.locator("html").get_attribute("dir")

    @property
    def language(self) -> str:
        return self.page.locator("html").get_attribute("lang")

    def switch_language(self, code: str):
        self.page.select_option("#lang-select", code)
        self.page.click("[data-testid=set-language]")
        self.page.wait_for_load_state()

    def sign_out(self):
        self.page.click("[data-testid=logout]")
        self.page.wait_for_url("**/accounts/login/**")


class LoginPage(BasePage):
    def open(self):
        self.page.goto("/accounts/login/")
        return self

    def sign_in(self, user, password=PASSWORD):
        self.page.fill("#id_username", user.username)
        self.page.fill("#id_password", password)
        self.page.click("[data-testid=sign-in]")
        self.page.wait_for_load_state()
        return self

    def pass_two_factor(self, user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.page.fill("[name=otp_token]", f"{code:06d}")
        # Wait for the answer to the POST: a test going on at once would abort it.
        with self.page.expect_navigation():
            self.page.click("[data-testid=otp-submit]")
        self.page.wait_for_load_state()
        return BasePage(self.page)


class FinderPage(BasePage):
    """The public service finder (/services/)."""

    def open(self, query: str = ""):
        self.page.goto(f"/services/{query}")
        return self

    def search(self, text="", *, audience=None, governorate=None, open_now=False):
        self.page.fill("#id_q", text)
        if audience or governorate or open_now:
            details = self.page.locator("#finder-form details")
            if details.get_attribute("open") is None:
                self.page.click("#finder-form summary")
        if audience:
            self.page.select_option("#id_audience", audience)
        if governorate:
            self.page.select_option("#id_governorate", governorate)
        if open_now:
            self.page.check("#id_open_now")
        self.page.click("[data-testid=finder-submit]")
        self.page.wait_for_load_state()
        return self

    @property
    def results(self):
        return self.page.locator("[data-testid=service-result]")

    def result_names(self) -> list[str]:
        return [name.strip() for name in self.results.locator("h2 a").all_inner_texts()]

    def download_brochure(self) -> bytes:
        """Click "print the brochure of this area"; return the PDF's bytes."""
        with self.page.expect_download() as info:
            self.page.click("[data-testid=brochure-link]")
        download = info.value
        with open(download.path(), "rb") as pdf:
            return pdf.read()

    def open_result(self, index: int = 0):
        self.results.nth(index).locator("h2 a").click()
        self.page.wait_for_load_state()
        return ServicePage(self.page)


class ServicePage(BasePage):
    """A service's public page (/services/<id>/)."""

    @property
    def name(self) -> str:
        return self.page.locator("[data-testid=service-name]").inner_text().strip()

    @property
    def map(self):
        return self.page.locator("[data-testid=map]")

    def wait_for_map(self):
        """Leaflet has set the container up (tiles need the network; markers do not)."""
        self.page.wait_for_selector("[data-testid=map].leaflet-container")
        return self
