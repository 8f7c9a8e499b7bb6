"""/api/v1 endpoints for data rights (see masar/cases/views/rights.py for the pages):
duplicate search before registering, merge of two records, subject-access export."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from masar.accounts.policy import Perm
from masar.api.auth import require
from masar.api.schemas_rights import DuplicateQuery, DuplicatesOut, MergeIn, MergeOut
from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.cases import subject_access
from masar.cases.actions import rights as actions
from masar.cases.models import Beneficiary
from masar.cases.rules.duplicates import Probe
from masar.cases.validators import normalize_cin, normalize_phone
from masar.cases.views.rights import duplicate_matches

from . import errors

router = Router(tags=["cases"])


def _beneficiaries(request):
    return Beneficiary.objects.visible_to(request.auth)


@router.get(
    "/beneficiaries/duplicates",
    response={200: DuplicatesOut, **errors(403, 422)},
    url_name="beneficiary-duplicates",
    operation_id="findDuplicateBeneficiaries",
    summary="Possible duplicates of a person about to be registered or edited",
    description=(
        "The same card number or phone, or a close name (Latin or Arabic script, any "
        "transliteration) with the same date of birth. Matches outside your scope are "
        "counted in `outside_scope`, never named."
    ),
)
def find_duplicates(request, query: Query[DuplicateQuery]):
    require(request, Perm.MANAGE_CASES)
    errors_ = {}
    try:
        cin = normalize_cin(query.cin)
    except ValidationError as exc:
        errors_["cin"] = exc.messages
    try:
        phone = normalize_phone(query.phone)
    except ValidationError as exc:
        errors_["phone"] = exc.messages
    if errors_:
        raise ValidationError(errors_)
    probe = Probe(
        first_name=query.first_name,
        last_name=query.last_name,
        first_name_ar=query.first_name_ar,
        last_name_ar=query.last_name_ar,
        birth_date=query.birth_date,
        cin=cin,
        phone=phone,
    )
    matches, hidden = duplicate_matches(request.auth, probe)
    record_event(
        actor=request.auth,
        action=AuditAction.READ,
        object_type="cases.beneficiary",
        summary=f"duplicate search via API ({len(matches)} rows)",
    )
    return {
        "items": [
            {
                "beneficiary": m.beneficiary,
                "reasons": m.reasons,
                "labels": m.labels,
                "score": m.score,
            }
            for m in matches
        ],
        "outside_scope": hidden,
    }


@router.post(
    "/beneficiaries/{beneficiary_id}/merge",
    response={200: MergeOut, **errors(400, 403, 404, 409, 413, 422)},
    url_name="beneficiary-merge",
    operation_id="mergeBeneficiaries",
    summary="Merge another record of the same person into this one (or this one into it)",
    description=(
        "Everything held on the merged-away record moves to the kept one; its values are "
        "kept in the merge record. Two records that both have an open case cannot be merged."
    ),
)
def merge(request, beneficiary_id: UUID, payload: MergeIn):
    require(request, Perm.MERGE_BENEFICIARIES)
    this = get_object_or_404(_beneficiaries(request), pk=beneficiary_id)
    other = get_object_or_404(_beneficiaries(request), pk=payload.other)
    kept, merged = (this, other) if payload.keep == "this" else (other, this)
    return actions.merge_beneficiaries(
        actor=request.auth, kept=kept, merged=merged, reason=payload.reason
    )


@router.get(
    "/beneficiaries/{beneficiary_id}/export",
    response={200: dict, **errors(403, 404, 422)},
    url_name="beneficiary-export",
    operation_id="exportBeneficiaryRecord",
    summary="Everything held about the person, for them (subject access)",
    description=(
        "Every field of the record and of every record attached to the person or their "
        "cases, with readable labels in the language of `Accept-Language`. Sensitive fields "
        "you may not read are withheld and listed in `withheld`."
    ),
)
def export(request, beneficiary_id: UUID):
    require(request, Perm.VIEW_CASES)
    beneficiary = get_object_or_404(_beneficiaries(request), pk=beneficiary_id)
    data = subject_access.collect(beneficiary, request.auth)
    actions.record_subject_access(actor=request.auth, beneficiary=beneficiary, fmt="json-api")
    return data
