"""Stub: filled by the part that owns it."""

urlpatterns: list = []

staff_urlpatterns: list = []
