"""Permission matrix rows for desk operations (``desk:`` pages except statistics, and the
desk API). See test_matrix.py for the format.

Objects are made lazily: a La Marsa desk (held by the municipality, staffed by
mediateur.lamarsa) for contacts, and a desk of the OTE Tunis antenna for management (its
institution's counsellor and the supervisor of the antennas see it; the supervisor and the
system administrator manage it). Desks of other institutions are a 404.
"""

# Hold desk.record_contacts or desk.manage_desks: the "Desks" menu.
DESK_STAFF = {
    "admin",
    "admin.sfax",
    "conseiller.tunis",
    "conseiller.sfax",
    "superviseur",
    "mediateur.lamarsa",
}
RECORDERS = {"conseiller.tunis", "conseiller.sfax", "superviseur", "mediateur.lamarsa"}
MANAGERS = {"admin", "admin.sfax", "superviseur"}
MARSA = {"mediateur.lamarsa"}
TUNIS_MANAGERS = {"admin", "superviseur"}


def _marsa_desk(personas):
    from tests.factories.desk import DeskPointFactory

    desk = DeskPointFactory(holder=personas.institution("mun-la-marsa"))
    desk.mediators.add(personas("mediateur.lamarsa"))
    return desk


def _tunis_desk(personas):
    from tests.factories.desk import DeskOpeningFactory, DeskPointFactory

    desk = DeskPointFactory(holder=personas.institution("ote-tunis"))
    DeskOpeningFactory(desk=desk)
    return desk


def _marsa_contact(personas):
    from tests.factories.desk import DeskContactFactory, published_service

    return DeskContactFactory(
        actor=personas("mediateur.lamarsa"),
        desk=_marsa_desk(personas),
        services=[published_service()],
    )


def _opening(personas):
    desk = _tunis_desk(personas)
    return {"pk": desk.pk, "opening": desk.openings.get().pk}


MATRIX = {
    "desk:desk-list": {"allowed": DESK_STAFF},
    "desk:desk-create": {"allowed": MANAGERS},
    "desk:desk-detail": {
        "allowed": TUNIS_MANAGERS | {"conseiller.tunis"},
        "kwargs": lambda p: {"pk": _tunis_desk(p).pk},
    },
    "desk:desk-edit": {"allowed": TUNIS_MANAGERS, "kwargs": lambda p: {"pk": _tunis_desk(p).pk}},
    "desk:desk-services": {
        "allowed": TUNIS_MANAGERS,
        "kwargs": lambda p: {"pk": _tunis_desk(p).pk},
    },
    "desk:desk-mediators": {
        "allowed": TUNIS_MANAGERS,
        "kwargs": lambda p: {"pk": _tunis_desk(p).pk},
    },
    "desk:session-create": {
        "allowed": TUNIS_MANAGERS | {"conseiller.tunis"},
        "kwargs": lambda p: {"pk": _tunis_desk(p).pk},
    },
    "desk:opening-add": {
        "allowed": TUNIS_MANAGERS,
        "method": "post",
        "kwargs": lambda p: {"pk": _tunis_desk(p).pk},
        "data": {"weekday": 4, "opens_at": "09:00", "closes_at": "12:00"},
        "order": 500,
    },
    "desk:opening-remove": {
        "allowed": TUNIS_MANAGERS,
        "method": "post",
        "kwargs": _opening,
        "order": 500,
    },
    "desk:contact-create": {"allowed": MARSA, "kwargs": lambda p: {"pk": _marsa_desk(p).pk}},
    "desk:contact-list": {"allowed": MARSA, "kwargs": lambda p: {"pk": _marsa_desk(p).pk}},
    "desk:contact-detail": {"allowed": MARSA, "kwargs": lambda p: {"pk": _marsa_contact(p).pk}},
    "desk:contact-slip": {"allowed": MARSA, "kwargs": lambda p: {"pk": _marsa_contact(p).pk}},
    "desk:contact-link": {"allowed": MARSA, "kwargs": lambda p: {"pk": _marsa_contact(p).pk}},
    "desk:orientation-reached": {
        "allowed": MARSA,
        "method": "post",
        "kwargs": lambda p: {"pk": _marsa_contact(p).orientations.get().pk},
        "data": {"reached": "yes"},
        "order": 500,
    },
    "desk:outreach-list": {"allowed": DESK_STAFF},
    "desk:outreach-create": {"allowed": RECORDERS},
    "GET /api/v1/desks": {"allowed": DESK_STAFF},
    "POST /api/v1/desks/{desk_id}/contacts": {
        "allowed": MARSA,
        "path": lambda p: f"/api/v1/desks/{_marsa_desk(p).pk}/contacts",
        "data": {"status": "migrant", "topics": ["rights"]},
        "order": 500,
    },
    "POST /api/v1/orientations/{orientation_id}/reached": {
        "allowed": MARSA,
        "path": lambda p: f"/api/v1/orientations/{_marsa_contact(p).orientations.get().pk}/reached",
        "data": {"reached": "no"},
        "order": 500,
    },
}
