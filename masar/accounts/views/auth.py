"""Sign-in, sign-out and passwords."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.views import (
    INTERNAL_RESET_SESSION_TOKEN,
    LoginView,
    PasswordChangeView,
    PasswordResetConfirmView,
)
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import actions
from ..forms import MasarAuthenticationForm, MasarPasswordChangeForm, MasarSetPasswordForm
from ..middleware import SESSION_EXPIRED, SESSION_SEEN, SESSION_STARTED
from ..models import User
from ..policy import requires_two_factor
from .common import has_confirmed_device, with_next


class MasarLoginView(LoginView):
    """Password step. Django's ``login`` gives the session a new key; django-axes blocks an
    account, and separately an address, after 5 failures (``accounts/locked_out.html``)."""

    template_name = "accounts/login.html"
    authentication_form = MasarAuthenticationForm
    redirect_authenticated_user = True

    def get(self, request, *args, **kwargs):
        if request.session.pop(SESSION_EXPIRED, False):
            messages.info(request, _("Your session has expired. Please sign in again."))
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        now = int(time.time())
        self.request.session[SESSION_STARTED] = now
        self.request.session[SESSION_SEEN] = now
        return response

    def get_success_url(self):
        url = super().get_success_url()
        user = self.request.user
        if settings.MASAR_DEMO_RELAX_2FA or not requires_two_factor(user):
            return url
        if getattr(user, "is_verified", lambda: False)():
            return url
        step = "accounts:otp-verify" if has_confirmed_device(user) else "accounts:otp-setup"
        return with_next(step, url)


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("accounts:login")


class MasarPasswordChangeView(PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    form_class = MasarPasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        # A plain instance, not the request's lazy user, so the audit sees the User model.
        user = User.objects.get(pk=form.user.pk)
        actions.set_user_password(
            actor=user, user=user, password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())


class MasarPasswordResetConfirmView(PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = MasarSetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        actions.set_user_password(
            actor=form.user, user=form.user, password=form.cleaned_data["new_password1"]
        )
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())
