"""Stub: filled by the part that owns it (manifest, service worker, offline page)."""

urlpatterns: list = []
