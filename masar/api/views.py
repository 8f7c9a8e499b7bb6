"""Web pages where a person manages their own API tokens."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from masar.accounts.policy import Perm, has_perm

from .actions import create_api_token, revoke_api_token
from .forms import TokenForm
from .models import ApiToken


def _require_api_use(user):
    if not has_perm(user, Perm.USE_API_TOKENS):
        raise PermissionDenied(_("Your account is not allowed to use the API."))


def _list_page(request, form, status=200):
    tokens = ApiToken.objects.visible_to(request.user)
    return render(request, "api/token_list.html", {"tokens": tokens, "form": form}, status=status)


@require_GET
def token_list(request):
    _require_api_use(request.user)
    return _list_page(request, TokenForm())


@never_cache
@require_POST
def token_create(request):
    """The secret appears in this response only: no redirect, nothing kept to show it again.

    The form carries no idempotency key on purpose: a replayed answer would have to be stored,
    and it holds the secret. A double submit makes two tokens, both listed and revocable.
    """
    _require_api_use(request.user)
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    try:
        token, secret = create_api_token(
            actor=request.user,
            user=request.user,
            name=form.cleaned_data["name"],
            expires_at=form.expires_at(),
        )
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return _list_page(request, form, status=400)
    response = render(request, "api/token_created.html", {"token": token, "secret": secret})
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    return response


@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken.objects.visible_to(request.user), pk=pk)
    revoke_api_token(actor=request.user, token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("tokens:token-list")
