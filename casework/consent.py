"""Consent and legal basis per purpose; a withdrawal stops the processing it covered."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.models import AuditEvent, Beneficiary, ConsentRecord, Document
from casework.models.choices import ConsentPurpose, LegalBasis
from casework.permissions import Action


def processing_allowed(person: Beneficiary, purpose: str) -> bool:
    """False when the latest record for this purpose rests on consent that was withdrawn."""
    latest = (
        ConsentRecord.objects.filter(beneficiary=person, purpose=purpose)
        .order_by("-given_on", "-id")
        .first()
    )
    return latest is None or latest.withdrawn_on is None


def require_processing_allowed(person: Beneficiary, purpose: str) -> None:
    if not processing_allowed(person, purpose):
        raise ValidationError(
            _("The person has withdrawn consent for this processing (%(purpose)s).")
            % {"purpose": ConsentPurpose(purpose).label}
        )


@transaction.atomic
def consent_record(
    *,
    actor: Actor,
    person: Beneficiary,
    purpose: str,
    legal_basis: str,
    given_on: date | None = None,
    document: Document | None = None,
) -> ConsentRecord:
    actor.require(Action.MANAGE_CONSENT)
    if document is not None and document.beneficiary_id != person.pk:
        raise ValidationError({"document": [_("The document belongs to another person.")]})
    record = ConsentRecord(
        beneficiary=person,
        purpose=purpose,
        legal_basis=legal_basis,
        given_on=given_on or timezone.localdate(),
        document=document,
        recorded_by=actor.user,
    )
    record.full_clean()
    record.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=record,
        beneficiary_id=person.pk,
    )
    return record


@transaction.atomic
def consent_withdraw(*, actor: Actor, record: ConsentRecord) -> ConsentRecord:
    """Withdraw consent. Special-category data held on that basis is erased at once."""
    actor.require(Action.MANAGE_CONSENT)
    if record.legal_basis != LegalBasis.CONSENT:
        raise ValidationError(_("Only processing based on consent can be withdrawn."))
    if record.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    record.withdrawn_on = timezone.localdate()
    record.save(update_fields=["withdrawn_on"])
    if record.purpose == ConsentPurpose.SPECIAL_CATEGORY:
        person = record.beneficiary
        person.disability = person.minority_roma = False
        person.save(update_fields=["disability", "minority_roma"])
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=record,
        beneficiary_id=record.beneficiary_id,
        detail={"withdrawn": True},
    )
    return record
