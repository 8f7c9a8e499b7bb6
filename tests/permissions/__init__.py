ANONYMOUS = "anonymous"


class _Everyone:
    """Marker: the row is open to everyone, signed in or not."""

    def __repr__(self):
        return "EVERYONE"


EVERYONE = _Everyone()

# Who works on cases: counsellors, the social worker (Sfax) and the supervisor (headquarters,
# every antenna under it). Sfax records are out of scope (404) for the Tunis counsellor.
CASE_STAFF = frozenset({"conseiller.sfax", "conseiller.tunis", "social.sfax", "superviseur"})
SFAX_CASE_STAFF = frozenset({"conseiller.sfax", "social.sfax", "superviseur"})
