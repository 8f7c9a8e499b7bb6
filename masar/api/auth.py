"""Bearer-token authentication for the API.

A token acts with exactly the permissions of its owner: endpoints ask ``policy.has_perm`` on
``request.auth`` (the owner, also available as ``request.auth_user``).
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from masar.accounts.policy import Perm, has_perm

from .models import TOKEN_PREFIX, ApiToken, hash_secret
from .problems import TokenRejected

TOUCH_INTERVAL = timedelta(minutes=1)  # last_used_at is written at most once a minute


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        token = token.strip()
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            raise TokenRejected(TokenRejected.INVALID)
        api_token = (
            ApiToken.objects.select_related("user", "user__institution")
            .filter(key_hash=hash_secret(token))
            .first()
        )
        if api_token is None or not api_token.user.is_active:
            raise TokenRejected(TokenRejected.INVALID)
        if api_token.is_revoked:
            raise TokenRejected(TokenRejected.REVOKED)
        if api_token.is_expired:
            raise TokenRejected(TokenRejected.EXPIRED)
        user = api_token.user
        if not has_perm(user, Perm.USE_API_TOKENS):
            raise PermissionDenied(_("This account is not allowed to use the API."))
        _touch(api_token)
        request.api_token = api_token
        request.auth_user = user
        request.user = user
        return user


def _touch(api_token: ApiToken) -> None:
    now = timezone.now()
    if api_token.last_used_at is None or now - api_token.last_used_at >= TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        api_token.last_used_at = now


def require(request, perm: str) -> None:
    """Refuse (403 problem) unless the token's owner holds ``perm``."""
    if not has_perm(request.auth, perm):
        raise PermissionDenied(_("You are not allowed to do this."))
