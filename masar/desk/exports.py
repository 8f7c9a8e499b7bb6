"""The desk statistics as an XLSX workbook: an "About" sheet (period, desks, filters, when
and by whom it was computed), then one sheet per breakdown, headers in the reader's
language. Aggregates only: no name, no reference, nothing about a person.

openpyxl's write-only mode keeps memory flat; the workbook is written to a temporary file
that the response streams. Each export is recorded in the audit trail (AuditAction.EXPORT).
"""

import re
import tempfile

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.directory.exchange.safety import neutralise

from .stats import PERIODS, StatsFilter, definitions

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def record_stats_export(*, actor, flt: StatsFilter, contacts: int) -> None:
    """Audit one export (before the first byte leaves)."""
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="desk.stats",
        object_id=flt.desk.code if flt.desk is not None else "",
        summary=(
            f"desk statistics xlsx {flt.date_from.isoformat()}..{flt.date_to.isoformat()} "
            f"desk={flt.desk.code if flt.desk is not None else 'all'} contacts={contacts}"
        ),
        changes={**flt.describe(), "format": "xlsx", "language": get_language()},
    )


def _sheet_title(title: str, used: set) -> str:
    """Excel's rules: 31 characters at most, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _text(value):
    return neutralise(value) if isinstance(value, str) else value


def _sheets(stats: dict) -> list[tuple[str, list, list]]:
    """(title, header, rows) for each breakdown."""
    count, share = _("Contacts"), _("Share of contacts (percent)")

    def simple(rows, first):
        return [first, count, share], [[r["label"], r["count"], r["share"]] for r in rows]

    cross = stats["status_by_sex"]
    orientations = stats["orientations"]
    outreach = stats["outreach"]
    outreach_header = [
        _("Kind"),
        _("Activities"),
        _("People reached"),
        _("Women and girls"),
        _("Men and boys"),
        _("Sex not stated"),
        _("Under 18"),
    ]
    fields = ("activities", "reached", "women", "men", "unspecified", "minors")
    sheets = [
        (_("By period"), *simple(stats["by_period"], _("Period"))),
        (_("By desk"), *simple(stats["by_desk"], _("Desk"))),
        (_("By topic"), *simple(stats["by_topic"], _("Topic"))),
        (_("By status"), *simple(stats["by_status"], _("Status"))),
        (_("By sex"), *simple(stats["by_sex"], _("Sex"))),
        (_("By age group"), *simple(stats["by_age_group"], _("Age group"))),
        (_("By nationality"), *simple(stats["by_nationality"], _("Nationality"))),
        (
            _("Status by sex"),
            [_("Status"), *(c["label"] for c in cross["columns"]), _("Total")],
            [[r["label"], *r["counts"], r["total"]] for r in cross["rows"]]
            + [[_("Total"), *cross["totals"], cross["total"]]],
        ),
        (
            _("Orientations"),
            [_("Figure"), _("Value")],
            [
                [_("Orientations given"), orientations["given"]],
                [_("Different services"), orientations["services"]],
                [_("Outcome known"), orientations["known"]],
                [_("Reached the service"), orientations["reached"]],
                [_("Did not reach the service"), orientations["not_reached"]],
                [_("Outcome not known yet"), orientations["unknown"]],
                [_("Share that reached the service (percent)"), orientations["reached_share"]],
            ],
        ),
        (
            _("Top services"),
            [_("Service"), _("Orientations"), _("Outcome known"), _("Reached the service")],
            [
                [r["label"], r["count"], r["known"], r["reached"]]
                for r in orientations["top_services"]
            ],
        ),
        (
            _("Outreach"),
            outreach_header,
            [[r["label"], *(r[f] for f in fields)] for r in outreach["rows"]]
            + [[_("Total"), *(outreach["totals"][f] for f in fields)]],
        ),
    ]
    return sheets


def _about(stats: dict, flt: StatsFilter, actor) -> list[list]:
    periods = dict(PERIODS)
    if flt.desk is not None:
        desks = flt.desk.name
    elif flt.all_desks:
        desks = _("All desks")
    else:
        desks = ", ".join(d.name for d in flt.desks) or _("None")
    now = timezone.localtime()
    return [
        [_("Desk statistics")],
        [_("Aggregates only: no name and nothing that identifies a person.")],
        [],
        [_("From"), flt.date_from],
        [_("To"), flt.date_to],
        [_("Period"), str(periods.get(flt.period, flt.period))],
        [_("Count by"), _("Week") if flt.bucket == "week" else _("Month")],
        [_("Desks"), desks],
        [_("Contacts"), stats["totals"]["contacts"]],
        [_("Computed on"), date_format(now, "DATETIME_FORMAT")],
        [_("Computed by"), actor.get_username()],
        [_("Language"), get_language()],
        [],
        [_("How these figures are counted")],
        *([line] for line in definitions()),
    ]


def write_stats_xlsx(stats: dict, *, flt: StatsFilter, actor, file=None):
    """Write the workbook to ``file`` (a new temporary file by default, deleted when closed)
    and return it rewound."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    used: set = set()
    bold = Font(bold=True)

    def header(sheet, cells):
        row = []
        for value in cells:
            cell = WriteOnlyCell(sheet, value=_text(value))
            cell.font = bold
            row.append(cell)
        sheet.append(row)

    about = workbook.create_sheet(_sheet_title(_("About"), used))
    for line in _about(stats, flt, actor):
        about.append([_text(v) for v in line])
    for title, head, rows in _sheets(stats):
        sheet = workbook.create_sheet(_sheet_title(title, used))
        header(sheet, head)
        for row in rows:
            sheet.append([_text(v) for v in row])
    file = file or tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response
    workbook.save(file)
    file.seek(0)
    return file
