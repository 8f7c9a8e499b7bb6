"""Page objects of the desk pages: what a mediator sees and does at the guichet."""

from .pages import BasePage


class ContactFormPage(BasePage):
    """The 30-second contact form of a desk."""

    def open_from_desk(self, desk):
        self.page.goto(f"/desk/{desk.pk}/")
        self.page.click("[data-testid=record-contact]")
        self.page.wait_for_selector("[data-testid=contact-form]")
        return self

    def choose_status(self, value):
        self.page.click(f"[data-testid=status-{value}]")
        return self

    def tick_topics(self, *values):
        for value in values:
            self.page.click(f"[data-testid=topic-{value}]")
        return self

    def orient_to(self, *services):
        for service in services:
            self.page.click(f"[data-testid=orientation-{service.pk}]")
        return self

    def profile(self, *, sex=None, age=None, nationality=None):
        if sex:
            self.page.click(f"[data-testid=sex-{sex}]")
        if age:
            self.page.click(f"[data-testid=age-{age}]")
        if nationality:
            self.page.select_option("#id_nationality", nationality)
        return self

    def save(self):
        self.page.click("[data-testid=save-contact]")
        self.page.wait_for_selector("[data-testid=slip]")
        return SlipPage(self.page)


class SlipPage(BasePage):
    @property
    def services(self):
        return self.page.locator("[data-testid=slip-service]")

    @property
    def sms_text(self) -> str:
        return self.page.locator("[data-testid=slip-sms-text]").input_value()

    def in_language(self, code):
        self.page.click(f"[data-testid=slip-lang-{code}]")
        self.page.wait_for_load_state()
        return self
