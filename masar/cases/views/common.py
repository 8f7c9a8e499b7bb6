"""What the case views share."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError


def new_key() -> str:
    return uuid.uuid4().hex


def form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
