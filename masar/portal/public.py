"""Marking public pages. A response marked public may be kept by the service worker for
offline reading (see masar/portal/pwa.py): only pages rendered for an anonymous visitor are
marked, so nothing personal (not even a staff member's user name in the header) is ever
stored in the browser.

A public view may also ask for its anonymous pages to be kept a short while on the server
(``@public_page(cache_seconds=60)``): the page is rendered once per address and language and
served to the next anonymous visitors with their own CSRF token put back in. Only for pages
whose content is the same for every anonymous visitor (no form that creates something: a
page carrying an idempotency key is never kept)."""

import hashlib
import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

PUBLIC_HEADER = "X-Masar-Public"
CACHE_ALIAS = "public_pages"  # settings.CACHES (a dummy cache in the tests)
CACHE_PREFIX = "masar:public-page:"
CSRF_PLACEHOLDER = "__MASAR_CSRF_TOKEN__"
# Where a template puts the (masked) CSRF token: the form field and htmx's header.
CSRF_SPOTS = re.compile(
    r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]{32,64}(")'
)
MAX_KEYED_URL = 500  # longer addresses (absurd parameters) are never kept


def _cache_key(request) -> str | None:
    url = request.get_full_path()
    if len(url) > MAX_KEYED_URL:
        return None
    digest = hashlib.sha256(f"{get_language()}|{url}".encode()).hexdigest()
    return CACHE_PREFIX + digest


def _may_use_cache(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not request.headers.get("HX-Request")
        and not len(messages.get_messages(request))
    )


def _keep(key, response, seconds):
    if response.status_code != 200 or response.streaming or response.cookies.keys() - {"csrftoken"}:
        return
    content = response.content.decode(response.charset)
    if "idempotency_key" in content:
        return
    content = CSRF_SPOTS.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() in ("content-type", "content-language", "vary", "cache-control")
    }
    caches[CACHE_ALIAS].set(key, (content, headers), seconds)


def _replay(request, kept) -> HttpResponse:
    content, headers = kept
    response = HttpResponse(content.replace(CSRF_PLACEHOLDER, get_token(request)))
    for name, value in headers.items():
        response[name] = value
    return response


def public_page(view=None, *, cache_seconds: int = 0):
    """Open to everyone; the response is marked public when the visitor is anonymous.
    ``cache_seconds``: keep anonymous pages that long on the server (see above)."""

    def decorate(view):
        @login_not_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            key = None
            if cache_seconds and _may_use_cache(request):
                key = _cache_key(request)
            kept = caches[CACHE_ALIAS].get(key) if key else None
            if kept is not None:
                response = _replay(request, kept)
            else:
                response = view(request, *args, **kwargs)
                if key:
                    if hasattr(response, "render") and callable(response.render):
                        response.render()
                    _keep(key, response, cache_seconds)
            if (
                not request.user.is_authenticated
                and response.status_code == 200
                and request.method in ("GET", "HEAD")
            ):
                response[PUBLIC_HEADER] = "1"
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


class PublicGZipMiddleware(GZipMiddleware):
    """Compress the pages marked public (anonymous visitors) and nothing else.

    Compressing a page that holds a secret next to text an attacker can reflect into it
    (BREACH) lets the secret be guessed from the compressed sizes. A public page holds no
    personal data and its only secret, the CSRF token, is masked afresh in each response;
    pages for signed-in staff are left uncompressed. Static files come compressed from
    WhiteNoise (.gz/.br written by collectstatic)."""

    def process_response(self, request, response):
        if response.get(PUBLIC_HEADER) != "1":
            return response
        return super().process_response(request, response)
