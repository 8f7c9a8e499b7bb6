ANONYMOUS = "anonymous"


class _Everyone:
    """Marker: the row is open to everyone, signed in or not."""

    def __repr__(self):
        return "EVERYONE"


EVERYONE = _Everyone()
