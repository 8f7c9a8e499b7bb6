"""Stub: filled by the part that owns it."""

urlpatterns: list = []
