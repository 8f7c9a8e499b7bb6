"""The caller's own API tokens."""

from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.responses import Status

from masar.api.actions import revoke_api_token
from masar.api.models import ApiToken
from masar.api.schemas import TokenOut

from . import errors

router = Router(tags=["tokens"])


@router.get(
    "/tokens",
    response={200: list[TokenOut], **errors(403)},
    url_name="token-list",
    operation_id="listTokens",
    summary="Your API tokens (never their secrets)",
)
def list_tokens(request):
    return ApiToken.objects.visible_to(request.auth)


@router.delete(
    "/tokens/{token_id}",
    response={204: None, **errors(403, 404)},
    url_name="token-detail",
    operation_id="revokeToken",
    summary="Revoke one of your API tokens",
)
def revoke_token(request, token_id: int):
    token = get_object_or_404(ApiToken.objects.visible_to(request.auth), pk=token_id)
    revoke_api_token(actor=request.auth, token=token)
    return Status(204, None)
