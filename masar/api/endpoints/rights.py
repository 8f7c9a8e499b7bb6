"""/api/v1 endpoints for rights (see masar/cases/views/rights.py for the pages)."""

from ninja import Router

router = Router(tags=["cases"])
