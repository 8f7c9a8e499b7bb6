"""The commitment contract ("contrat d'engagement") of an approved aid file, as a PDF in French
or Arabic (WeasyPrint; Arabic shaped by Pango and laid out right to left, with the fonts we
ship, as the directory brochure does). Called by ``actions.aid.issue_contract`` only."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation

from masar.directory.brochure import _fetcher

STYLESHEET = "masar/contract.css"


def render_html(aid_file, language: str) -> str:
    enrolment = aid_file.enrolment
    case = enrolment.case
    with translation.override(language):
        return render_to_string(
            "cases/contract/contract.html",
            {
                "lang": language,
                "rtl": language == "ar",
                "aid": aid_file,
                "case": case,
                "person": case.beneficiary,
                "programme": enrolment.programme,
                "reference": str(aid_file.pk)[:8].upper(),
                "issued_on": timezone.localdate(),
            },
        )


def render_contract(aid_file, language: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_html(aid_file, language)
    fonts = FontConfiguration()
    fetcher = _fetcher()
    stylesheet = CSS(filename=finders.find(STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], font_config=fonts
    )
