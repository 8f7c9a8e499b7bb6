"""The portal's story for the public: on a phone, in Arabic, a person opens the home page,
goes to the desks, finds the La Marsa desk's next opening and the services it orients to,
reads an information page and gives an opinion on it (sent after moderation)."""

import datetime

import pytest


@pytest.fixture
def marsa(transactional_db):
    from masar.directory.actions import verify_service
    from tests.factories import (
        DeskOpeningFactory,
        DeskPointFactory,
        InfoPageFactory,
        ServiceFactory,
    )

    desk = DeskPointFactory(code="la-marsa", name_fr="Guichet de La Marsa", name_ar="شباك المرسى")
    DeskOpeningFactory(desk=desk, weekday=2, opens_at=datetime.time(9), closes_at=datetime.time(13))
    service = verify_service(
        actor=None, service=ServiceFactory(name_fr="Écoute", name_ar="خدمة الإصغاء للمهاجرين")
    )
    desk.services.add(service)
    InfoPageFactory(slug="droits", title_fr="Vos droits", title_ar="حقوقك", body_ar="## نص")
    return desk


@pytest.fixture
def arabic_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ar"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_arabic_phone_finds_the_marsa_desk_and_gives_an_opinion(arabic_page, marsa):
    from masar.portal.models import Feedback

    page = arabic_page
    page.goto("/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_test_id("portal-home").is_visible()
    page.goto("/desks/")
    page.get_by_test_id("desk-list").get_by_role("link", name="شباك المرسى").click()
    detail = page.get_by_test_id("desk-detail")
    assert "09:00–13:00" in page.get_by_test_id("next-opening").inner_text()
    assert "خدمة الإصغاء للمهاجرين" in page.get_by_test_id("desk-services").inner_text()
    assert detail.is_visible()

    page.goto("/info/droits/")
    assert "حقوقك" in page.get_by_test_id("info-page").inner_text()
    form = page.get_by_test_id("feedback-form")
    form.locator("input[name=rating][value='5']").check()
    form.locator("textarea[name=comment]").fill("<b>مفيد</b>")
    page.wait_for_timeout(3200)  # the minimum fill time of the form
    form.get_by_test_id("feedback-submit").click()
    page.wait_for_url("**/info/droits/")
    feedback = Feedback.objects.get()
    assert feedback.rating == 5 and feedback.comment == "<b>مفيد</b>"
    assert feedback.status == "pending" and feedback.language == "ar"
