"""Demo data for followups, added to the demo cases by seed_demo (idempotent: a second run
creates nothing)."""


def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    return {}
