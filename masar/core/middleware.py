import uuid

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .context import client_ip, request_id


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ip_token = client_ip.set(request.META.get("REMOTE_ADDR"))
        rid_token = request_id.set(uuid.uuid4().hex)
        try:
            return self.get_response(request)
        finally:
            client_ip.reset(ip_token)
            request_id.reset(rid_token)


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


class DatabaseBusyMiddleware:
    """A request that cannot get the database answers 503 with Retry-After, never 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except OperationalError as exc:
            if not _is_busy(exc):
                raise
            return busy_response(request)

    def process_exception(self, request, exception):
        if _is_busy(exception):
            return busy_response(request)
        return None


def busy_response(request):
    if request.path.startswith("/api/"):
        from masar.api.problems import problem_response

        response = problem_response(
            503, _("Service busy"), _("The database is busy. Please retry in a few seconds.")
        )
    else:
        response = HttpResponse(
            render_to_string("503.html", request=None), status=503, content_type="text/html"
        )
    response["Retry-After"] = "5"
    return response


class PrivateCacheMiddleware:
    """Pages seen by a signed-in person are never stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" in response.get("Cache-Control", ""):
            return response  # reference data a view chose to make cacheable (no personal data)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response


IDEMPOTENCY_HEADER = "HTTP_IDEMPOTENCY_KEY"
IDEMPOTENCY_FIELD = "idempotency_key"


class IdempotencyMiddleware:
    """A retried POST with the same Idempotency-Key never creates a second record.

    The key comes from the ``Idempotency-Key`` header (API) or from the hidden
    ``idempotency_key`` field that Masar forms carry (double taps). The first request claims
    the key; a retry replays the stored answer; a concurrent retry gets 409.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST":
            return self.get_response(request)
        key = request.META.get(IDEMPOTENCY_HEADER)
        if not key and self._small_form(request):
            key = request.POST.get(IDEMPOTENCY_FIELD)
        if not key:
            return self.get_response(request)
        from .models import IdempotencyKey

        key = key[:200]
        owner = self._owner(request)
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(key=key, owner=owner, path=request.path)
        except IntegrityError:
            previous = IdempotencyKey.objects.filter(key=key, owner=owner).first()
            if previous is None or previous.status_code is None:
                return self._conflict(request)
            if previous.path != request.path:
                return self._conflict(request)
            return previous.replay()
        response = self.get_response(request)
        if response.status_code >= 500 or response.status_code in (409, 429):
            IdempotencyKey.objects.filter(pk=record.pk).delete()
        else:
            record.store(response)
        return response

    @staticmethod
    def _small_form(request) -> bool:
        """Read the form's hidden key only from ordinary forms: an upload is left unparsed,
        so that the view can apply its own size limits before anything is read."""
        if request.content_type == "application/x-www-form-urlencoded":
            return True
        if request.content_type != "multipart/form-data":
            return False
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        return 0 < length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @staticmethod
    def _owner(request) -> str:
        auth = request.META.get("HTTP_AUTHORIZATION", "")
        if auth.lower().startswith("bearer "):
            import hashlib

            return "token:" + hashlib.sha256(auth[7:].strip().encode()).hexdigest()[:32]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return f"user:{user.pk}"
        return "session:" + (request.session.session_key or request.META.get("REMOTE_ADDR", ""))

    @staticmethod
    def _conflict(request):
        message = _("This request was already received and is being processed.")
        if request.path.startswith("/api/"):
            from masar.api.problems import problem_response

            return problem_response(409, _("Duplicate request"), message)
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")


def demo_mode() -> bool:
    return bool(getattr(settings, "MASAR_DEMO_RELAX_2FA", False))
