"""Information pages: the actions (validation, audit), the sanitised Markdown, the public
pages in three languages with the French fallback, and the staff editor."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from masar.audit.models import AuditEvent
from masar.portal import actions
from masar.portal.models import InfoPage
from tests.factories import InfoPageFactory

pytestmark = pytest.mark.django_db


def test_create_page_is_a_draft_and_audited(persona):
    editor = persona("superviseur")
    page = actions.create_page(
        actor=editor, slug="droits", category="rights", title_fr="Vos droits", body_fr="Texte"
    )
    assert page.status == "draft"
    assert page.updated_by == editor
    event = AuditEvent.objects.get(object_type="portal.infopage", object_id=str(page.pk))
    assert event.action == "create" and event.actor_username == "superviseur"


def test_create_page_refused_without_permission(persona):
    with pytest.raises(PermissionDenied):
        actions.create_page(
            actor=persona("conseiller.tunis"), slug="x", category="rights", title_fr="X"
        )
    assert not InfoPage.objects.exists()


def test_create_page_needs_french_title_and_free_slug(persona, english):
    editor = persona("superviseur")
    with pytest.raises(ValidationError) as excinfo:
        actions.create_page(actor=editor, slug="droits", category="rights", title_ar="حقوق")
    assert "French title" in str(excinfo.value)
    InfoPageFactory(slug="droits", actor=editor)
    with pytest.raises(ValidationError) as excinfo:
        actions.create_page(actor=editor, slug="droits", category="rights", title_fr="Autre")
    assert "already uses this address" in str(excinfo.value)
    with pytest.raises(ValidationError):
        actions.create_page(actor=editor, slug="x", category="nonsense", title_fr="X")
    assert InfoPage.objects.count() == 1


def test_update_and_publish_are_audited(persona):
    editor = persona("admin")
    page = InfoPageFactory(actor=editor, published=False)
    actions.update_page(actor=editor, page=page, title_en="Rights", body_en="Text")
    actions.set_page_status(actor=editor, page=page, status="published")
    page.refresh_from_db()
    assert page.status == "published" and page.title_en == "Rights"
    events = list(
        AuditEvent.objects.filter(object_id=str(page.pk))
        .order_by("seq")
        .values_list("action", "changes")
    )
    assert events[-2] == ("update", {"title_en": "changed", "body_en": "changed"})
    assert events[-1] == ("update", {"status": ["draft", "published"]})


def test_unchanged_update_writes_nothing(persona):
    editor = persona("admin")
    page = InfoPageFactory(actor=editor)
    before = AuditEvent.objects.count()
    actions.update_page(actor=editor, page=page, title_fr=page.title_fr)
    assert AuditEvent.objects.count() == before


def test_publish_needs_french_text(persona, english):
    editor = persona("admin")
    page = actions.create_page(actor=editor, slug="vide", category="other", title_fr="Vide")
    with pytest.raises(ValidationError, match="French title and text"):
        actions.set_page_status(actor=editor, page=page, status="published")
    page.refresh_from_db()
    assert page.status == "draft"


def test_markdown_is_sanitised(persona):
    page = InfoPageFactory(
        body_fr=(
            "## Titre\n\n<script>alert(1)</script>\n\n"
            '<a href="javascript:alert(2)" onclick="x()">lien</a> '
            "[ok](https://example.org) <img src=x onerror=alert(3)>"
        )
    )
    html = str(page.body_html)
    assert "<h2>Titre</h2>" in html
    assert "<script" not in html and "javascript:" not in html
    assert "onclick" not in html and "onerror" not in html and "<img" not in html
    assert 'href="https://example.org"' in html


@pytest.mark.parametrize(
    ("lang", "rtl", "title"),
    [("fr", False, "Vos droits"), ("ar", True, "حقوقك"), ("en", False, "Your rights")],
)
def test_public_page_in_each_language(client, lang, rtl, title):
    InfoPageFactory(
        slug="droits",
        title_fr="Vos droits",
        title_ar="حقوقك",
        title_en="Your rights",
        body_ar="نص",
        body_en="Text",
    )
    response = client.get("/info/droits/", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}">' in html
    assert 'data-testid="info-page"' in html and title in html
    assert 'data-testid="not-translated"' not in html
    assert response["X-Masar-Public"] == "1"


def test_untranslated_page_falls_back_to_french_with_a_note(client):
    InfoPageFactory(slug="droits", title_fr="Vos droits", body_fr="Texte en français")
    html = client.get("/info/droits/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in html
    assert "Vos droits" in html and "Texte en français" in html
    assert 'data-testid="not-translated"' in html


def test_drafts_and_unknown_slugs_are_404(client):
    InfoPageFactory(slug="brouillon", published=False)
    assert client.get("/info/brouillon/").status_code == 404
    assert client.get("/info/nothing-here/").status_code == 404
    assert "brouillon" not in client.get("/info/").content.decode()


def test_page_list_absurd_page_numbers(client):
    InfoPageFactory(title_fr="Visible")
    for page in ("-1", "999999", "abc", "9" * 50):
        response = client.get("/info/", {"page": page})
        assert response.status_code == 200
        assert "Visible" in response.content.decode()


def test_page_list_query_count(client, django_assert_num_queries):
    editor = None
    for _ in range(3):
        page = InfoPageFactory(actor=editor)
        editor = page.updated_by
    client.get("/info/")  # warm the session and the site caches
    with django_assert_num_queries(2):  # count, page
        response = client.get("/info/")
    assert response.content.decode().count("/info/page-") == 3


def test_staff_editor_lists_translation_completeness(client_for, english):
    InfoPageFactory(slug="complete", title_ar="ع", body_ar="ع", title_en="E", body_en="E")
    InfoPageFactory(slug="french-only")
    html = client_for("superviseur").get("/portal/pages/").content.decode()
    assert html.count('data-testid="translated-ar"') == 2
    row = html[html.index("french-only") :]
    assert "missing" in row[: row.index("</tr>")]


def test_staff_creates_edits_and_publishes_through_the_pages(client_for):
    c = client_for("superviseur")
    blank = c.get("/portal/pages/new/").content.decode()
    assert 'data-testid="lang-ar"' in blank and 'dir="rtl"' in blank and 'name="body_en"' in blank
    form = {
        "slug": "nouvelle",
        "category": "other",
        "position": 5,
        "title_fr": "Nouvelle page",
        "summary_fr": "",
        "body_fr": "Du **texte**",
        "title_ar": "صفحة جديدة",
        "summary_ar": "",
        "body_ar": "نص",
        "title_en": "",
        "summary_en": "",
        "body_en": "",
    }
    response = c.post("/portal/pages/new/", form)
    page = InfoPage.objects.get(slug="nouvelle")
    assert response.status_code == 302 and page.status == "draft"
    response = c.post(f"/portal/pages/{page.pk}/", {**form, "title_en": "New page"})
    assert response.status_code == 302
    preview = c.get(f"/portal/pages/{page.pk}/preview/").content.decode()
    assert "<strong>texte</strong>" in preview and "صفحة جديدة" in preview
    c.post(f"/portal/pages/{page.pk}/status/", {"status": "published"})
    page.refresh_from_db()
    assert page.status == "published" and page.title_en == "New page"
    c.post(f"/portal/pages/{page.pk}/status/", {"status": "draft"})
    page.refresh_from_db()
    assert page.status == "draft"


def test_staff_form_shows_clear_errors_and_saves_nothing(client_for, english):
    InfoPageFactory(slug="pris")
    c = client_for("admin")
    response = c.post(
        "/portal/pages/new/", {"slug": "pris", "category": "other", "position": 0, "title_fr": "X"}
    )
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert InfoPage.objects.count() == 1


@pytest.mark.parametrize("who", ["conseiller.tunis", "mediateur.lamarsa", "suivi"])
def test_staff_editor_refused_without_permission(client_for, who):
    page = InfoPageFactory()
    c = client_for(who)
    assert c.get("/portal/pages/").status_code == 403
    assert c.get(f"/portal/pages/{page.pk}/").status_code == 403
    assert c.post(f"/portal/pages/{page.pk}/status/", {"status": "draft"}).status_code == 403
    page.refresh_from_db()
    assert page.status == "published"


def test_staff_editor_redirects_anonymous_to_login(client):
    response = client.get("/portal/pages/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_demo_pages_are_complete_and_idempotent(persona):
    from masar.portal.demo import PAGES, seed

    persona("admin")
    assert seed() == {"pages": 5, "opinions": 4}
    assert seed() == {"pages": 0, "opinions": 0}
    pages = InfoPage.objects.published()
    assert pages.count() == len(PAGES) == 5
    for page in pages:
        assert all(page.translations.values()), page.slug
        assert all(getattr(page, f"summary_{lang}") for lang in ("fr", "ar", "en"))


def test_unknown_browser_language_gets_french(client):
    InfoPageFactory(slug="droits", title_fr="Vos droits")
    response = client.get("/info/droits/", HTTP_ACCEPT_LANGUAGE="xx-YY, tlh;q=0.8")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_staff_unknown_page_is_404(client_for):
    import uuid

    c = client_for("admin")
    assert c.get(f"/portal/pages/{uuid.uuid4()}/").status_code == 404
    assert c.post(f"/portal/pages/{uuid.uuid4()}/status/", {"status": "draft"}).status_code == 404


def test_staff_page_list_query_count(client_for, django_assert_num_queries):
    c = client_for("superviseur")
    InfoPageFactory()
    c.get("/portal/pages/")
    with django_assert_num_queries(5):
        c.get("/portal/pages/")
    InfoPageFactory()
    InfoPageFactory()
    with django_assert_num_queries(5):
        c.get("/portal/pages/")
