"""The printable brochure: choose an area, download its PDF. Public, no JavaScript."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from .. import brochure

BROWSER_CACHE_SECONDS = 3600


def _lang(request) -> str:
    lang = request.GET.get("lang") or (get_language() or "fr")[:2]
    if lang not in brochure.LANGUAGES:
        raise Http404("unknown language")
    return lang


@login_not_required
@require_GET
def choose(request):
    """Governorates with download links; a municipality (or any area) through a plain
    GET form that comes back here and is redirected to its PDF."""
    code = request.GET.get("area", "").strip()
    if code:
        lang = _lang(request)
        if brochure.find_area(code) is None:
            raise Http404("unknown area")
        return redirect(f"{reverse('brochure:area', args=[code])}?lang={lang}")
    governorates, municipalities = brochure.area_choices()
    return render(
        request,
        "directory/brochure/choose.html",
        {
            "governorates": governorates,
            "municipalities": municipalities,
            "brochure_languages": brochure.LANGUAGES,
            "current_lang": (get_language() or "fr")[:2],
        },
    )


@login_not_required
@require_GET
def area(request, area_code):
    """The PDF of one area; 304 when the browser's copy is still right (ETag)."""
    found = brochure.find_area(area_code)
    if found is None:
        raise Http404("unknown area")
    lang = _lang(request)
    etag = brochure.fingerprint(found, lang)
    quoted = f'"{etag}"'
    if quoted in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(
            brochure.brochure_pdf(found, lang, etag), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{brochure.filename(found, lang)}"'
    response["ETag"] = quoted
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response
