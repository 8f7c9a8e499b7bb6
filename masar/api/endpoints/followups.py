"""/api/v1 endpoints for followups (see masar/cases/views/followups.py for the pages)."""

from ninja import Router

router = Router(tags=["cases"])
