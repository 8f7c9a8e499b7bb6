"""Demo data for rights, added to the demo cases by seed_demo (idempotent: a second run
creates nothing).

- In Sfax, a second record of one returnee registered under the Arabic spelling of the name
  (the person page shows it as a possible duplicate), and another pair already merged by
  the supervisor;
- an emergency processing without consent approved by the supervisor for a Sfax person
  registered without consent, and one awaiting approval in Tunis.
Built through the actions, in the names of the demo users.
"""

from django.db import transaction

from masar.accounts.models import User

from . import actions
from .actions import rights
from .models import Beneficiary, EmergencyProcessing, MergeRecord

REASON = (
    "Returned last week, sleeping outside and unwell: housing and a doctor are needed before "
    "the person can be read the consent form."
)


def _users():
    return {u.username: u for u in User.objects.filter(username__in=_USERNAMES)}


_USERNAMES = ("conseiller.sfax", "conseiller.tunis", "superviseur")


def _people(code, *, consenting):
    people = Beneficiary.objects.filter(institution__code=code).exclude(last_name_ar="")
    people = people.filter(cin__isnull=not consenting).order_by("cin", "pk")
    return list(people[:3])


def _second_record(actor, person, phone_suffix):
    """The same person registered again, Arabic spelling first, Latin name run together."""
    return actions.register_beneficiary(
        actor=actor,
        first_name=person.first_name,
        last_name=person.last_name.replace(" ", ""),
        first_name_ar=person.first_name_ar,
        last_name_ar=person.last_name_ar,
        phone=f"+2165{phone_suffix}",
    )


@transaction.atomic
def seed() -> dict[str, int]:
    """Create what is missing; return counts of what was created, by kind."""
    users = _users()
    if len(users) < len(_USERNAMES):
        return {}
    counsellor, supervisor = users["conseiller.sfax"], users["superviseur"]
    created = {"duplicates": 0, "merges": 0, "emergencies": 0}
    sfax = _people("ote-sfax", consenting=True)
    if len(sfax) >= 2:
        shown, merged_into = sfax[0], sfax[1]
        if not Beneficiary.objects.filter(phone="+21650000001").exists():
            _second_record(counsellor, shown, "0000001")
            created["duplicates"] += 1
        if not MergeRecord.objects.filter(kept=merged_into).exists():
            other = _second_record(counsellor, merged_into, "0000002")
            rights.merge_beneficiaries(
                actor=supervisor,
                kept=merged_into,
                merged=other,
                reason="Registered twice: Latin and Arabic spellings of one name.",
            )
            created["merges"] += 1
    for code, requester, approver in (
        ("ote-sfax", counsellor, supervisor),
        ("ote-tunis", users["conseiller.tunis"], None),
    ):
        people = _people(code, consenting=False)
        if not people or EmergencyProcessing.objects.filter(beneficiary=people[0]).exists():
            continue
        emergency = rights.request_emergency(
            actor=requester, beneficiary=people[0], reason=REASON, days=7
        )
        if approver is not None:
            rights.decide_emergency(actor=approver, emergency=emergency, approve=True)
        created["emergencies"] += 1
    return created
