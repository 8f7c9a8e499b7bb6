"""Test settings: the real database (SQLite by default, PostgreSQL via DATABASE_URL)."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Pages are not kept between requests in the tests (a test of the page cache turns it on).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public_pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}

# Let the test runner flush audit rows between tests (the guard stays on in every other
# setting; tests of the guard switch it back on).
MASAR_AUDIT_ALLOW_PURGE = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c masar.allow_audit_purge=on"
else:
    # A file, not SQLite's shared in-memory database: its table locks fail at once ("database
    # table is locked") instead of waiting, so threads each with their own connection
    # (transactional tests of concurrent approvals) could not run. WAL, the busy timeout and
    # IMMEDIATE transactions then serialise the writers as in production.
    # One file per test process, so that two runs in one checkout never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}  # noqa: F405
