"""What every reader produces and the importer consumes: one ``ServiceIn`` per service
(a "row" of the report), whatever the file format, and the report itself.

A value left out (``None`` for relations, a key absent from ``values``) means "leave what
Masar holds unchanged"; an empty list means "none".
"""

import uuid
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy


@dataclass
class OrgIn:
    id: uuid.UUID | None = None
    values: dict = field(default_factory=dict)  # actions.ORGANIZATION_FIELDS
    parent_id: uuid.UUID | None = None


@dataclass
class LocationIn:
    id: uuid.UUID | None = None
    values: dict = field(default_factory=dict)  # actions.LOCATION_FIELDS but the territory
    governorate: str = ""  # a code (TN-61) or a name in French, Arabic or English
    delegation: str | None = None  # None: not given (left unchanged); "": none
    municipality: str | None = None


@dataclass
class TermRef:
    """A category or audience as a file names it: by HSDS id, or by code."""

    id: str = ""
    code: str = ""
    taxonomy: str = ""  # "needs", "audiences", or "" (decided by the term found)


@dataclass
class ServiceIn:
    label: str
    id: uuid.UUID | None = None
    organization: OrgIn | None = None
    values: dict = field(default_factory=dict)  # actions.SERVICE_FIELDS
    locations: list[LocationIn] | None = None
    terms: list[TermRef] | None = None  # categories and audiences together
    languages: list[str] | None = None
    schedules: list[tuple[int, time, time]] | None = None
    phones: list[str] | None = None
    assured_date: date | None = None
    errors: list[str] = field(default_factory=list)  # found while reading the file
    # Survey sheets name one place per row: it is added to the service's places (and
    # matched by governorate), instead of replacing the whole list as HSDS files do.
    merge_locations: bool = False

    @property
    def display_name(self) -> str:
        return self.values.get("name_fr") or self.values.get("name_ar") or ""


class Outcome:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REFUSED = "refused"

    LABELS = {
        CREATED: pgettext_lazy("import outcome", "created"),
        UPDATED: pgettext_lazy("import outcome", "updated"),
        UNCHANGED: pgettext_lazy("import outcome", "unchanged"),
        REFUSED: pgettext_lazy("import outcome", "refused"),
    }


@dataclass
class RowResult:
    label: str
    outcome: str
    name: str = ""
    service_id: str = ""
    messages: list[str] = field(default_factory=list)

    @property
    def outcome_label(self):
        return Outcome.LABELS[self.outcome]


@dataclass
class Report:
    rows: list[RowResult] = field(default_factory=list)
    file_error: str = ""
    dry_run: bool = True
    all_or_nothing: bool = True
    applied: bool = False  # True once the changes are committed

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def counts(self) -> dict:
        outcomes = (Outcome.CREATED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.REFUSED)
        return {o: self.count(o) for o in outcomes}

    @property
    def labelled_counts(self) -> list:
        return [(Outcome.LABELS[o], n, o) for o, n in self.counts.items()]

    @property
    def refused(self) -> int:
        return self.count(Outcome.REFUSED)

    @property
    def ok(self) -> bool:
        return not self.file_error and not (self.all_or_nothing and self.refused)

    def as_text(self) -> str:
        lines = []
        if self.file_error:
            lines.append(_("The file was refused: %(reason)s") % {"reason": self.file_error})
        for row in self.rows:
            detail = f" — {' '.join(row.messages)}" if row.messages else ""
            lines.append(f"{row.label}: {row.outcome_label} {row.name}{detail}")
        counts = ", ".join(f"{label}: {n}" for label, n, _code in self.labelled_counts)
        lines.append(counts)
        return "\n".join(str(line) for line in lines)
