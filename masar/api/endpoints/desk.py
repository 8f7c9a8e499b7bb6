"""Stub: /api/v1 endpoints filled by the part that owns them."""

from ninja import Router

router = Router()
