"""What the case views share (from masar.core.views_common)."""

from masar.core.views_common import flash_errors, form_errors, new_key

__all__ = ["flash_errors", "form_errors", "new_key"]
