"""Opening cases, the transition table, and who sees what (querysets)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from masar.audit.models import AuditEvent
from masar.cases import actions
from masar.cases.models import Beneficiary, Case, CaseEvent, CaseStatus
from tests.factories.cases import BeneficiaryFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sfax(persona):
    return persona("conseiller.sfax")


def test_open_case_in_actor_antenna_at_reception(sfax):
    person = BeneficiaryFactory(actor=sfax, consent=True)
    case = actions.open_case(actor=sfax, beneficiary=person)
    assert (case.antenna, case.status, case.counsellor) == (
        sfax.institution,
        CaseStatus.RECEPTION,
        sfax,
    )
    assert CaseEvent.objects.get(case=case).kind == "opened"
    assert AuditEvent.objects.filter(object_type="cases.case", action="create").count() == 1


def test_open_case_twice_refused(sfax):
    case = CaseFactory(actor=sfax)
    with pytest.raises(ValidationError):
        actions.open_case(actor=sfax, beneficiary=case.beneficiary)
    assert Case.objects.count() == 1


def test_open_case_outside_an_ote_institution_refused(persona):
    # aneti.sfax holds no case permission at all.
    person = BeneficiaryFactory(consent=True)
    with pytest.raises(PermissionDenied):
        actions.open_case(actor=persona("aneti.sfax"), beneficiary=person)


def test_open_case_for_another_antennas_person_refused(sfax, persona):
    person = BeneficiaryFactory(actor=persona("conseiller.tunis"), consent=True)
    with pytest.raises(PermissionDenied):
        actions.open_case(actor=sfax, beneficiary=person)


def test_change_case_status_follows_the_table(sfax):
    case = CaseFactory(actor=sfax)
    for step in ("assessment", "plan", "support", "follow_up"):
        case = actions.change_case_status(actor=sfax, case=case, to=step)
    assert case.status == "follow_up"
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    # Entering support schedules the follow-up visits (followups part).
    assert kinds == ["opened"] + ["status_changed"] * 3 + ["follow_up_scheduled", "status_changed"]


@pytest.mark.parametrize(
    ("path", "illegal"),
    [((), "plan"), ((), "follow_up"), (("assessment",), "support"), ((), "nonsense")],
)
def test_change_case_status_illegal_transition_refused(sfax, path, illegal):
    case = CaseFactory(actor=sfax)
    for step in path:
        actions.change_case_status(actor=sfax, case=case, to=step)
    before = Case.objects.get(pk=case.pk).status
    with pytest.raises(ValidationError) as exc:
        actions.change_case_status(actor=sfax, case=case, to=illegal)
    assert "to" in exc.value.message_dict
    assert Case.objects.get(pk=case.pk).status == before


def test_transition_table_covers_every_status_and_closed_is_final():
    assert set(Case.ALLOWED_TRANSITIONS) == set(CaseStatus.values)
    assert Case.ALLOWED_TRANSITIONS[CaseStatus.CLOSED] == frozenset()
    for targets in Case.ALLOWED_TRANSITIONS.values():
        assert targets <= set(CaseStatus.values)


def test_closing_needs_a_reason(sfax, english):
    case = CaseFactory(actor=sfax)
    with pytest.raises(ValidationError) as exc:
        actions.change_case_status(actor=sfax, case=case, to="closed", reason="  ")
    assert "reason" in exc.value.message_dict
    case = actions.change_case_status(actor=sfax, case=case, to="closed", reason="Moved abroad")
    assert case.closed_at is not None and case.closure_reason == "Moved abroad"
    with pytest.raises(ValidationError):
        actions.change_case_status(actor=sfax, case=case, to="reception")


def test_withdrawn_consent_allows_only_closing(sfax):
    case = CaseFactory(actor=sfax)
    actions.withdraw_consent(actor=sfax, beneficiary=case.beneficiary, purpose="case_management")
    with pytest.raises(ValidationError):
        actions.change_case_status(actor=sfax, case=case, to="assessment")
    actions.change_case_status(actor=sfax, case=case, to="closed", reason="Consent withdrawn")


def test_visible_to_scopes_cases_by_antenna(persona):
    sfax_case = CaseFactory(actor=persona("conseiller.sfax"))
    tunis_case = CaseFactory(actor=persona("conseiller.tunis"))
    assert list(Case.objects.visible_to(persona("conseiller.sfax"))) == [sfax_case]
    assert list(Case.objects.visible_to(persona("conseiller.tunis"))) == [tunis_case]
    assert set(Case.objects.visible_to(persona("superviseur"))) == {sfax_case, tunis_case}
    for outsider in ("admin", "admin.sfax", "aneti.sfax", "cps.sfax", "suivi", "onm"):
        assert not Case.objects.visible_to(persona(outsider)).exists(), outsider


def test_visible_to_beneficiary_registered_or_through_case(persona):
    sfax = persona("conseiller.sfax")
    registered = BeneficiaryFactory(actor=sfax)
    elsewhere = BeneficiaryFactory(actor=persona("conseiller.tunis"), consent=True)
    assert set(Beneficiary.objects.visible_to(sfax)) == {registered}
    # A case opened in Sfax for a person registered in Tunis makes them visible in Sfax.
    CaseFactory(actor=persona("superviseur"), antenna=sfax.institution, beneficiary=elsewhere)
    assert set(Beneficiary.objects.visible_to(sfax)) == {registered, elsewhere}
    assert not Beneficiary.objects.visible_to(persona("suivi")).exists()


def test_open_case_in_another_antenna_refused(sfax, persona):
    person = BeneficiaryFactory(actor=sfax, consent=True)
    with pytest.raises(PermissionDenied):
        actions.open_case(actor=sfax, beneficiary=person, antenna=persona.institution("ote-tunis"))
    assert not Case.objects.exists()
