"""Page objects for the needs panel of the case page: assessment, vulnerabilities, plan."""

from .pages import BasePage


class CasePage(BasePage):
    def open(self, case):
        self.page.goto(f"/cases/{case.pk}/")
        return self

    def assess_needs(self, **fields):
        self.page.click("[data-testid=assessment-add]")
        for name, value in fields.items():
            selector = f"[name={name}]"
            if self.page.locator(selector).evaluate("e => e.tagName") == "SELECT":
                self.page.select_option(selector, value)
            else:
                self.page.fill(selector, value)
        self.page.click("[data-testid=save]")
        self.page.wait_for_load_state()
        return self

    def raise_vulnerability(self, kind):
        self.page.select_option("[data-testid=vulnerabilities-panel] [name=kind]", kind)
        self.page.click("[data-testid=vulnerability-add]")
        self.page.wait_for_load_state()
        return self

    def add_track(self, kind, objective=""):
        self.page.select_option("[data-testid=plan-panel] [name=kind]", kind)
        self.page.fill("[data-testid=plan-panel] [name=objective]", objective)
        self.page.click("[data-testid=track-add]")
        self.page.wait_for_load_state()
        return self

    def add_action(self, *, description, institution, due_date, track_index=0):
        self.page.locator("[data-testid=plan-action-add]").nth(track_index).click()
        self.page.fill("[name=description]", description)
        self.page.select_option("[name=institution]", label=institution)
        self.page.fill("[name=due_date]", due_date)
        self.page.click("[data-testid=save]")
        self.page.wait_for_load_state()
        return self

    def text(self, testid) -> str:
        return self.page.locator(f"[data-testid={testid}]").inner_text()
