"""/api/v1 endpoints for needs (see masar/cases/views/needs.py for the pages)."""

from ninja import Router

router = Router(tags=["cases"])
