"""At the La Marsa guichet, on a phone: the mediator records a contact with two orientations
in under 30 seconds, from opening the form to seeing the slip, and prints the slip (the print
stylesheet hides the navigation); the desk statistics show it."""

import time

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.desk.models import DeskContact
from tests.factories.desk import DeskOpeningFactory, DeskPointFactory, published_service

from .pages import LoginPage
from .pages_desk import ContactFormPage

LIMIT_SECONDS = 30


def test_mediator_records_a_contact_with_two_orientations_in_under_30_seconds(page, e2e_persona):
    mediator = e2e_persona("mediateur.lamarsa")
    health = published_service(name_fr="Centre de santé de base La Marsa")
    school = published_service(name_fr="Inscription scolaire des enfants")
    desk = DeskPointFactory(
        code="la-marsa",
        name_fr="Guichet de La Marsa",
        name_ar="شباك المرسى",
        holder=e2e_persona.institution("mun-la-marsa"),
    )
    desk.mediators.add(mediator)
    desk.services.add(health, school)
    DeskOpeningFactory(desk=desk)
    assert page.viewport_size == {"width": 390, "height": 844}

    TOTPDevice.objects.get_or_create(user=mediator, name="phone", defaults={"confirmed": True})
    LoginPage(page).open().sign_in(mediator).pass_two_factor(mediator)

    form = ContactFormPage(page)
    started = time.monotonic()
    form.open_from_desk(desk)
    form.choose_status("migrant").tick_topics("health", "schooling")
    form.orient_to(health, school).profile(sex="female", age="25-34", nationality="CI")
    slip = form.save()
    elapsed = time.monotonic() - started
    print(f"contact recorded in {elapsed:.1f} s")
    assert elapsed < LIMIT_SECONDS, f"recording took {elapsed:.1f} s"

    contact = DeskContact.objects.get()
    assert contact.orientations.count() == 2 and contact.nationality == "CI"
    assert slip.services.count() == 2
    text = page.locator("[data-testid=slip]").inner_text()
    assert "Centre de santé de base La Marsa" in text and "Inscription scolaire" in text
    assert contact.reference in text
    assert 0 < len(slip.sms_text) <= 480

    # Printed: the navigation is hidden, the slip stays.
    assert page.locator("header nav").is_visible()
    page.emulate_media(media="print")
    assert page.locator("header nav").is_hidden()
    assert page.locator("[data-testid=slip]").is_visible()
    assert page.locator("[data-testid=slip-sms-text]").is_hidden()
    page.emulate_media(media="screen")

    # The slip in Arabic for the person who reads Arabic.
    slip.in_language("ar")
    assert page.locator("[data-testid=slip]").get_attribute("dir") == "rtl"
    assert "شباك المرسى" in page.locator("[data-testid=slip]").inner_text()

    # The desk statistics count it: one contact, two orientations, both topics.
    page.goto(reverse("desk:stats"))
    assert page.get_by_test_id("total-contacts").inner_text().strip() == "1"
    assert page.get_by_test_id("total-orientations").inner_text().strip() == "2"
