"""/api/v1 endpoints for referrals (see masar/cases/views/referrals.py for the pages)."""

from ninja import Router

router = Router(tags=["cases"])
