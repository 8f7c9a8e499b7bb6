"""Permission matrix rows for the desk statistics (page, XLSX export, API).

VIEW_DESK_STATS: mediators, counsellors, institution admins, supervisors, M&E officers.
The system administrator manages desks but reads no statistics; partner officers, the
social worker and the data analyst hold no desk permission (403)."""

DESK_STATS = frozenset(
    {
        "admin.sfax",
        "conseiller.sfax",
        "conseiller.tunis",
        "mediateur.lamarsa",
        "superviseur",
        "suivi",
    }
)

MATRIX = {
    "desk:stats": {"allowed": DESK_STATS},
    "desk:stats-export": {"allowed": DESK_STATS},
    "GET /api/v1/desk/stats": {"allowed": DESK_STATS},
}
