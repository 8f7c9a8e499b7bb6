"""Helpers for API tests: a bearer token for a persona, made by the real action."""


def token_headers(user) -> dict:
    from masar.api.actions import create_api_token

    _token, plaintext = create_api_token(actor=user, user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
