"""Transfers of a case between centres: request, review, accept, reject, cancel.

The rules that keep a transfer lawful:
- The sending centre asks only with the person's recorded, unwithdrawn consent to share
  their data with other services, and names the sections covered (the scope).
- The public row (transfers.models.Transfer) holds routing, status and section names.
- The receiving centre reads the consented sections straight from the sending schema each
  time it looks; every such read is audited in the sending schema, as a read by the
  receiving centre. Nothing is written to the receiving schema before acceptance, so a
  rejection leaves nothing behind there.
- On acceptance the person is registered in the receiving schema through the casework
  services, acting as the accepting member, and the consented history is copied; both
  schemas record it in their audit trail.
- The sending centre closes its own case afterwards (reason "moved"), as one of its own
  members: a member of another centre never changes the sender's records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import tenant_context

from accounts.roles import Role
from casework import audit
from casework.access import Actor, people_in_reach
from casework.assessments import assessment_record
from casework.cases import case_open, case_update
from casework.documents import document_upload
from casework.models import (
    SPECIAL_CATEGORY_FIELDS,
    ActionPlan,
    AuditEvent,
    Beneficiary,
    Case,
    ConsentRecord,
    Document,
    NeedsAssessment,
)
from casework.models.choices import CaseStatus, ClosureReason, ConsentPurpose, LegalBasis
from casework.permissions import PERMISSIONS, Action
from casework.plans import goal_add, plan_create
from casework.registry import beneficiary_register
from geography.models import Municipality
from tenants.models import Tenant, Unit
from transfers.models import Section, Transfer

# The consent a transfer rests on: sharing the person's data with other services.
# A transfer is a referral to another centre, so it uses that purpose rather than a new
# one (a new purpose would need a casework migration for its choices).
TRANSFER_CONSENT_PURPOSE = ConsentPurpose.REFERRALS

# Sending: the caseworkers who manage a case. Receiving: the coordinator and the social
# workers, who take a new case on.
SENDING_ROLES = PERMISSIONS[Action.MANAGE_CASE]
RECEIVING_ROLES = frozenset({Role.COORDINATOR, Role.SOCIAL_WORKER})

# The person's fields each section covers (the rest stay with the sending centre).
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    Section.IDENTITY: (
        "first_name",
        "last_name",
        "father_name",
        "mother_name",
        "first_name_latin",
        "last_name_latin",
        "sex",
        "birth_date",
        "nationality",
        "country_of_birth",
        "languages",
        "needs_interpreter",
        "interpreter_language",
        "amka",
        "afm",
        "paaypa",
        "personal_number",
        "id_document_number",
    ),
    Section.CONTACT: ("phone", "email"),
    Section.SPECIAL_CATEGORY: tuple(sorted(SPECIAL_CATEGORY_FIELDS)),
    Section.ESF_ENTRY: (
        "target_groups",
        "employment_status",
        "isced_level",
        "foreign_background",
        "homeless_or_housing_exclusion",
    ),
}
# Not shared whatever the consent: the old address and municipality (the person moved),
# notes of any kind, social history and research (they stay with the centre that wrote them).


def _tenant(actor: Actor) -> Tenant:
    return actor.membership.tenant


def _require_role(actor: Actor, roles: frozenset[str]) -> None:
    if actor.role not in roles:
        raise PermissionDenied(_("Your role does not allow this."))


def clean_scope(scope: list[str]) -> list[str]:
    """The sections in their canonical order; identity is always part of a transfer."""
    unknown = [name for name in scope if name not in Section.values]
    if unknown:
        raise ValidationError(
            {"scope": [_("Unknown section: %(names)s.") % {"names": ", ".join(unknown)}]}
        )
    if Section.IDENTITY not in scope:
        raise ValidationError(
            {
                "scope": [
                    _("The person's identity must be shared: without it no record can be made.")
                ]
            }
        )
    return [name for name in Section.values if name in scope]


def transfer_consent(person: Beneficiary) -> ConsentRecord | None:
    """The person's standing consent to share their data with other services, if any."""
    latest = (
        ConsentRecord.objects.filter(beneficiary=person, purpose=TRANSFER_CONSENT_PURPOSE)
        .order_by("-given_on", "-id")
        .first()
    )
    if latest is None or latest.legal_basis != LegalBasis.CONSENT or latest.withdrawn_on:
        return None
    return latest


def receiving_centres(actor: Actor) -> QuerySet[Tenant]:
    """The active centres a case can be transferred to from the actor's centre."""
    return (
        Tenant.objects.filter(is_active=True)
        .exclude(schema_name="public")
        .exclude(pk=_tenant(actor).pk)
        .order_by("name")
    )


# --- Sending side ---------------------------------------------------------------------------


@transaction.atomic
def transfer_request(
    *, actor: Actor, person: Beneficiary, receiving_tenant: str, scope: list[str]
) -> Transfer:
    """Ask another centre to take the person's case on, sharing the consented sections.

    `person` was reached through casework.access (reach checked and the read audited);
    `receiving_tenant` is the receiving centre's slug."""
    _require_role(actor, SENDING_ROLES)
    sending = _tenant(actor)
    errors: dict[str, list[str]] = {}
    receiving = Tenant.objects.filter(slug=receiving_tenant or "").first()
    if receiving is not None and receiving.pk == sending.pk:
        errors["receiving_tenant"] = [_("A case cannot be transferred to the same centre.")]
    elif receiving is None or not receiving_centres(actor).filter(pk=receiving.pk).exists():
        errors["receiving_tenant"] = [_("Choose one of the other active centres.")]
    try:
        scope = clean_scope(list(scope))
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if person.merged_into_id or person.anonymised_at:
        raise ValidationError(_("This record was merged or anonymised and cannot be transferred."))
    if transfer_consent(person) is None:
        raise ValidationError(
            _(
                "Record the person's consent to share their data with other services "
                "before asking for a transfer."
            )
        )
    if Transfer.objects.filter(
        sending_tenant=sending, sending_person_id=person.pk, status=Transfer.Status.REQUESTED
    ).exists():
        raise ValidationError(_("A transfer of this person is already waiting for an answer."))
    transfer = Transfer.objects.create(
        sending_tenant=sending,
        receiving_tenant=receiving,
        sending_person_id=person.pk,
        scope=scope,
        requested_by=actor.user,
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=transfer,
        beneficiary_id=person.pk,
        detail={"transfer_to": receiving.slug, "sections": scope},
    )
    return transfer


def outgoing_transfers(actor: Actor) -> QuerySet[Transfer]:
    """The centre's transfers of people in the actor's reach, newest first."""
    _require_role(actor, SENDING_ROLES)
    transfers = Transfer.objects.filter(sending_tenant=_tenant(actor)).select_related(
        "receiving_tenant", "requested_by", "decided_by"
    )
    if actor.municipality_id is not None:
        reach = people_in_reach(actor, include_merged=True).values_list("pk", flat=True)
        transfers = transfers.filter(sending_person_id__in=list(reach))
    return transfers


def outgoing_transfer_for(actor: Actor, transfer_id: int) -> Transfer:
    """One of the centre's own transfers (404 for any other, or a person out of reach)."""
    transfer = outgoing_transfers(actor).filter(pk=transfer_id).first()
    if transfer is None:
        raise Http404
    return transfer


@transaction.atomic
def transfer_cancel(*, actor: Actor, transfer: Transfer) -> Transfer:
    _require_role(actor, SENDING_ROLES)
    transfer = _locked(transfer, sending=_tenant(actor))
    if transfer.status != Transfer.Status.REQUESTED:
        raise ValidationError(_("Only a transfer waiting for an answer can be cancelled."))
    transfer.status = Transfer.Status.CANCELLED
    transfer.decided_by = actor.user
    transfer.decided_at = timezone.now()
    transfer.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=transfer,
        beneficiary_id=transfer.sending_person_id,
        detail={"transfer_status": transfer.status},
    )
    return transfer


@transaction.atomic
def transfer_close_sending_case(*, actor: Actor, transfer: Transfer) -> list[Case]:
    """After acceptance, the sender closes the person's open cases with the reason "moved"."""
    _require_role(actor, SENDING_ROLES)
    transfer = _locked(transfer, sending=_tenant(actor))
    if transfer.status != Transfer.Status.ACCEPTED:
        raise ValidationError(_("The case can be closed here once the other centre accepts."))
    open_cases = Case.objects.filter(beneficiary_id=transfer.sending_person_id).exclude(
        status=CaseStatus.CLOSED
    )
    closed = [
        case_update(
            actor=actor,
            case=case,
            data={"status": CaseStatus.CLOSED, "closure_reason": ClosureReason.MOVED},
        )
        for case in open_cases
    ]
    if not closed:
        raise ValidationError(_("The person has no open case here."))
    return closed


# --- Receiving side -------------------------------------------------------------------------


def incoming_transfers(actor: Actor) -> QuerySet[Transfer]:
    _require_role(actor, RECEIVING_ROLES)
    return Transfer.objects.filter(receiving_tenant=_tenant(actor)).select_related(
        "sending_tenant", "requested_by", "decided_by"
    )


def incoming_transfer_for(actor: Actor, transfer_id: int) -> Transfer:
    """A transfer addressed to the actor's centre (404 for any other, whatever the role)."""
    transfer = (
        Transfer.objects.filter(pk=transfer_id, receiving_tenant=_tenant(actor))
        .select_related("sending_tenant", "requested_by", "decided_by")
        .first()
    )
    if transfer is None:
        raise Http404
    _require_role(actor, RECEIVING_ROLES)
    return transfer


@dataclass
class SharedField:
    name: str
    label: str
    value: Any
    display: str


@dataclass
class SharedRecord:
    """The consented part of the person's record, as read from the sending schema.

    Held in memory only: shown to the receiving centre, or registered on acceptance."""

    transfer: Transfer
    sections: dict[str, list[SharedField]] = field(default_factory=dict)
    assessment: dict[str, Any] | None = None
    goals: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    def person_data(self) -> dict[str, Any]:
        return {f.name: f.value for fields in self.sections.values() for f in fields}


def _display(person: Beneficiary, name: str) -> tuple[Any, str]:
    model_field = Beneficiary._meta.get_field(name)
    value = getattr(person, name)
    if name in {"nationality", "country_of_birth"}:
        return (value.code or "", str(value.name) if value else "")
    if isinstance(value, bool):
        return value, _("Yes") if value else _("No")
    if isinstance(value, date):
        return value, value.strftime("%d/%m/%Y")
    if isinstance(value, list):
        labels = (
            dict(model_field.base_field.flatchoices) if hasattr(model_field, "base_field") else {}
        )
        return list(value), ", ".join(str(labels.get(v, v)) for v in value)
    if model_field.choices:
        return value, str(dict(model_field.flatchoices).get(value, value))
    return value, "" if value is None else str(value)


def _read_shared(
    actor: Actor, transfer: Transfer, *, audit_action: str, with_files: bool = False
) -> SharedRecord:
    """Read the consented sections in the sending schema and audit the read there."""
    shared = SharedRecord(transfer=transfer)
    scope = set(transfer.scope)
    with tenant_context(transfer.sending_tenant):
        person = Beneficiary.objects.filter(
            pk=transfer.sending_person_id, merged_into__isnull=True, anonymised_at__isnull=True
        ).first()
        if person is None or transfer_consent(person) is None:
            # Consent withdrawn (or the record gone) since the request: nothing may be read.
            raise ValidationError(
                _("The sending centre's record can no longer be shared: ask them to check.")
            )
        for section, names in SECTION_FIELDS.items():
            if section in scope:
                shared.sections[section] = [
                    SharedField(
                        name=name,
                        label=str(Beneficiary._meta.get_field(name).verbose_name),
                        value=_display(person, name)[0],
                        display=_display(person, name)[1],
                    )
                    for name in names
                ]
        if Section.ASSESSMENTS in scope:
            shared.assessment = _latest_assessment(person)
        if Section.PLANS in scope:
            shared.goals = _active_goals(person)
        if Section.DOCUMENTS in scope:
            shared.documents = _documents(person, with_files=with_files)
        audit.record(
            request=actor.request,
            user=actor.user,
            action=audit_action,
            obj=person,
            beneficiary_id=person.pk,
            detail={
                "transfer": transfer.pk,
                "by_centre": transfer.receiving_tenant.slug,
                "sections": transfer.scope,
            },
        )
    return shared


def _latest_assessment(person: Beneficiary) -> dict[str, Any] | None:
    assessment = (
        NeedsAssessment.objects.filter(beneficiary=person)
        .prefetch_related("scores")
        .order_by("-version")
        .first()
    )
    if assessment is None:
        return None
    return {
        "assessed_on": assessment.assessed_on,
        "summary": assessment.summary,
        "scores": [
            {
                "domain": score.domain,
                "label": score.get_domain_display(),
                "severity": score.severity,
                "notes": score.notes,
            }
            for score in assessment.scores.order_by("domain")
        ],
    }


def _active_goals(person: Beneficiary) -> list[dict[str, Any]]:
    plan = ActionPlan.objects.filter(beneficiary=person, status=ActionPlan.Status.ACTIVE).first()
    if plan is None:
        return []
    return [
        {
            "need": goal.need,
            "label": goal.get_need_display(),
            "description": goal.description,
            "target_date": goal.target_date,
        }
        for goal in plan.goals.all()
    ]


def _documents(person: Beneficiary, *, with_files: bool) -> list[dict[str, Any]]:
    documents = []
    for document in Document.objects.filter(beneficiary=person).order_by("uploaded_at", "id"):
        item = {
            "doc_type": document.doc_type,
            "label": document.get_doc_type_display(),
            "name": document.original_name,
            "size": document.size,
            "expires_on": document.expires_on,
        }
        if with_files:
            # Read now, while the connection (and so the storage folder) is the sender's.
            with document.file.open("rb") as stored:
                item["content"] = stored.read()
        documents.append(item)
    return documents


def transfer_view(*, actor: Actor, transfer: Transfer) -> SharedRecord:
    """What the receiving centre may see of a waiting transfer: the consented sections only."""
    _require_role(actor, RECEIVING_ROLES)
    if transfer.receiving_tenant_id != _tenant(actor).pk:
        raise Http404
    if transfer.status != Transfer.Status.REQUESTED:
        raise ValidationError(_("This transfer has been answered; its data are no longer shown."))
    return _read_shared(actor, transfer, audit_action=AuditEvent.Action.VIEW)


def _locked(transfer: Transfer, *, sending: Tenant | None = None, receiving: Tenant | None = None):
    """The transfer's row, locked, so two members cannot answer it at once."""
    rows = Transfer.objects.select_for_update().filter(pk=transfer.pk)
    if sending is not None:
        rows = rows.filter(sending_tenant=sending)
    if receiving is not None:
        rows = rows.filter(receiving_tenant=receiving)
    locked = rows.first()
    if locked is None:
        raise Http404
    return locked


def _default_unit(actor: Actor) -> Unit | None:
    if actor.membership.unit_id is not None:
        return actor.membership.unit
    units = Unit.objects.filter(tenant=_tenant(actor))
    return units.filter(kind=Unit.Kind.MAIN).first() or units.first()


@transaction.atomic
def transfer_accept(
    *,
    actor: Actor,
    transfer: Transfer,
    municipality: Municipality | None,
    confirm_not_duplicate: bool = False,
) -> Beneficiary:
    """Register the person here with the consented data and history; open a case.

    Runs on the receiving centre's connection. `municipality` is where the person now
    lives (one this centre serves). Raises the registry's DuplicatePerson /
    PossibleDuplicates like any registration."""
    _require_role(actor, RECEIVING_ROLES)
    transfer = _locked(transfer, receiving=_tenant(actor))
    if transfer.status != Transfer.Status.REQUESTED:
        raise ValidationError(_("This transfer has already been answered."))
    shared = _read_shared(
        actor,
        transfer,
        audit_action=AuditEvent.Action.EXPORT,
        with_files=Section.DOCUMENTS in transfer.scope,
    )
    data = {**shared.person_data(), "municipality": municipality}
    # Files land on disk before the transaction commits: if anything fails after they
    # were copied, they are removed, so a failed acceptance leaves no file behind.
    stored: list[Document] = []
    try:
        person = _register_with_history(actor, data, shared, confirm_not_duplicate, stored)
        transfer.status = Transfer.Status.ACCEPTED
        transfer.receiving_person_id = person.pk
        transfer.decided_by = actor.user
        transfer.decided_at = timezone.now()
        transfer.save(update_fields=["status", "receiving_person_id", "decided_by", "decided_at"])
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.CREATE,
            obj=transfer,
            beneficiary_id=person.pk,
            detail={"transfer_from": transfer.sending_tenant.slug, "sections": transfer.scope},
        )
    except BaseException:
        for document in stored:
            document.file.delete(save=False)
        raise
    return person


def _register_with_history(
    actor: Actor,
    data: dict[str, Any],
    shared: SharedRecord,
    confirm_not_duplicate: bool,
    stored: list[Document],
) -> Beneficiary:
    person = beneficiary_register(
        actor=actor, data=data, confirm_not_duplicate=confirm_not_duplicate
    )
    unit = _default_unit(actor)
    if unit is not None:
        case_open(actor=actor, person=person, unit=unit)
    if shared.assessment and shared.assessment["scores"]:
        assessment_record(
            actor=actor,
            person=person,
            scores={s["domain"]: (s["severity"], s["notes"]) for s in shared.assessment["scores"]},
            summary=shared.assessment["summary"],
            assessed_on=shared.assessment["assessed_on"],
        )
    if shared.goals:
        plan = plan_create(actor=actor, person=person)
        for goal in shared.goals:
            goal_add(
                actor=actor,
                plan=plan,
                need=goal["need"],
                description=goal["description"],
                target_date=goal["target_date"],
            )
    _copy_documents(actor, person, shared.documents, stored)
    return person


def _copy_documents(
    actor: Actor, person: Beneficiary, documents: list[dict[str, Any]], stored: list[Document]
) -> None:
    """Store copies of the sender's files here, listing each in `stored` as it lands."""
    for item in documents:
        stored.append(
            document_upload(
                actor=actor,
                person=person,
                upload=SimpleUploadedFile(item["name"], item["content"]),
                doc_type=item["doc_type"],
                expires_on=item["expires_on"],
            )
        )


@transaction.atomic
def transfer_reject(*, actor: Actor, transfer: Transfer, reason: str) -> Transfer:
    """Refuse the transfer with a coded reason the sender sees. Nothing is written here."""
    _require_role(actor, RECEIVING_ROLES)
    transfer = _locked(transfer, receiving=_tenant(actor))
    if transfer.status != Transfer.Status.REQUESTED:
        raise ValidationError(_("This transfer has already been answered."))
    if reason not in Transfer.RejectionReason.values:
        raise ValidationError({"reason": [_("Choose the reason for the rejection.")]})
    transfer.status = Transfer.Status.REJECTED
    transfer.rejection_reason = reason
    transfer.decided_by = actor.user
    transfer.decided_at = timezone.now()
    transfer.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    # Audited where the person is: the sending schema. The receiving schema stays untouched.
    with tenant_context(transfer.sending_tenant):
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.UPDATE,
            obj=transfer,
            beneficiary_id=transfer.sending_person_id,
            detail={
                "transfer_status": transfer.status,
                "by_centre": transfer.receiving_tenant.slug,
                "reason": reason,
            },
        )
    return transfer
