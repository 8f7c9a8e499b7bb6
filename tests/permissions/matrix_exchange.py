"""Permission matrix of the directory import and export (directory-exchange:*).

Import (upload + dry run, apply) is for directory managers (Perm.MANAGE_DIRECTORY: the
system administrator). The apply row posts a forged token: a manager gets the "expired"
page (400, not a refusal), everyone else a 403. Export of published services and the survey
template are for every directory editor (Perm.EDIT_OWN_SERVICES); exporting everything is a
form choice offered to managers only (tests/directory/test_exchange_views.py).
"""

DIRECTORY_MANAGERS = {"admin"}
DIRECTORY_EDITORS = {
    "admin",
    "admin.sfax",
    "conseiller.tunis",
    "conseiller.sfax",
    "superviseur",
    "aneti.sfax",
    "cps.sfax",
    "mediateur.lamarsa",
}

MATRIX = {
    "directory-exchange:import": {"allowed": DIRECTORY_MANAGERS},
    "directory-exchange:import-apply": {
        "allowed": DIRECTORY_MANAGERS,
        "method": "post",
        "data": {"token": "forged"},
    },
    "directory-exchange:export": {"allowed": DIRECTORY_EDITORS},
    "directory-exchange:survey-template": {"allowed": DIRECTORY_EDITORS},
}
