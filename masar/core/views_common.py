"""What every app's views share: the double-tap key of creating forms, and an action's
ValidationError put on the form or in the messages."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError


def new_key() -> str:
    """The hidden ``idempotency_key`` of a form that creates something (see
    masar.core.middleware.IdempotencyMiddleware)."""
    return uuid.uuid4().hex


def form_errors(form, exc: ValidationError) -> None:
    """An action's refusal, on the form fields it names (or on the whole form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
