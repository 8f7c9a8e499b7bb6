"""URLs of /api/v1/ (included from config/urls.py).

The API authenticates each request by token, so its views are exempt from
LoginRequiredMiddleware; ninja answers 405 in plain text, which we turn into problem+json.
"""

from functools import wraps

from django.contrib.auth.decorators import login_not_required

from .api import api
from .problems import PROBLEM_CONTENT_TYPE, method_not_allowed


def _api_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and response.get("Content-Type") != PROBLEM_CONTENT_TYPE:
            return method_not_allowed(response.get("Allow", ""))
        return response

    return login_not_required(wrapper)


_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = _api_view(_pattern.callback)

app_name = _namespace  # "api-v1"
urlpatterns = _patterns
