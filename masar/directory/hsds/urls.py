"""URLs of /api/hsds/ (included from config/urls.py): the public, read-only HSDS API.

Every view is public (exempt from LoginRequiredMiddleware). ``?lang=fr|ar|en`` chooses the
language of the answer over Accept-Language; an unknown value is refused by the view's query
schema (422). Ninja answers 405 in plain text, which we turn into problem+json.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.utils import translation

from masar.api.problems import PROBLEM_CONTENT_TYPE, method_not_allowed

from .api import api

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _hsds_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        lang = request.GET.get("lang")
        if lang in LANGUAGES:
            with translation.override(lang):
                request.LANGUAGE_CODE = lang
                response = view(request, *args, **kwargs)
                response["Content-Language"] = lang
        else:
            response = view(request, *args, **kwargs)
        if response.status_code == 405 and response.get("Content-Type") != PROBLEM_CONTENT_TYPE:
            with translation.override(lang if lang in LANGUAGES else translation.get_language()):
                return method_not_allowed(response.get("Allow", ""))
        return response

    return login_not_required(wrapper)


_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = _hsds_view(_pattern.callback)

app_name = _namespace  # "api-hsds"
urlpatterns = _patterns
