"""The timeline speaks the reader's language, whoever wrote it and in whichever language."""

import pytest
from django.urls import reverse
from django.utils import translation

from masar.cases.actions import change_case_status
from masar.cases.models import CaseEvent
from tests.factories.cases import CaseFactory

pytestmark = pytest.mark.django_db


def test_timeline_written_in_arabic_reads_in_french_english_and_arabic(persona, client_for):
    counsellor = persona("conseiller.sfax")
    case = CaseFactory(actor=counsellor)
    with translation.override("ar"):
        change_case_status(actor=counsellor, case=case, to="assessment")
    event = CaseEvent.objects.get(case=case, kind="status_changed")
    assert event.summary == "Status: %(from)s → %(to)s"  # stored as the English message
    assert event.params == {"from": "Reception", "to": "Needs assessment"}

    client = client_for("conseiller.sfax")
    url = reverse("cases:case-detail", args=[case.pk])
    pages = {}
    for language in ("fr", "en", "ar"):
        client.post(reverse("set_language"), {"language": language, "next": url})
        pages[language] = client.get(url).content.decode()

    def timeline(language):
        page = pages[language]
        start = page.index('data-testid="timeline"')
        return page[start : page.index("</ol>", start)]

    def labels(language):
        with translation.override(language):
            return [translation.gettext("Reception"), translation.gettext("Needs assessment")]

    assert labels("fr") != labels("en") != labels("ar")
    for language in ("fr", "en", "ar"):
        for label in labels(language):
            assert label in timeline(language), (language, label)
    for label in labels("ar"):
        assert label not in timeline("fr")


def test_timeline_rows_without_parameters_still_show(persona):
    case = CaseFactory(actor=persona("conseiller.sfax"))
    event = CaseEvent.objects.create(case=case, kind="opened", summary="Écrit à la main 100 %")
    assert event.text == "Écrit à la main 100 %"
