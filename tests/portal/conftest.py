import pytest


@pytest.fixture
def published_service(db):
    from masar.directory.actions import verify_service
    from tests.factories import ServiceFactory

    return verify_service(actor=None, service=ServiceFactory())


@pytest.fixture
def old_token():
    """A feedback form shown a minute ago (past the minimum fill time)."""
    import time

    from masar.portal.forms import form_token

    return form_token(at=time.time() - 60)
