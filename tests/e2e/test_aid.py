"""In the browser: a counsellor in Sfax checks a returnee's eligibility for ProGreS, prepares
an aid file with a quote and submits it; the supervisor approves it within the envelope and
records a first tranche; the counsellor downloads the contract."""

from decimal import Decimal

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.cases.models import AidFile, AidStatus
from tests.factories.aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory, make_eligible
from tests.factories.attachments import PDF_BYTES
from tests.factories.cases import CaseFactory

from .pages import BasePage, LoginPage


class CasePage(BasePage):
    def open(self, case):
        self.page.goto(f"/cases/{case.pk}/")
        return self

    def check_eligibility(self, programme_name):
        self.page.select_option("#id_enrol_programme", label=programme_name)
        self.page.click("[data-testid=enrol]")
        self.page.wait_for_load_state()

    def prepare_aid(self, *, kind, amount, supplier):
        self.page.click("[data-testid=aid-create]")
        self.page.select_option("#id_kind", kind)
        self.page.fill("#id_amount", amount)
        self.page.fill("#id_supplier", supplier)
        self.page.click("[data-testid=save]")
        self.page.wait_for_load_state()
        return AidFilePage(self.page)


class AidFilePage(BasePage):
    def open(self, aid_file):
        self.page.goto(f"/cases/aid/{aid_file.pk}/")
        return self

    @property
    def status(self) -> str:
        return self.page.locator("[data-testid=aid-status]").inner_text()

    def attach_quote(self):
        self.page.select_option("#id_kind", "quote")
        self.page.set_input_files(
            "#id_file", {"name": "devis.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
        )
        self.page.click("[data-testid=aid-document-add]")
        self.page.wait_for_load_state()

    def submit(self):
        self.page.click("[data-testid=aid-submit]")
        self.page.wait_for_load_state()

    def approve(self):
        self.page.select_option("#id_decision", "approve")
        self.page.click("[data-testid=aid-decide]")
        self.page.wait_for_load_state()

    def pay(self, amount, reference):
        self.page.fill("#id_amount", amount)
        self.page.fill("#id_paid_on", timezone.localdate().isoformat())
        self.page.fill("#id_reference", reference)
        self.page.click("[data-testid=tranche-add]")
        self.page.wait_for_load_state()


def _sign_in(page, user):
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return LoginPage(page).open().sign_in(user).pass_two_factor(user)


def test_an_aid_file_from_eligibility_to_first_tranche(page, e2e_persona, browser):
    sfax = e2e_persona("conseiller.sfax")
    boss = e2e_persona("superviseur")
    case = CaseFactory(actor=sfax)
    make_eligible(case.beneficiary, actor=sfax, returned_from="IT")
    ProgrammeFactory(name_fr="ProGreS phase 2", envelope=Decimal("10000"), quota=320)

    _sign_in(page, sfax)
    case_page = CasePage(page).open(case)
    case_page.check_eligibility("ProGreS phase 2")
    assert page.locator("[data-testid=eligibility]").count() == 1
    aid_page = case_page.prepare_aid(kind="equipment", amount="6000", supplier="Atelier Kammoun")
    aid_page.attach_quote()
    assert page.locator("[data-testid=aid-documents] a").count() == 1
    aid_page.submit()
    aid = AidFile.objects.get()
    assert aid.status == AidStatus.SUBMITTED
    aid_page.sign_out()

    _sign_in(page, boss)
    aid_page = AidFilePage(page).open(aid)
    aid_page.approve()
    aid.refresh_from_db()
    assert aid.status == AidStatus.APPROVED
    aid_page.pay("2500", "VIR-0001")
    assert aid.tranches.get().amount == Decimal("2500")
    with page.expect_download() as download:
        page.click("[data-testid=contract-fr]")
    assert download.value.suggested_filename.endswith("-fr.pdf")


def test_an_approval_over_the_envelope_is_refused_with_a_message(page, e2e_persona):
    sfax = e2e_persona("conseiller.sfax")
    programme = ProgrammeFactory(envelope=Decimal("1000"))
    aid = AidFileFactory(
        actor=sfax,
        amount=Decimal("1500"),
        submit=True,
        enrolment=EnrolmentFactory(actor=sfax, programme=programme),
    )
    _sign_in(page, e2e_persona("superviseur"))
    aid_page = AidFilePage(page).open(aid)
    aid_page.approve()
    assert "1000,000 TND" in page.content() or "1000.000 TND" in page.content()
    aid.refresh_from_db()
    assert aid.status == AidStatus.SUBMITTED
