"""The printable brochure: a PDF of the published services of one area, French or Arabic."""

import shutil
import subprocess
from datetime import time, timedelta

import pytest
from django.utils import timezone

from masar.directory import actions, brochure
from masar.directory.actions import ServiceRelations
from masar.directory.models import Schedule
from masar.geo.models import Municipality
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term

PSY_AR = "الدعم النفسي للتونسيين العائدين"
WEEKDAYS = [(d, time(8, 30), time(13, 0)) for d in range(5)]


def _service(org, place, *, name_fr, name_ar, phone, verified_days_ago=None, **values):
    service = ServiceFactory(
        organization=org,
        name_fr=name_fr,
        name_ar=name_ar,
        relations=ServiceRelations(
            categories=[term("mental-health")],
            audiences=[term("returnees")],
            languages=["ar", "fr"],
            locations=[place],
            schedules=WEEKDAYS,
            phones=[phone],
        ),
        **values,
    )
    if verified_days_ago is not None:
        actions.record_service_verification(
            actor=None,
            service=service,
            verified_at=timezone.now() - timedelta(days=verified_days_ago),
        )
    return service


@pytest.fixture
def sfax(db):
    """Three published services in Sfax (one stale), a draft, and one in Tunis."""
    sfax_ville = delegation()
    Municipality.objects.get_or_create(
        code=sfax_ville.code,
        defaults={"delegation": sfax_ville, "name_fr": "Sfax Ville", "name_ar": "صفاقس المدينة"},
    )
    org = OrganizationFactory(name_fr="CHU Hédi Chaker", name_ar="المستشفى الجامعي الهادي شاكر")
    place = LocationFactory(
        organization=org,
        address_1="Route El Ain km 0,5",
        governorate=sfax_ville.governorate,
        delegation=sfax_ville,
        municipality=Municipality.objects.get(code=sfax_ville.code),
    )
    tunis = governorate("TN-11", "Tunis", "تونس")
    return {
        "psy": _service(
            org,
            place,
            name_fr="Soutien psychologique des Tunisiens de retour",
            name_ar=PSY_AR,
            phone="+216 74 241 511",
            verified_days_ago=20,
        ),
        "stale": _service(
            org,
            place,
            name_fr="Consultations de psychiatrie",
            name_ar="استشارات الطب النفسي",
            phone="+216 74 241 600",
            verified_days_ago=500,
            is_free=False,
            fees_description_fr="Ticket modérateur",
        ),
        "draft": _service(
            org,
            place,
            name_fr="Brouillon jamais vérifié",
            name_ar="مسودة غير منشورة",
            phone="+216 74 999 999",
        ),
        "tunis": _service(
            org,
            LocationFactory(organization=org, governorate=tunis, latitude=36.8, longitude=10.18),
            name_fr="Service de Tunis",
            name_ar="خدمة تونس",
            phone="+216 71 000 001",
            verified_days_ago=3,
        ),
    }


def _pdf_text(pdf: bytes, tmp_path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    path = tmp_path / "brochure.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_brochure_area_downloads_the_pdf_of_sfax(client, sfax, lang, tmp_path):
    response = client.get(f"/brochure/TN-61/?lang={lang}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="masar-services-sfax-{lang}.pdf"'
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    text = _pdf_text(pdf, tmp_path)
    if text is not None:  # poppler-utils installed: check what was printed
        assert "+216 74 241 511" in text and "+216 74 241 600" in text
        assert "+216 74 999 999" not in text  # the draft
        assert "+216 71 000 001" not in text  # another governorate
        assert "Route El Ain km 0,5" in text
        if lang == "fr":
            assert "Soutien psychologique des Tunisiens de retour" in text


def test_brochure_html_in_arabic_is_rtl_and_lists_only_published_services(sfax):
    area = brochure.find_area("TN-61")
    html = brochure.render_html(area, "ar")

    assert '<html lang="ar" dir="rtl">' in html
    assert PSY_AR in html and "استشارات الطب النفسي" in html
    assert "مسودة غير منشورة" not in html and "خدمة تونس" not in html
    assert html.count('class="service stale"') == 1  # the one verified 500 days ago
    assert 'dir="ltr">+216 74 241 511<' in html  # phone numbers keep their order in RTL
    assert "صفاقس" in html  # area name in Arabic
    # The layout gives a cover and at least one page of services.
    from weasyprint import HTML

    assert len(HTML(string=html).render().pages) >= 2


def test_brochure_html_in_french_groups_by_category_with_the_facts(sfax):
    html = brochure.render_html(brochure.find_area("TN-61"), "fr")

    assert '<html lang="fr" dir="ltr">' in html
    assert "Santé" in html  # the top-level category of mental health
    assert "CHU Hédi Chaker" in html
    assert "Ticket modérateur" in html
    assert "08:30–13:00" in html


def test_brochure_area_of_a_municipality(client, sfax):
    response = client.get("/brochure/TN-61-sfax-ville/?lang=ar")

    assert response.status_code == 200
    assert "masar-services-sfax-ville-ar.pdf" in response["Content-Disposition"]


def test_brochure_area_unknown_area_or_language_is_404(client, sfax):
    assert client.get("/brochure/TN-99/?lang=fr").status_code == 404
    assert client.get("/brochure/TN-61/?lang=de").status_code == 404


def test_brochure_area_answers_304_until_a_service_changes(client, sfax):
    first = client.get("/brochure/TN-61/?lang=fr")
    etag = first["ETag"]
    assert "public" in first["Cache-Control"]

    again = client.get("/brochure/TN-61/?lang=fr", headers={"if-none-match": etag})
    assert again.status_code == 304

    actions.update_service(actor=None, service=sfax["psy"], name_fr="Soutien psychologique")
    changed = client.get("/brochure/TN-61/?lang=fr", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert client.get("/brochure/TN-61/?lang=ar")["ETag"] != changed["ETag"]


def test_brochure_choose_lists_areas_and_redirects_a_choice(client, sfax):
    page = client.get("/brochure/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "/brochure/TN-61/?lang=ar" in body
    assert 'value="TN-61-sfax-ville"' in body
    assert "<script>" not in body

    chosen = client.get("/brochure/", {"area": "TN-61-sfax-ville", "lang": "ar"})
    assert chosen.status_code == 302
    assert chosen["Location"] == "/brochure/TN-61-sfax-ville/?lang=ar"
    assert client.get("/brochure/", {"area": "nowhere", "lang": "fr"}).status_code == 404


def test_brochure_fetcher_reads_only_our_static_files():
    fetcher = brochure._fetcher()
    for url in ("file:///etc/passwd", "https://example.com/x.css", "file:///work/../etc/hosts"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_brochure_hours_lines_merge_days_with_the_same_hours():
    rows = [
        Schedule(weekday=d, opens_at=time(8), closes_at=time(12, 30)) for d in (0, 1, 2, 3, 4)
    ] + [Schedule(weekday=5, opens_at=time(9), closes_at=time(12))]
    from django.utils import translation

    with translation.override("en"):
        assert brochure.hours_lines(rows) == [
            ("Mon–Fri", ["08:00–12:30"]),
            ("Sat", ["09:00–12:00"]),
        ]
        always = [Schedule(weekday=d, opens_at=time(0), closes_at=time(23, 59)) for d in range(7)]
        assert brochure.hours_lines(always) == [("Every day", ["24 hours a day"])]
