from django_otp.plugins.otp_totp.models import TOTPDevice

from .pages import LoginPage


def test_counsellor_signs_in_reads_arabic_and_signs_out(page, e2e_persona):
    user = e2e_persona("conseiller.sfax")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    login = LoginPage(page).open()
    assert login.language == "fr" and login.direction == "ltr"
    login.sign_in(user)
    assert "/accounts/otp/verify/" in page.url
    home = login.pass_two_factor(user)
    assert page.locator("h1").inner_text().startswith("Bienvenue")

    home.switch_language("ar")
    assert home.language == "ar" and home.direction == "rtl"
    assert "bootstrap.rtl.min.css" in page.content()

    home.switch_language("en")
    assert home.direction == "ltr" and page.locator("h1").inner_text().startswith("Welcome")

    home.sign_out()
    page.goto("/")  # signed out: the public portal's home
    assert page.get_by_test_id("portal-home").is_visible()
    page.goto("/cases/")
    assert "/accounts/login/" in page.url


def test_wrong_password_shows_a_clear_message(page, e2e_persona):
    user = e2e_persona("conseiller.tunis")
    LoginPage(page).open().sign_in(user, password="not-the-password")
    assert "/accounts/login/" in page.url
    assert page.locator(".alert-danger").is_visible()
