"""/api/v1 endpoints for aid (see masar/cases/views/aid.py for the pages)."""

from ninja import Router

router = Router(tags=["cases"])
