"""RFC 9457 problem details (application/problem+json), with translated messages.

Every error the API gives goes through here: ``install_problem_handlers(api)`` registers one
handler per exception class on the NinjaAPI, and the project-wide 4xx/5xx handlers and
middlewares call ``problem_response`` for paths under /api/.
"""

import json

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.db import IntegrityError, OperationalError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:masar:problem:"


def problem_body(status: int, title: str, detail: str = "", **extra) -> dict:
    body = {"type": "about:blank", "title": str(title), "status": status}
    if detail:
        body["detail"] = str(detail)
    body.update(extra)
    return body


def problem_response(status: int, title: str, detail: str = "", **extra) -> HttpResponse:
    return HttpResponse(
        json.dumps(problem_body(status, title, detail, **extra), ensure_ascii=False, default=str),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def problem(status: int, slug: str, title: str, detail: str = "", **extra) -> HttpResponse:
    """A problem with a stable machine-readable type (``urn:masar:problem:<slug>``)."""
    return problem_response(status, title, detail, type=TYPE_PREFIX + slug, **extra)


# --- Authentication -------------------------------------------------------------------------


class TokenRejected(AuthenticationError):
    """A bearer token was sent but cannot be used; ``reason`` says why."""

    MISSING = "missing"
    INVALID = "invalid"
    REVOKED = "revoked"
    EXPIRED = "expired"

    def __init__(self, reason: str = MISSING) -> None:
        self.reason = reason
        super().__init__(401, reason)


def _token_detail(reason: str) -> str:
    return {
        TokenRejected.MISSING: _(
            "Authentication is required. Send your API token in the header "
            "“Authorization: Bearer <token>”."
        ),
        TokenRejected.INVALID: _("This API token is not valid."),
        TokenRejected.REVOKED: _("This API token has been revoked."),
        TokenRejected.EXPIRED: _("This API token has expired."),
    }.get(reason, _("This API token is not valid."))


def unauthorized(request, exc) -> HttpResponse:
    reason = getattr(exc, "reason", TokenRejected.MISSING)
    response = problem(401, "unauthorized", _("Authentication required"), _token_detail(reason))
    challenge = 'Bearer realm="masar"'
    if reason != TokenRejected.MISSING:
        challenge += ', error="invalid_token"'
    response["WWW-Authenticate"] = challenge
    return response


def forbidden(request, exc) -> HttpResponse:
    detail = _("You are not allowed to do this.")
    if isinstance(exc, PermissionDenied) and exc.args and exc.args[0]:
        detail = str(exc.args[0])  # the actions raise translated messages
    return problem(403, "forbidden", _("Forbidden"), detail)


def not_found(request, exc) -> HttpResponse:
    return problem(404, "not-found", _("Not found"), _("There is nothing at this address."))


# --- Bad input ------------------------------------------------------------------------------


def _loc(loc) -> list:
    return [str(part) for part in loc]


def validation_failed(request, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"loc": _loc(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
        for e in exc.errors
    ]
    return _unprocessable(errors)


def django_validation_failed(request, exc: ValidationError) -> HttpResponse:
    errors = []
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            loc = ["body"] if field == "__all__" else ["body", field]
            errors += [{"loc": loc, "msg": str(m), "type": "invalid"} for m in messages]
    else:
        errors = [{"loc": ["body"], "msg": str(m), "type": "invalid"} for m in exc.messages]
    return _unprocessable(errors)


def _unprocessable(errors: list) -> HttpResponse:
    return problem(
        422,
        "validation-error",
        _("Invalid data"),
        _("Some of the data sent is not valid. See “errors” for each problem."),
        errors=errors,
    )


def malformed(request=None, exc=None) -> HttpResponse:
    return problem(
        400, "malformed-request", _("Bad request"), _("The request body is not valid JSON.")
    )


def too_big(request=None, exc=None) -> HttpResponse:
    return problem(
        413,
        "payload-too-large",
        _("Request too large"),
        _("The request body is larger than the server accepts (2 MiB)."),
    )


def method_not_allowed(allowed: str = "") -> HttpResponse:
    response = problem(
        405,
        "method-not-allowed",
        _("Method not allowed"),
        _("This address does not accept this HTTP method."),
    )
    if allowed:
        response["Allow"] = allowed
    return response


def conflict(request, exc) -> HttpResponse:
    return problem(
        409,
        "conflict",
        _("Conflict"),
        _("This change conflicts with data that was saved meanwhile. Please retry."),
    )


def throttled(request, exc: Throttled) -> HttpResponse:
    response = problem(
        429, "too-many-requests", _("Too many requests"), _("Please slow down and retry later.")
    )
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait))
    return response


def http_error(request, exc: HttpError) -> HttpResponse:
    """Errors ninja raises itself (e.g. 400 "Cannot parse request body")."""
    if isinstance(exc.__cause__, RequestDataTooBig):
        return too_big(request, exc)
    if exc.status_code == 400:
        return malformed(request, exc)
    if exc.status_code == 401:
        return unauthorized(request, exc)
    if exc.status_code == 403:
        return forbidden(request, exc)
    if exc.status_code == 404:
        return not_found(request, exc)
    if exc.status_code == 405:
        return method_not_allowed()
    if exc.status_code == 413:
        return too_big(request, exc)
    return problem(exc.status_code, "error", _("Request failed"), _("The request failed."))


def database_error(request, exc: OperationalError) -> HttpResponse:
    from masar.core.middleware import _is_busy, busy_response

    if _is_busy(exc):
        return busy_response(request)
    raise exc


def install_problem_handlers(api) -> None:
    """Register the problem+json handler of every error the API can give."""
    handlers = [
        (TokenRejected, unauthorized),
        (AuthenticationError, unauthorized),
        (AuthorizationError, forbidden),
        (PermissionDenied, forbidden),
        (Http404, not_found),
        (ObjectDoesNotExist, not_found),
        (NinjaValidationError, validation_failed),
        (ValidationError, django_validation_failed),
        (RequestDataTooBig, too_big),
        (Throttled, throttled),
        (HttpError, http_error),
        (IntegrityError, conflict),
        (OperationalError, database_error),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
