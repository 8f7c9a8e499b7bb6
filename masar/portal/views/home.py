"""The portal's home for the public (``/`` for a visitor who is not signed in, see
masar.core.views.home): light, mobile-first, no map and no large image."""

from django.shortcuts import render
from django.utils import timezone

from masar.directory.models import TaxonomyTerm

from ..models import InfoPage
from ..openings import upcoming
from .desks import public_desks

DESKS_ON_HOME = 6


def home(request):
    now = timezone.now()
    desks = list(public_desks()[:DESKS_ON_HOME])
    for desk in desks:
        desk.upcoming = upcoming(desk, now=now, count=1)
    # Soonest first; desks without a coming opening last.
    desks.sort(key=lambda d: (not d.upcoming, d.upcoming[0]["start"] if d.upcoming else now))
    context = {
        "needs": TaxonomyTerm.objects.filter(taxonomy__code="needs", parent=None).order_by(
            "position", "code"
        ),
        "desks": desks,
        "pages": InfoPage.objects.published(),
    }
    return render(request, "portal/home.html", context)


urlpatterns: list = []
