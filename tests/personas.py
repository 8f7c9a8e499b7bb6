"""Named personas: the demo logins, built the way the application builds them.

Use them by name (``persona("conseiller.tunis")``) so that tests read like the stories of
the people who use Masar.
"""

from masar.accounts.models import InstitutionKind
from masar.accounts.policy import Role

from .factories import InstitutionFactory, UserFactory

INSTITUTIONS = {
    "ote-siege": ("Office des Tunisiens à l'Étranger — siège", InstitutionKind.OTE_HQ, None),
    "ote-tunis": ("Antenne Tounesna de Tunis", InstitutionKind.OTE_ANTENNA, "ote-siege"),
    "ote-sfax": ("Antenne Tounesna de Sfax", InstitutionKind.OTE_ANTENNA, "ote-siege"),
    "aneti-sfax": ("Bureau de l'emploi ANETI de Sfax", InstitutionKind.ANETI, None),
    "cps-sfax": ("Centre de promotion sociale de Sfax", InstitutionKind.CPS, None),
    "mun-la-marsa": ("Municipalité de La Marsa", InstitutionKind.MUNICIPALITY, None),
    "onm": ("Observatoire national de la migration", InstitutionKind.OBSERVATORY, None),
}

PERSONAS = {
    # username: (institution code, roles)
    "admin": ("ote-siege", [Role.SYSADMIN]),
    "admin.sfax": ("ote-sfax", [Role.INSTITUTION_ADMIN]),
    "conseiller.tunis": ("ote-tunis", [Role.COUNSELLOR]),
    "conseiller.sfax": ("ote-sfax", [Role.COUNSELLOR]),
    "superviseur": ("ote-siege", [Role.SUPERVISOR]),
    "social.sfax": ("ote-sfax", [Role.SOCIAL_WORKER]),
    "aneti.sfax": ("aneti-sfax", [Role.PARTNER_OFFICER]),
    "cps.sfax": ("cps-sfax", [Role.PARTNER_OFFICER]),
    "mediateur.lamarsa": ("mun-la-marsa", [Role.MEDIATOR]),
    "suivi": ("ote-siege", [Role.ME_OFFICER]),
    "onm": ("onm", [Role.DATA_ANALYST]),
}


class Personas:
    def __init__(self):
        self._institutions = {}
        self._users = {}

    def institution(self, code):
        if code not in self._institutions:
            name, kind, parent = INSTITUTIONS[code]
            self._institutions[code] = InstitutionFactory(
                code=code,
                name_fr=name,
                kind=kind,
                parent=self.institution(parent) if parent else None,
            )
        return self._institutions[code]

    def __call__(self, username):
        if username not in self._users:
            code, roles = PERSONAS[username]
            self._users[username] = UserFactory(
                username=username, institution=self.institution(code), roles=roles
            )
        return self._users[username]
