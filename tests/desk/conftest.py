"""Desks of the stories: the weekly guichet of La Marsa (held by the municipality, staffed
by mediateur.lamarsa) and the reception desk of the Tounesna antenna in Tunis."""

import datetime

import pytest

from tests.factories.desk import DeskOpeningFactory, DeskPointFactory, published_service


@pytest.fixture
def services(db):
    """Two published services (health, schooling) and a draft no one may orient to."""
    from tests.factories.directory import ServiceFactory

    return {
        "health": published_service(name_fr="Centre de santé de base La Marsa"),
        "school": published_service(name_fr="Inscription scolaire des enfants"),
        "draft": ServiceFactory(name_fr="Service en brouillon"),
    }


@pytest.fixture
def marsa_desk(persona, services):
    desk = DeskPointFactory(
        code="la-marsa",
        name_fr="Guichet de La Marsa",
        name_ar="شباك المرسى",
        name_en="La Marsa desk",
        holder=persona.institution("mun-la-marsa"),
    )
    desk.mediators.add(persona("mediateur.lamarsa"))
    desk.services.add(services["health"], services["school"])
    DeskOpeningFactory(desk=desk, weekday=2, opens_at=datetime.time(9), closes_at=datetime.time(13))
    return desk


@pytest.fixture
def tunis_desk(persona, services):
    desk = DeskPointFactory(
        code="ote-tunis",
        name_fr="Antenne Tounesna de Tunis",
        holder=persona.institution("ote-tunis"),
    )
    desk.services.add(services["health"])
    return desk
