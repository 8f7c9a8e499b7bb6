"""Marking public pages. A response marked public may be kept by the service worker for
offline reading (see masar/portal/pwa.py): only pages rendered for an anonymous visitor are
marked, so nothing personal (not even a staff member's user name in the header) is ever
stored in the browser."""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

PUBLIC_HEADER = "X-Masar-Public"


def public_page(view):
    """Open to everyone; the response is marked public when the visitor is anonymous."""

    @login_not_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if (
            not request.user.is_authenticated
            and response.status_code == 200
            and request.method in ("GET", "HEAD")
        ):
            response[PUBLIC_HEADER] = "1"
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    return wrapper


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
