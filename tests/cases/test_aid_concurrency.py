"""Twenty supervisors' approvals at the same moment against an envelope that allows ten:
exactly ten pass, on SQLite and on PostgreSQL (run with DATABASE_URL). Each thread has its own
database connection; the programme row is locked inside each decision."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from masar.cases.actions import aid as aid_actions
from masar.cases.models import AidFile, AidStatus, CaseEvent, CaseEventKind
from masar.monitoring.models import Programme
from tests.factories.aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory

ATTEMPTS = 20


def _race(decider, files) -> tuple[int, list[str], list[str]]:
    barrier = threading.Barrier(len(files))
    approved, refused, crashed = [], [], []

    def approve(aid_file):
        try:
            barrier.wait()
            aid_actions.decide_aid_file(actor=decider, aid_file=aid_file, approve=True)
            approved.append(aid_file.pk)
        except ValidationError as exc:
            refused.append(exc.code)
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            crashed.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(approved), refused, crashed


def _submitted_files(persona, programme):
    sfax = persona("conseiller.sfax")
    return [
        AidFileFactory(
            actor=sfax,
            amount=Decimal("1000"),
            submit=True,
            enrolment=EnrolmentFactory(actor=sfax, programme=programme),
        )
        for _ in range(ATTEMPTS)
    ]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_approvals_fit_an_envelope_of_ten(persona, transactional_db):
    programme = ProgrammeFactory(envelope=Decimal("10000"))
    files = _submitted_files(persona, programme)
    decider = persona("superviseur")

    approved, refused, crashed = _race(decider, files)

    assert crashed == []
    assert approved == 10
    assert refused == ["over_envelope"] * 10
    usage = Programme.objects.with_usage().get(pk=programme.pk)
    assert usage.approved_total == Decimal("10000")
    assert AidFile.objects.filter(status=AidStatus.APPROVED).count() == 10
    assert AidFile.objects.filter(status=AidStatus.SUBMITTED).count() == 10
    assert CaseEvent.objects.filter(kind=CaseEventKind.AID_DECIDED).count() == 10


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_approvals_fit_a_quota_of_ten(persona, transactional_db):
    programme = ProgrammeFactory(quota=10)
    files = _submitted_files(persona, programme)

    approved, refused, crashed = _race(persona("superviseur"), files)

    assert crashed == []
    assert approved == 10
    assert refused == ["over_quota"] * 10
    assert Programme.objects.with_usage().get(pk=programme.pk).approved_people == 10
