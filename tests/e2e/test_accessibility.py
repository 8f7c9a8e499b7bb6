"""WCAG 2.1 AA on the public pages, checked by axe-core (axe-playwright-python bundles it,
so the check runs offline) in French, Arabic and English, plus the sign-in page; and the
keyboard: tabbing reaches the search field and the results, with a visible focus."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from masar.directory import actions
from tests.factories import ServiceFactory

from .pwa_support import has_url, new_context, public_desk

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCALES = {"fr": "fr-FR", "ar": "ar-TN", "en": "en-GB"}
axe = Axe()


def published_service():
    service = ServiceFactory(
        name_fr="Accueil et orientation des migrants",
        name_ar="استقبال وتوجيه المهاجرين",
        name_en="Welcome and orientation of migrants",
    )
    actions.verify_service(actor=None, service=service)
    return service


def pages():
    service = published_service()
    found = [
        ("home", reverse("core:home")),
        ("finder", reverse("services:search")),
        ("finder results", reverse("services:search") + "?q=migrants"),
        ("service page", reverse("services:detail", args=[service.pk])),
        ("offline page", reverse("pwa:offline")),
        ("sign-in", reverse("accounts:login")),
    ]
    if has_url("public:page-list"):
        found.append(("information pages", reverse("public:page-list")))
    if has_url("public:desk-list"):
        desk = public_desk()
        desk.services.add(service)
        found.append(("desk list", reverse("public:desk-list")))
        found.append(("desk page", reverse("public:desk-detail", args=[desk.code])))
    return found


def audit(page) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    problems = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            problems.append(f"{violation['id']}: {node['target']} — {node['failureSummary']}")
    return problems


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_public_pages_pass_axe(browser, live_server, transactional_db, lang):
    listed = pages()
    context = new_context(browser, live_server.url, locale=LOCALES[lang])
    page = context.new_page()
    page.set_default_timeout(10_000)
    failures = {}
    for label, path in listed:
        page.goto(path, wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == lang, (label, path)
        expected = "rtl" if lang == "ar" else "ltr"
        assert page.locator("html").get_attribute("dir") == expected, (label, path)
        problems = audit(page)
        if label == "information pages":  # and the first information page it links to
            links = page.locator("main a[href^='/info/']")
            if links.count():
                links.first.click()
                page.wait_for_load_state("networkidle")
                problems += [f"(info page) {p}" for p in audit(page)]
        if problems:
            failures[f"{label} {path}"] = problems
    context.close()
    assert not failures, "\n".join(
        f"{where}:\n  " + "\n  ".join(problems) for where, problems in failures.items()
    )


def focus_is_visible(page) -> bool:
    """The focused element shows an outline or a box shadow (Bootstrap's focus ring)."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          return outline || (style.boxShadow && style.boxShadow !== "none");
        }"""
    )


def test_keyboard_reaches_search_and_results(browser, live_server, transactional_db):
    published_service()
    context = new_context(browser, live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(reverse("core:home"))
    # From the top of the page, Tab goes first to the skip link, which is then visible.
    page.keyboard.press("Tab")
    skip = page.locator("a[href='#main']")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#main"
    assert skip.is_visible()
    # The finder: Tab until the search field has the focus.
    page.goto(reverse("services:search"))
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "q":
            break
    else:
        pytest.fail("the search field cannot be reached with the keyboard")
    assert focus_is_visible(page)
    page.keyboard.type("migrants")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    target = page.locator("[data-testid='result-count']")
    assert "1" in target.inner_text()
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href.startswith("/services/") and len(href) > len("/services/") + 30:
            break
    else:
        pytest.fail("no result link can be reached with the keyboard")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Accueil et orientation des migrants" in page.locator("h1").inner_text()
    context.close()


def test_the_audit_sees_a_violation(browser, live_server, transactional_db):
    """The guard of the audit above: a picture without a text alternative is reported."""
    context = new_context(browser, live_server.url)
    page = context.new_page()
    page.goto(reverse("services:search"))
    page.evaluate("() => document.getElementById('main').append(document.createElement('img'))")
    assert any(problem.startswith("image-alt") for problem in audit(page))
    context.close()
