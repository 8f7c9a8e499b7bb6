import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .policy import requires_two_factor

SESSION_STARTED = "masar_started_at"
SESSION_SEEN = "masar_seen_at"
SESSION_EXPIRED = "masar_session_expired"


class SessionLimitsMiddleware:
    """30-minute idle and 10-hour absolute limits on staff sessions; a deactivated account's
    sessions end at their next request (Django refuses inactive users)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.get(SESSION_STARTED, now)
            seen = request.session.get(SESSION_SEEN, now)
            if (
                now - seen > settings.SESSION_IDLE_TIMEOUT
                or now - started > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                # The message middleware runs after this one: leave a flag in the new
                # (anonymous) session, and the login page says why.
                request.session[SESSION_EXPIRED] = True
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.path})}")
            if SESSION_STARTED not in request.session:
                request.session[SESSION_STARTED] = started
            # Refresh at most every 30 seconds: no session write on every request.
            if SESSION_SEEN not in request.session or now - seen > 30:
                request.session[SESSION_SEEN] = now
        return self.get_response(request)


# Paths a signed-in user may reach before completing two-factor authentication.
TWO_FACTOR_EXEMPT_NAMES = {
    "accounts:login",
    "accounts:logout",
    "accounts:otp-setup",
    "accounts:otp-verify",
    "set_language",
    "healthz",
    "core:about",
}


class TwoFactorRequiredMiddleware:
    """Every role that can see personal data must pass TOTP before any other page.

    Enrolment is forced at first login. Only the demo settings of ``make run`` may relax this
    (``MASAR_DEMO_RELAX_2FA``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or settings.MASAR_DEMO_RELAX_2FA:
            return None
        if request.path.startswith(("/api/", settings.STATIC_URL)):
            return None  # the API authenticates each request by token
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in TWO_FACTOR_EXEMPT_NAMES or not requires_two_factor(user):
            return None
        if user.is_verified():
            return None
        from django_otp import devices_for_user

        target = "accounts:otp-verify"
        if not any(True for _d in devices_for_user(user, confirmed=True)):
            target = "accounts:otp-setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
