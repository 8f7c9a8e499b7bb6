"""Data rights through the actions, the pages and the API: merge of two records, emergency
processing without consent, subject access (JSON and PDF), erasure and anonymisation."""

import datetime
import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from masar.audit.models import AuditEvent
from masar.cases import actions as case_actions
from masar.cases.actions import rights as actions
from masar.cases.models import (
    Attachment,
    Beneficiary,
    Case,
    CaseEvent,
    CaseEventKind,
    Consent,
    EmergencyProcessing,
    EmergencyStatus,
    ErasureMode,
    MergeRecord,
    NameKey,
)
from masar.cases.rules import has_active_consent
from masar.cases.rules import rights as rights_rules
from tests.api_helpers import token_headers
from tests.factories.attachments import attach_pdf
from tests.factories.cases import BeneficiaryFactory, CaseFactory
from tests.factories.rights import EmergencyFactory

pytestmark = pytest.mark.django_db


REASON = "The person is in hospital and cannot sign the consent form."


@pytest.fixture
def counsellor(persona):
    return persona("conseiller.sfax")


@pytest.fixture
def supervisor(persona):
    return persona("superviseur")


def _pair(counsellor):
    kept = BeneficiaryFactory(
        actor=counsellor, consent=True, first_name="Mohamed", last_name="Ben Salah", phone=""
    )
    merged = BeneficiaryFactory(
        actor=counsellor,
        consent=True,
        first_name="Mhamed",
        last_name="Bensalah",
        first_name_ar="محمد",
        last_name_ar="بن صالح",
    )
    case_actions.update_beneficiary(
        actor=counsellor, beneficiary=merged, cin="07654321", birth_date=datetime.date(1990, 2, 3)
    )
    return kept, merged


# --- Merge ----------------------------------------------------------------------------------


def test_merge_moves_every_relation_and_keeps_the_other_values(counsellor, supervisor):
    kept, merged = _pair(counsellor)
    case = CaseFactory(actor=counsellor, beneficiary=merged)
    attachment = attach_pdf(merged, actor=counsellor)
    consents = set(Consent.objects.filter(beneficiary=merged).values_list("pk", flat=True))
    record = actions.merge_beneficiaries(
        actor=supervisor, kept=kept, merged=merged, reason="Same card, two spellings"
    )
    assert not Beneficiary.objects.filter(pk=merged.pk).exists()
    kept.refresh_from_db()
    # Empty fields of the kept record filled from the other; its own values untouched.
    assert kept.cin == "07654321" and kept.birth_date == datetime.date(1990, 2, 3)
    assert kept.first_name_ar == "محمد" and kept.first_name == "Mohamed"
    assert kept.phone == merged.phone
    assert {"cin", "birth_date", "first_name_ar", "phone"} <= set(record.filled)
    # Everything that pointed at the merged-away record now points at the kept one.
    assert Case.objects.get(pk=case.pk).beneficiary_id == kept.pk
    assert Attachment.objects.get(pk=attachment.pk).beneficiary_id == kept.pk
    assert consents <= set(Consent.objects.filter(beneficiary=kept).values_list("pk", flat=True))
    assert record.moved["cases.Case"] == 1 and record.moved["cases.Attachment"] == 1
    # The merged-away values are kept whole.
    assert record.snapshot["first_name"] == "Mhamed" and record.snapshot["cin"] == "07654321"
    assert record.merged_id == merged.pk
    # Name keys rebuilt: both spellings find the kept record.
    assert set(NameKey.objects.filter(beneficiary=kept).values_list("key", flat=True)) == {
        "mhmd|bnsl"
    }
    assert AuditEvent.objects.filter(object_id=str(kept.pk), summary="beneficiary merged").exists()
    assert AuditEvent.objects.filter(
        object_id=str(merged.pk), action="delete", actor_id=supervisor.pk
    ).exists()
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.MERGED).exists()


def test_merge_refused_when_both_records_have_an_open_case(counsellor, supervisor, english):
    kept, merged = _pair(counsellor)
    CaseFactory(actor=counsellor, beneficiary=kept)
    CaseFactory(actor=counsellor, beneficiary=merged)
    with pytest.raises(ValidationError) as exc:
        actions.merge_beneficiaries(actor=supervisor, kept=kept, merged=merged)
    assert "close one of the two cases" in str(exc.value)
    assert Beneficiary.objects.filter(pk=merged.pk).exists()
    assert not MergeRecord.objects.exists()


def test_merge_needs_the_merge_permission(counsellor):
    kept, merged = _pair(counsellor)
    with pytest.raises(PermissionDenied):
        actions.merge_beneficiaries(actor=counsellor, kept=kept, merged=merged)
    with pytest.raises(ValidationError):
        actions.merge_beneficiaries(actor=None, kept=kept, merged=kept)


def test_merge_page_compares_then_merges(counsellor, client_for):
    kept, merged = _pair(counsellor)
    client = client_for("superviseur")
    url = reverse("cases:beneficiary-merge", args=[kept.pk])
    page = client.get(url, {"other": merged.pk})
    assert page.status_code == 200
    assert "07654321" in page.content.decode()
    response = client.post(url, {"other": merged.pk, "keep": "this", "confirm": "on"})
    assert response.status_code == 302
    assert not Beneficiary.objects.filter(pk=merged.pk).exists()
    # The person page of the kept record says it.
    body = client.get(reverse("cases:beneficiary-detail", args=[kept.pk])).content.decode()
    assert 'data-testid="rights-panel"' in body


def test_merge_page_other_record_out_of_scope_is_404(persona, counsellor, client_for):
    kept, _merged = _pair(counsellor)
    tunis = BeneficiaryFactory(actor=persona("conseiller.tunis"))
    # The supervisor sees every antenna; a made-up identifier is a 404.
    client = client_for("superviseur")
    url = reverse("cases:beneficiary-merge", args=[kept.pk])
    assert client.get(url, {"other": "00000000-0000-0000-0000-000000000000"}).status_code == 404
    assert client.get(url, {"other": "not-a-uuid"}).status_code == 404
    assert client.get(url, {"other": tunis.pk}).status_code == 200


def test_api_merge(counsellor, supervisor, client):
    kept, merged = _pair(counsellor)
    url = reverse("api-v1:beneficiary-merge", kwargs={"beneficiary_id": merged.pk})
    response = client.post(
        url,
        json.dumps({"other": str(kept.pk), "keep": "other"}),
        content_type="application/json",
        **token_headers(supervisor),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["kept"] == str(kept.pk) and body["merged_id"] == str(merged.pk)
    assert "cin" in body["filled"]
    denied = client.post(
        url,
        json.dumps({"other": str(kept.pk)}),
        content_type="application/json",
        **token_headers(counsellor),
    )
    assert denied.status_code == 403


# --- Emergency processing without consent ---------------------------------------------------


def test_emergency_needs_a_second_person_then_stands_in_for_consent(
    counsellor, supervisor, english
):
    person = BeneficiaryFactory(actor=counsellor)
    assert not has_active_consent(person)
    with pytest.raises(ValidationError):
        actions.request_emergency(actor=counsellor, beneficiary=person, reason="urgent")
    emergency = actions.request_emergency(
        actor=counsellor,
        beneficiary=person,
        reason="The person is in hospital and cannot sign the consent form.",
        days=5,
    )
    assert not has_active_consent(person)
    with pytest.raises(PermissionDenied):  # a counsellor cannot approve
        actions.decide_emergency(actor=counsellor, emergency=emergency, approve=True)
    actions.decide_emergency(actor=supervisor, emergency=emergency, approve=True)
    emergency.refresh_from_db()
    assert emergency.status == EmergencyStatus.APPROVED
    assert emergency.valid_until > timezone.now() + timedelta(days=4)
    assert has_active_consent(person)
    case = case_actions.open_case(actor=counsellor, beneficiary=person)  # allowed now
    kinds = set(CaseEvent.objects.filter(case__beneficiary=person).values_list("kind", flat=True))
    assert CaseEventKind.OPENED in kinds
    with pytest.raises(ValidationError) as exc:  # one approval at a time
        actions.request_emergency(actor=counsellor, beneficiary=person, reason=REASON)
    assert exc.value.code == "already_approved"
    # Expired: the consent is needed again.
    EmergencyProcessing.objects.filter(pk=emergency.pk).update(
        valid_until=timezone.now() - timedelta(minutes=1)
    )
    assert not has_active_consent(person)
    assert AuditEvent.objects.filter(
        object_id=str(emergency.pk), summary="emergency processing approved"
    ).exists()
    assert case.pk


def test_emergency_not_needed_with_consent(counsellor):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    with pytest.raises(ValidationError) as exc:
        actions.request_emergency(actor=counsellor, beneficiary=person, reason=REASON)
    assert exc.value.code == "consent_active"
    assert not EmergencyProcessing.objects.exists()


def test_emergency_requester_cannot_approve_own_request(persona, supervisor, english):
    person = BeneficiaryFactory(actor=supervisor)
    emergency = EmergencyFactory(actor=supervisor, beneficiary=person)
    with pytest.raises(ValidationError) as exc:
        actions.decide_emergency(actor=supervisor, emergency=emergency, approve=True)
    assert "second person" in str(exc.value)
    emergency.refresh_from_db()
    assert emergency.status == EmergencyStatus.REQUESTED


def test_emergency_refusal_needs_a_note_and_is_on_the_timeline(counsellor, supervisor):
    person = BeneficiaryFactory(actor=counsellor)
    emergency = EmergencyFactory(actor=counsellor, beneficiary=person)
    with pytest.raises(ValidationError):
        actions.decide_emergency(actor=supervisor, emergency=emergency, approve=False)
    actions.decide_emergency(
        actor=supervisor, emergency=emergency, approve=False, note="Family can sign."
    )
    emergency.refresh_from_db()
    assert emergency.status == EmergencyStatus.REFUSED
    assert not has_active_consent(person)


def test_emergency_pages_request_decide_and_flag(counsellor, client_for, english):
    person = BeneficiaryFactory(actor=counsellor)
    client = client_for("conseiller.sfax")
    url = reverse("cases:emergency-request", args=[person.pk])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"reason": "short", "days": 99})
    assert bad.status_code == 200 and not EmergencyProcessing.objects.exists()
    reason = "Hospitalised after return, cannot sign; housing needed tonight."
    assert client.post(url, {"reason": reason, "days": 3}).status_code == 302
    emergency = EmergencyProcessing.objects.get(beneficiary=person)
    # The requester sees the request waiting, without a way to decide it themselves.
    own = client.get(reverse("cases:beneficiary-detail", args=[person.pk])).content.decode()
    assert 'data-testid="emergency-pending"' in own
    assert 'data-testid="emergency-decide"' not in own
    supervisor = client_for("superviseur")
    page = supervisor.get(reverse("cases:beneficiary-detail", args=[person.pk]))
    assert 'data-testid="emergency-decide"' in page.content.decode()
    decide = reverse("cases:emergency-decide", args=[emergency.pk])
    assert supervisor.post(decide, {"decision": "approve"}).status_code == 302
    body = client.get(reverse("cases:beneficiary-detail", args=[person.pk])).content.decode()
    assert 'data-testid="emergency-active"' in body
    case = case_actions.open_case(actor=counsellor, beneficiary=person)
    body = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="emergency-active"' in body


# --- Subject access -------------------------------------------------------------------------


def test_subject_access_json_holds_everything_with_labels(counsellor, client_for, english):
    case = CaseFactory(actor=counsellor)
    person = case.beneficiary
    attach_pdf(person, actor=counsellor)
    client = client_for("conseiller.sfax")
    response = client.get(reverse("cases:subject-access-json", args=[person.pk]))
    assert response.status_code == 200
    assert "attachment;" in response["Content-Disposition"]
    data = json.loads(response.content)
    fields = {f["name"]: f for f in data["person"]["fields"]}
    assert fields["last_name"]["value"] == person.last_name
    assert fields["last_name"]["label"] == "last name (Latin script)"
    models = {s["model"] for s in data["sections"]}
    assert {"cases.Consent", "cases.Case", "cases.Attachment"} <= models
    case_section = next(s for s in data["sections"] if s["model"] == "cases.Case")
    nested = {s["model"] for s in case_section["rows"][0]["sections"]}
    assert "cases.CaseEvent" in nested
    assert AuditEvent.objects.filter(action="export", object_id=str(person.pk)).exists()
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.SUBJECT_ACCESS).exists()


def test_subject_access_out_of_scope_is_404_and_partners_403(counsellor, client_for):
    person = BeneficiaryFactory(actor=counsellor)
    url = reverse("cases:subject-access-json", args=[person.pk])
    assert client_for("conseiller.tunis").get(url).status_code == 404
    assert client_for("aneti.sfax").get(url).status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_subject_access_pdf_in_french_and_arabic(counsellor, client_for, lang):
    person = BeneficiaryFactory(
        actor=counsellor, consent=True, first_name_ar="آمال", last_name_ar="الجزيري"
    )
    client = client_for("conseiller.sfax")
    url = reverse("cases:subject-access-pdf", args=[person.pk])
    response = client.get(url, {"lang": lang})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(url, {"lang": "de"}).status_code == 404


def test_api_export(counsellor, persona, client):
    person = BeneficiaryFactory(actor=counsellor, consent=True)
    url = reverse("api-v1:beneficiary-export", kwargs={"beneficiary_id": person.pk})
    body = client.get(url, **token_headers(counsellor)).json()
    assert body["person"]["id"] == str(person.pk)
    assert body["format"] == "masar-subject-access/1"
    assert client.get(url, **token_headers(persona("conseiller.tunis"))).status_code == 404


# --- Erasure --------------------------------------------------------------------------------


def _closed_case_with_documents(counsellor):
    case = CaseFactory(actor=counsellor)
    person = case.beneficiary
    case_actions.update_beneficiary(
        actor=counsellor,
        beneficiary=person,
        cin="01122334",
        birth_date=datetime.date(1985, 4, 4),
        sex="M",
        returned_from="IT",
        situation_abroad="Worked without papers in Palermo.",
    )
    identity = attach_pdf(person, actor=counsellor, kind="identity")
    invoice = attach_pdf(person, actor=counsellor, kind="invoice")
    case_actions.change_case_status(
        actor=counsellor, case=case, to="closed", reason="Moved abroad again (Ben Salah family)."
    )
    return case, person, identity, invoice


def test_erasure_blanks_identity_deletes_files_keeps_aggregates(
    counsellor, supervisor, django_capture_on_commit_callbacks
):
    case, person, identity, invoice = _closed_case_with_documents(counsellor)
    storage = Attachment._meta.get_field("file").storage
    files = [identity.file.name, invoice.file.name]
    assert all(storage.exists(name) for name in files)
    with django_capture_on_commit_callbacks(execute=True):
        record = actions.erase_beneficiary(
            actor=supervisor, beneficiary=person, request_reference="Letter 2026-14"
        )
    assert record.mode == ErasureMode.ERASED and record.retention_rules == []
    person.refresh_from_db()
    assert person.first_name == "" and person.cin is None and person.phone == ""
    assert person.birth_date is None and person.situation_abroad == "—"
    # Aggregates kept.
    assert person.sex == "M" and person.returned_from == "IT"
    case.refresh_from_db()
    assert case.status == "closed" and "Ben Salah" not in case.closure_reason
    assert not Attachment.objects.filter(beneficiary=person).exists()
    assert not any(storage.exists(name) for name in files)
    assert record.files_deleted == 2
    assert not NameKey.objects.filter(beneficiary=person).exists()
    event = AuditEvent.objects.get(object_id=str(person.pk), summary="personal data erased")
    assert "01122334" not in json.dumps(event.changes) and "Palermo" not in json.dumps(
        event.changes
    )
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.ERASED).exists()
    with pytest.raises(ValidationError):  # only once
        actions.erase_beneficiary(actor=supervisor, beneficiary=person, request_reference="x")


def test_erasure_refused_while_a_case_is_open(counsellor, supervisor, english):
    case = CaseFactory(actor=counsellor)
    with pytest.raises(ValidationError) as exc:
        actions.erase_beneficiary(
            actor=supervisor, beneficiary=case.beneficiary, request_reference="R-1"
        )
    assert "open case" in str(exc.value)
    case.beneficiary.refresh_from_db()
    assert case.beneficiary.last_name != "—"


def test_retention_rule_turns_erasure_into_anonymisation(counsellor, supervisor, monkeypatch):
    case, person, identity, invoice = _closed_case_with_documents(counsellor)
    # A rule as data, on a model this installation has: closed cases kept 10 years.
    rule = rights_rules.RetentionRule(
        code="test_closed_cases",
        label="Closed cases",
        basis="Test policy",
        model="cases.Case",
        field="status",
        values=frozenset({"closed"}),
        years=10,
        date_field="closed_at",
    )
    monkeypatch.setattr(rights_rules, "RETENTION_RULES", (rule,))
    record = actions.erase_beneficiary(
        actor=supervisor, beneficiary=person, request_reference="Letter 2026-15"
    )
    assert record.mode == ErasureMode.ANONYMISED
    assert record.retention_rules == ["test_closed_cases"]
    person.refresh_from_db()
    assert person.cin is None and person.first_name == ""
    kept = Attachment.objects.get(beneficiary=person)
    assert kept.pk == invoice.pk and kept.original_name == "—"
    assert not Attachment.objects.filter(pk=identity.pk).exists()
    # Past the retention period, the rule no longer holds.
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=365 * 11))
    assert rights_rules.retention_holds(person) == []


def test_erasure_page_needs_the_permission_and_a_reference(counsellor, client_for, english):
    case, person, *_ = _closed_case_with_documents(counsellor)
    url = reverse("cases:beneficiary-erase", args=[person.pk])
    assert client_for("conseiller.sfax").get(url).status_code == 403
    client = client_for("superviseur")
    assert client.get(url).status_code == 200
    assert client.post(url, {"confirm": "on"}).status_code == 200
    person.refresh_from_db()
    assert person.cin == "01122334"
    response = client.post(url, {"confirm": "on", "request_reference": "Letter 1"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.cin is None
    body = client.get(reverse("cases:beneficiary-detail", args=[person.pk])).content.decode()
    assert 'data-testid="erased"' in body


# --- Generic over every relation (covers the models other parts of Masar hang on a person) --


def test_relations_include_hidden_ones():
    from masar.cases.actions.rights import _relations

    related = {model for model, _fk, _one in _relations(Beneficiary)}
    assert {NameKey, Case, Consent, Attachment, EmergencyProcessing, MergeRecord} <= related


def test_after_a_merge_nothing_points_at_the_merged_away_record(counsellor, supervisor):
    from masar.cases.actions.rights import _relations

    kept, merged = _pair(counsellor)
    CaseFactory(actor=counsellor, beneficiary=merged)
    attach_pdf(merged, actor=counsellor)
    third = BeneficiaryFactory(actor=counsellor)  # no consent: an emergency, then merged
    EmergencyFactory(actor=counsellor, beneficiary=third)
    actions.merge_beneficiaries(actor=supervisor, kept=merged, merged=third)
    actions.merge_beneficiaries(actor=supervisor, kept=kept, merged=merged)
    for model, fk, _one in _relations(Beneficiary):
        assert not model._base_manager.filter(**{f"{fk}_id": merged.pk}).exists(), model


def test_subject_access_lists_every_model_holding_rows_about_the_person(counsellor, supervisor):
    from masar.cases import subject_access
    from masar.cases.actions.rights import _relations

    person = BeneficiaryFactory(actor=counsellor)  # no consent: an emergency stands in
    EmergencyFactory(actor=counsellor, beneficiary=person, approve_by=supervisor)
    case_actions.open_case(actor=counsellor, beneficiary=person)
    attach_pdf(person, actor=counsellor)
    data = subject_access.collect(person, counsellor)
    exported = {s["model"] for s in data["sections"]}
    for model, fk, _one in _relations(Beneficiary):
        if getattr(model, "DERIVED", False):
            continue
        if model._base_manager.filter(**{fk: person}).exists():
            assert model._meta.label in exported


def test_after_an_erasure_no_personal_field_holds_a_value(counsellor, supervisor):
    from masar.cases.actions.rights import ERASED_TEXT, _person_rows
    from masar.core.classification import field_class

    case, person, *_ = _closed_case_with_documents(counsellor)
    case_actions.withdraw_consent(actor=counsellor, beneficiary=person, purpose="case_management")
    emergency = EmergencyFactory(actor=counsellor, beneficiary=person)
    actions.decide_emergency(actor=supervisor, emergency=emergency, approve=False, note="No.")
    actions.erase_beneficiary(actor=supervisor, beneficiary=person, request_reference="R-9")
    for queryset in _person_rows(person):
        for row in queryset:
            for f in row._meta.concrete_fields:
                if field_class(type(row), f.name) in rights_rules.CLEARED_CLASSES:
                    value = getattr(row, f.attname)
                    assert value in (None, "", ERASED_TEXT, {}, [], False), (f, value)


def test_subject_access_withholds_what_the_exporter_may_not_read(counsellor, monkeypatch):
    """A counsellor has no cases.view_health: fields classified health are withheld and
    listed, so the person knows whom to ask for the rest."""
    from masar.cases import subject_access
    from masar.core.classification import DataClass

    person = BeneficiaryFactory(actor=counsellor, consent=True)
    case_actions.update_beneficiary(
        actor=counsellor, beneficiary=person, situation_abroad="Treated for depression."
    )
    classes = {**Beneficiary.DATA_CLASSIFICATION, "situation_abroad": DataClass.HEALTH}
    monkeypatch.setattr(Beneficiary, "DATA_CLASSIFICATION", classes)
    data = subject_access.collect(person, counsellor)
    field = next(f for f in data["person"]["fields"] if f["name"] == "situation_abroad")
    assert field["value"] is None and field["withheld"] is True
    assert data["complete"] is False
    assert "cases.Beneficiary.situation_abroad" in data["withheld"]
    assert "depression" not in json.dumps(data)


def test_one_to_one_clash_keeps_the_kept_row_fills_it_and_keeps_the_other(counsellor, supervisor):
    """The one-to-one rule, run on a model with one row per person on each side: the kept
    record's row stays, its empty fields are filled from the other's, which is recorded
    whole in the clashes, then deleted."""
    from masar.cases.actions.rights import _move

    kept = BeneficiaryFactory(actor=counsellor)
    merged = BeneficiaryFactory(actor=counsellor)
    ours = EmergencyFactory(actor=counsellor, beneficiary=kept)
    theirs = EmergencyFactory(actor=counsellor, beneficiary=merged)
    actions.decide_emergency(actor=supervisor, emergency=theirs, approve=False, note="Family.")
    moved, clashes = _move(EmergencyProcessing, "beneficiary", kept, merged, True)
    assert moved == 0
    assert [c["values"]["id"] for c in clashes] == [str(theirs.pk)]
    assert not EmergencyProcessing.objects.filter(pk=theirs.pk).exists()
    ours.refresh_from_db()
    assert ours.decision_note == "Family." and ours.status == EmergencyStatus.REQUESTED


def test_retention_rule_that_cannot_be_checked_holds(counsellor, monkeypatch):
    """A rule naming a field the model does not have (another part renamed it) errs on the
    side of keeping: anonymise rather than erase."""
    case = CaseFactory(actor=counsellor)
    rule = rights_rules.RetentionRule(
        code="renamed",
        label="Renamed",
        basis="Test policy",
        model="cases.Case",
        field="no_such_field",
        values=frozenset({"x"}),
        years=10,
        date_field="closed_at",
    )
    monkeypatch.setattr(rights_rules, "RETENTION_RULES", (rule,))
    assert rights_rules.retention_holds(case.beneficiary) == [rule]
    assert rights_rules.retention_holds(BeneficiaryFactory(actor=counsellor)) == []


def test_the_merged_away_record_page_leads_to_the_kept_one(counsellor, supervisor, client_for):
    kept, merged = _pair(counsellor)
    actions.merge_beneficiaries(actor=supervisor, kept=kept, merged=merged)
    url = reverse("cases:beneficiary-detail", args=[merged.pk])
    response = client_for("conseiller.sfax").get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:beneficiary-detail", args=[kept.pk])
    assert client_for("conseiller.tunis").get(url).status_code == 404
