"""Writes on API tokens. Each is one transaction that audits itself; secrets are never logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from masar.accounts.policy import Perm, can_manage_user, has_perm
from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from .models import DISPLAY_PREFIX_LENGTH, ApiToken, generate_secret, hash_secret

MAX_USABLE_TOKENS = 10  # per user; revoke an old token to make room


def create_api_token(*, actor, user, name: str, expires_at=None) -> tuple[ApiToken, str]:
    """Create a personal token for ``user`` and return it with its plaintext secret.

    The secret is returned once and stored only as a hash. A person creates tokens for
    themselves; ``actor=None`` is the system itself (``manage.py create_api_token``).
    """
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied(_("You can only create API tokens for yourself."))
    if not user.is_active or not has_perm(user, Perm.USE_API_TOKENS):
        raise PermissionDenied(_("This account is not allowed to use the API."))
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must be in the future.")})
    with transaction.atomic():
        if ApiToken.objects.filter(user=user).usable().count() >= MAX_USABLE_TOKENS:
            raise ValidationError(
                _("You already have %(count)d active tokens. Revoke one first.")
                % {"count": MAX_USABLE_TOKENS}
            )
        secret = generate_secret()
        token = ApiToken(
            user=user,
            name=name,
            prefix=secret[:DISPLAY_PREFIX_LENGTH],
            key_hash=hash_secret(secret),
            expires_at=expires_at,
        )
        token.full_clean()
        token.save()
        record_event(
            actor=actor,
            action=AuditAction.TOKEN_CREATED,
            obj=token,
            changes={
                "user": user.pk,
                "name": name,
                "prefix": token.prefix,
                "expires_at": expires_at,
            },
            summary=f"api token {token.pk} of user {user.pk}",
        )
        return token, secret


def revoke_api_token(*, actor, token: ApiToken) -> ApiToken:
    """Revoke a token at once. Its owner, or whoever manages the owner's account, may do it;
    revoking a revoked token changes nothing."""
    if actor is not None and actor.pk != token.user_id and not can_manage_user(actor, token.user):
        raise PermissionDenied(_("You can only revoke your own API tokens."))
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            return token
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(
            actor=actor,
            action=AuditAction.TOKEN_REVOKED,
            obj=token,
            changes={"user": token.user_id, "prefix": token.prefix},
            summary=f"api token {token.pk} of user {token.user_id}",
        )
        return token
