"""Referral services: write, send (with the consent check), move through the lifecycle,
answer live referrals from the receiving centre, follow up.

The sending side works in its own schema through the acting member's reach. The receiving
side of a live referral never holds a copy of the person: its inbox lists the public
envelopes addressed to it and reads the allowed fields from the sender's schema at view
time; its answers are written into the sender's schema here, in one transaction with the
envelope.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import tenant_context

from casework import audit
from casework.access import Actor, people_in_reach
from casework.models import AuditEvent, Beneficiary, Case, ConsentRecord, Document
from casework.models.choices import ConsentPurpose
from casework.models.referrals import (
    Referral,
    ReferralEvent,
    ReferralKind,
    ReferralStatus,
    ReferralUrgency,
)
from casework.permissions import Action
from casework.referrals.lifecycle import FINAL, Rule, Side, Transition, check
from exchange.models import ReferralEnvelope
from tenants.models import Tenant

OPEN_STATUSES = frozenset(
    {ReferralStatus.DRAFT, ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
)


# --- The directory service ------------------------------------------------------------------


def directory_service(*, tenant: Tenant, service_id: uuid.UUID | str):
    """The directory service a centre may refer to: national or the centre's own local
    entry, not deleted, and active. ValidationError otherwise."""
    from directory.models import Status
    from directory.search import visible_services

    try:
        service_id = uuid.UUID(str(service_id))
    except ValueError:
        raise ValidationError({"service": [_("Choose a service from the directory.")]}) from None
    service = (
        visible_services(tenant)
        .select_related("organization", "organization__kentro_tenant")
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        raise ValidationError({"service": [_("This service is not in the directory.")]})
    if service.status != Status.ACTIVE:
        raise ValidationError({"service": [_("This service is not active: choose another one.")]})
    return service


# --- Reaching referrals -----------------------------------------------------------------------


def referrals_in_reach(actor: Actor) -> QuerySet[Referral]:
    return Referral.objects.filter(beneficiary__in=people_in_reach(actor, include_merged=True))


def referral_for(actor: Actor, referral_id: int) -> Referral:
    """The referral, if its person is in the actor's reach and the role works on referrals
    (404 before 403, as for people); the read is audited."""
    referral = (
        referrals_in_reach(actor)
        .select_related("beneficiary", "case", "created_by", "receiving_tenant")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404
    actor.require(Action.RECORD_SERVICE)
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.VIEW,
        obj=referral,
        beneficiary_id=referral.beneficiary_id,
    )
    return referral


def referrals_of(actor: Actor, person: Beneficiary) -> QuerySet[Referral]:
    actor.require(Action.RECORD_SERVICE)
    return Referral.objects.filter(beneficiary=person).select_related("receiving_tenant")


def overdue_for(actor: Actor, *, today: date | None = None) -> QuerySet[Referral]:
    """The acting caseworker's own open referrals whose follow-up date has passed."""
    actor.require(Action.RECORD_SERVICE)
    return overdue(today=today).filter(
        created_by=actor.user, beneficiary__in=people_in_reach(actor, include_merged=True)
    )


def overdue(*, today: date | None = None) -> QuerySet[Referral]:
    today = today or timezone.localdate()
    return (
        Referral.objects.filter(status__in=OPEN_STATUSES, follow_up_on__lt=today)
        .select_related("beneficiary", "created_by")
        .order_by("follow_up_on", "id")
    )


# --- Writing and sending ----------------------------------------------------------------------


def consent_covers_referrals(person: Beneficiary) -> bool:
    """True when the latest record for the referrals purpose exists and was not withdrawn."""
    latest = (
        ConsentRecord.objects.filter(beneficiary=person, purpose=ConsentPurpose.REFERRALS)
        .order_by("-given_on", "-id")
        .first()
    )
    return latest is not None and latest.withdrawn_on is None


def _check_documents(person: Beneficiary, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    if any(document.beneficiary_id != person.pk for document in documents):
        raise ValidationError({"documents": [_("A document belongs to another person.")]})
    return documents


@transaction.atomic
def referral_create(
    *,
    actor: Actor,
    person: Beneficiary,
    service_id: uuid.UUID | str,
    reason: str,
    follow_up_on: date,
    urgency: str = ReferralUrgency.ROUTINE,
    case: Case | None = None,
    documents: Iterable[Document] = (),
) -> Referral:
    """A draft referral of `person` to a directory service; sent later by referral_send."""
    actor.require(Action.RECORD_SERVICE)
    tenant = actor.membership.tenant
    service = directory_service(tenant=tenant, service_id=service_id)
    errors: dict[str, list[str]] = {}
    if not reason.strip():
        errors["reason"] = [_("Say why the person is referred.")]
    if urgency not in ReferralUrgency.values:
        errors["urgency"] = [_("Choose how urgent the referral is.")]
    if follow_up_on is None or follow_up_on < timezone.localdate():
        errors["follow_up_on"] = [_("The follow-up date cannot be in the past.")]
    if case is not None and case.beneficiary_id != person.pk:
        errors["case"] = [_("The case belongs to another person.")]
    if errors:
        raise ValidationError(errors)
    documents = _check_documents(person, documents)
    provider = service.organization.kentro_tenant
    # A centre's own service is answered in its own files: only another centre is "live".
    live = provider is not None and provider.pk != tenant.pk
    referral = Referral.objects.create(
        beneficiary=person,
        case=case,
        service_id=service.pk,
        service_name=service.name[:300],
        organization_name=service.organization.name[:300],
        kind=ReferralKind.LIVE if live else ReferralKind.LOGGED,
        receiving_tenant=provider if live else None,
        reason=reason.strip(),
        urgency=urgency,
        follow_up_on=follow_up_on,
        created_by=actor.user,
    )
    referral.documents.set(documents)
    ReferralEvent.objects.create(
        referral=referral,
        by=actor.user,
        side=Side.SENDER,
        by_centre=tenant.name,
        to_status=ReferralStatus.DRAFT,
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=referral,
        beneficiary_id=person.pk,
    )
    return referral


def _apply(
    referral: Referral,
    rule: Rule,
    *,
    user,
    side: Side,
    centre: str,
    request=None,
    reason: str = "",
    outcome: str = "",
    note: str = "",
    extra: dict | None = None,
) -> Referral:
    """Move the referral (in the current schema) and its envelope, with a history row."""
    previous = referral.status
    now = timezone.now()
    referral.status = rule.target
    fields = ["status", "updated_at"]
    if rule.target == ReferralStatus.SENT:
        referral.sent_at = now
        fields.append("sent_at")
    if rule.needs_reason:
        referral.rejection_reason = reason.strip()
        fields.append("rejection_reason")
    if rule.needs_outcome:
        referral.outcome = outcome
        fields.append("outcome")
    for name, value in (extra or {}).items():
        setattr(referral, name, value)
        fields.append(name)
    referral.save(update_fields=fields)
    ReferralEvent.objects.create(
        referral=referral,
        by=user,
        side=side,
        by_centre=centre[:200],
        from_status=previous,
        to_status=rule.target,
        note=(reason or note).strip(),
    )
    if referral.envelope_id is not None:
        answered = {"answered_at": now} if side == Side.RECEIVER else {}
        ReferralEnvelope.objects.filter(pk=referral.envelope_id).update(
            status=rule.target, updated_at=now, **answered
        )
    audit.record(
        request=request,
        user=user,
        action=AuditEvent.Action.UPDATE,
        obj=referral,
        beneficiary_id=referral.beneficiary_id,
        detail={"from": previous, "to": rule.target, "side": str(side), "centre": centre},
    )
    return referral


def _locked(referral: Referral) -> Referral:
    """The referral row, locked: two answers at once cannot both pass the lifecycle check."""
    return Referral.objects.select_for_update().get(pk=referral.pk)


@transaction.atomic
def referral_send(*, actor: Actor, referral: Referral, override_reason: str = "") -> Referral:
    """Send a draft. Without a recorded consent for referrals, only with a stated reason
    (the override is kept on the referral and in the audit trail)."""
    actor.require(Action.RECORD_SERVICE)
    referral = _locked(referral)
    rule = check(
        status=referral.status, transition=Transition.SEND, kind=referral.kind, side=Side.SENDER
    )
    consented = consent_covers_referrals(referral.beneficiary)
    override_reason = override_reason.strip()
    if not consented and not override_reason:
        raise ValidationError(
            {
                "override_reason": [
                    _(
                        "No consent to referrals is recorded for this person: record it, "
                        "or give the reason for sending without it."
                    )
                ]
            }
        )
    extra = {
        "consent_recorded": consented,
        "consent_override_reason": "" if consented else override_reason,
    }
    tenant = actor.membership.tenant
    if referral.kind == ReferralKind.LIVE:
        envelope = ReferralEnvelope.objects.create(
            sending_tenant=tenant,
            receiving_tenant=referral.receiving_tenant,
            sender_referral_id=referral.pk,
            service_id=referral.service_id,
            status=ReferralStatus.SENT,
        )
        extra["envelope_id"] = envelope.pk
    _apply(
        referral,
        rule,
        user=actor.user,
        side=Side.SENDER,
        centre=tenant.name,
        request=actor.request,
        note=override_reason if not consented else "",
        extra=extra,
    )
    if not consented:
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.UPDATE,
            obj=referral,
            beneficiary_id=referral.beneficiary_id,
            detail={"consent_override": True, "reason": override_reason},
        )
    return referral


@transaction.atomic
def referral_transition(
    *,
    actor: Actor,
    referral: Referral,
    transition: Transition | str,
    reason: str = "",
    outcome: str = "",
    note: str = "",
) -> Referral:
    """A move made by the referring centre: cancel or revoke, and on a logged referral
    the outside service's answers as the caseworker records them. (Send: referral_send.)"""
    actor.require(Action.RECORD_SERVICE)
    if transition == Transition.SEND:
        return referral_send(actor=actor, referral=referral, override_reason=reason)
    referral = _locked(referral)
    rule = check(
        status=referral.status,
        transition=transition,
        kind=referral.kind,
        side=Side.SENDER,
        reason=reason,
        outcome=outcome,
    )
    return _apply(
        referral,
        rule,
        user=actor.user,
        side=Side.SENDER,
        centre=actor.membership.tenant.name,
        request=actor.request,
        reason=reason,
        outcome=outcome,
        note=note,
    )


@transaction.atomic
def referral_set_follow_up(*, actor: Actor, referral: Referral, follow_up_on: date) -> Referral:
    actor.require(Action.RECORD_SERVICE)
    if referral.status in FINAL:
        raise ValidationError(_("This referral is closed: it needs no follow-up."))
    if follow_up_on is None or follow_up_on < timezone.localdate():
        raise ValidationError({"follow_up_on": [_("The follow-up date cannot be in the past.")]})
    referral.follow_up_on = follow_up_on
    referral.reminded_on = None
    referral.save(update_fields=["follow_up_on", "reminded_on", "updated_at"])
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=referral,
        beneficiary_id=referral.beneficiary_id,
        detail={"follow_up_on": follow_up_on.isoformat()},
    )
    return referral


# --- The receiving centre -----------------------------------------------------------------------


@dataclass
class InboxDocument:
    id: int
    doc_type: str
    original_name: str


@dataclass
class InboxItem:
    """What the receiving centre may know of a live referral, read at view time."""

    envelope: ReferralEnvelope
    sending_centre: str
    service_name: str
    first_name: str
    last_initial: str
    age_band: str
    languages: list[str]
    reason: str
    urgency: str
    status: str
    sent_at: object
    rejection_reason: str
    outcome: str
    documents: list[InboxDocument] = field(default_factory=list)

    @property
    def person_label(self) -> str:
        return f"{self.first_name} {self.last_initial}.".strip()

    @property
    def urgency_label(self) -> str:
        return str(ReferralUrgency(self.urgency).label)

    @property
    def status_label(self) -> str:
        return str(ReferralStatus(self.status).label)


def age_band(birth_date: date | None, *, today: date | None = None) -> str:
    """The bands of the ESF+ indicators: enough to prepare for, not to identify."""
    if birth_date is None:
        return _("not known")
    today = today or timezone.localdate()
    birthday_to_come = (today.month, today.day) < (birth_date.month, birth_date.day)
    years = today.year - birth_date.year - birthday_to_come
    if years < 18:
        return _("under 18")
    if years < 30:
        return _("18–29")
    if years < 55:
        return _("30–54")
    return _("55 or over")


def _require_receiver(actor: Actor) -> None:
    # The inbox is the centre's, not one partner municipality's: the people referred
    # live elsewhere, so members limited to a municipality do not see it.
    if actor.municipality_id is not None:
        raise Http404
    actor.require(Action.RECORD_SERVICE)


def inbox_envelopes(actor: Actor) -> QuerySet[ReferralEnvelope]:
    _require_receiver(actor)
    return (
        ReferralEnvelope.objects.filter(receiving_tenant=actor.membership.tenant)
        .select_related("sending_tenant")
        .order_by("-created_at")
    )


def _item(envelope: ReferralEnvelope, referral: Referral) -> InboxItem:
    person = referral.beneficiary
    documents = []
    if referral.consent_recorded:
        documents = [
            InboxDocument(id=d.pk, doc_type=d.get_doc_type_display(), original_name=d.original_name)
            for d in referral.documents.all()
        ]
    return InboxItem(
        envelope=envelope,
        sending_centre=envelope.sending_tenant.name,
        service_name=referral.service_name,
        first_name=person.first_name,
        last_initial=person.last_name[:1],
        age_band=age_band(person.birth_date),
        languages=list(person.languages),
        reason=referral.reason,
        urgency=referral.urgency,
        status=referral.status,
        sent_at=referral.sent_at,
        rejection_reason=referral.rejection_reason,
        outcome=referral.outcome,
        documents=documents,
    )


def inbox(actor: Actor) -> list[InboxItem]:
    """The live referrals addressed to the actor's centre, read from each sender's schema."""
    envelopes = list(inbox_envelopes(actor))
    by_sender: dict[int, list[ReferralEnvelope]] = {}
    for envelope in envelopes:
        by_sender.setdefault(envelope.sending_tenant_id, []).append(envelope)
    items: dict[uuid.UUID, InboxItem] = {}
    for group in by_sender.values():
        with tenant_context(group[0].sending_tenant):
            referrals = Referral.objects.select_related("beneficiary").in_bulk(
                [envelope.sender_referral_id for envelope in group]
            )
            for envelope in group:
                referral = referrals.get(envelope.sender_referral_id)
                if referral is not None:
                    items[envelope.pk] = _item(envelope, referral)
    return [items[envelope.pk] for envelope in envelopes if envelope.pk in items]


def envelope_for(actor: Actor, envelope_id: uuid.UUID | str) -> ReferralEnvelope:
    envelope = inbox_envelopes(actor).filter(pk=envelope_id).first()
    if envelope is None:
        raise Http404
    return envelope


def inbox_item(actor: Actor, envelope_id: uuid.UUID | str) -> InboxItem:
    """One live referral addressed to the actor's centre (404 otherwise). The read is
    audited in the sender's schema, where the person's record is."""
    envelope = envelope_for(actor, envelope_id)
    centre = actor.membership.tenant.name
    with tenant_context(envelope.sending_tenant):
        referral = (
            Referral.objects.select_related("beneficiary")
            .prefetch_related("documents")
            .filter(pk=envelope.sender_referral_id)
            .first()
        )
        if referral is None:
            raise Http404
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.VIEW,
            obj=referral,
            beneficiary_id=referral.beneficiary_id,
            detail={"receiving_centre": centre},
        )
        return _item(envelope, referral)


@transaction.atomic
def inbox_answer(
    *,
    actor: Actor,
    envelope_id: uuid.UUID | str,
    transition: Transition | str,
    reason: str = "",
    outcome: str = "",
    note: str = "",
) -> ReferralEnvelope:
    """The receiving centre accepts, rejects, starts or completes a live referral: the
    sender's referral moves in the sender's schema, the envelope with it."""
    envelope = envelope_for(actor, envelope_id)
    centre = actor.membership.tenant.name
    with tenant_context(envelope.sending_tenant):
        referral = (
            Referral.objects.select_for_update().filter(pk=envelope.sender_referral_id).first()
        )
        if referral is None:
            raise Http404
        rule = check(
            status=referral.status,
            transition=transition,
            kind=referral.kind,
            side=Side.RECEIVER,
            reason=reason,
            outcome=outcome,
        )
        _apply(
            referral,
            rule,
            user=actor.user,
            side=Side.RECEIVER,
            centre=centre,
            request=actor.request,
            reason=reason,
            outcome=outcome,
            note=note,
        )
    envelope.refresh_from_db()
    return envelope


def inbox_document(actor: Actor, envelope_id: uuid.UUID | str, document_id: int):
    """(open file, content type, name) of a document attached to a live referral, when the
    person's consent covers referrals; 404 otherwise. The download is audited by the sender."""
    envelope = envelope_for(actor, envelope_id)
    with tenant_context(envelope.sending_tenant):
        referral = Referral.objects.filter(pk=envelope.sender_referral_id).first()
        if referral is None or not referral.consent_recorded:
            raise Http404
        document = referral.documents.filter(pk=document_id).first()
        if document is None:
            raise Http404
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.DOWNLOAD,
            obj=document,
            beneficiary_id=document.beneficiary_id,
            detail={"receiving_centre": actor.membership.tenant.name},
        )
        # Opened here: the storage's folder is the sending centre's while in its context.
        handle = document.file.open("rb")
        return handle, document.content_type, document.original_name
