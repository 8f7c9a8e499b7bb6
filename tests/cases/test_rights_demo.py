"""The rights demo data: a possible duplicate, a merge and emergencies, idempotent."""

from django.core.management import call_command

from masar.cases import demo_rights
from masar.cases.demo import seed_cases
from masar.cases.models import Beneficiary, EmergencyProcessing, EmergencyStatus, MergeRecord
from masar.cases.rules import has_active_consent
from masar.cases.rules.duplicates import find_duplicates, probe_of
from masar.core.management.commands.seed_demo import seed_demo


def test_rights_demo_is_built_and_idempotent(db):
    call_command("load_territory", verbosity=0)
    seed_demo()
    seed_cases()
    counts = demo_rights.seed()
    assert counts == {"duplicates": 1, "merges": 1, "emergencies": 2}
    assert MergeRecord.objects.count() == 1
    approved = EmergencyProcessing.objects.get(status=EmergencyStatus.APPROVED)
    assert has_active_consent(approved.beneficiary)
    assert EmergencyProcessing.objects.filter(status=EmergencyStatus.REQUESTED).count() == 1
    second = Beneficiary.objects.get(phone="+21650000001")
    matches = find_duplicates(probe_of(second), Beneficiary.objects.all())
    assert matches, "the second record shows its possible duplicate"
    total = Beneficiary.objects.count()
    assert demo_rights.seed() == {"duplicates": 0, "merges": 0, "emergencies": 0}
    assert Beneficiary.objects.count() == total
