"""Reception: contacts with the centre and the requests (αιτήματα) raised in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from casework import audit
from casework.access import Actor
from casework.consent import require_processing_allowed
from casework.models import AuditEvent, Beneficiary, Contact, Request
from casework.models.choices import ConsentPurpose, RequestOutcome
from casework.permissions import Action
from geography.models import Municipality
from tenants.models import Unit


@dataclass(frozen=True)
class RequestInput:
    category: str
    description: str = ""
    outcome: str = RequestOutcome.PENDING


def _check_place(actor: Actor, unit: Unit, municipality: Municipality) -> None:
    tenant = actor.membership.tenant
    if unit.tenant_id != tenant.pk:
        raise ValidationError({"unit": [_("The unit belongs to another centre.")]})
    if not tenant.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": [_("The centre does not serve this municipality.")]})
    if actor.municipality_id is not None and municipality.pk != actor.municipality_id:
        raise ValidationError({"municipality": [_("You work only for your municipality.")]})


def _check_mediator(actor: Actor, mediator: User | None) -> None:
    if (
        mediator is not None
        and not Membership.objects.filter(
            tenant=actor.membership.tenant, user=mediator, is_active=True
        ).exists()
    ):
        raise ValidationError({"mediator": [_("The mediator must be staff of this centre.")]})


@transaction.atomic
def contact_record(
    *,
    actor: Actor,
    person: Beneficiary | None,
    unit: Unit,
    channel: str,
    occurred_at: datetime,
    requests: list[RequestInput],
    municipality: Municipality | None = None,
    mediator: User | None = None,
    language: str = "",
    duration_minutes: int = 0,
    summary: str = "",
) -> Contact:
    """Record a contact and its requests. Without a person it is an anonymous information
    request: counted in statistics, with no personal data."""
    actor.require(Action.RECORD_CONTACT if person else Action.RECORD_ANONYMOUS_REQUEST)
    if person is not None:
        require_processing_allowed(person, ConsentPurpose.CASEWORK)
    municipality = municipality or (person.municipality if person else None)
    if municipality is None:
        raise ValidationError({"municipality": [_("Say which municipality the request is from.")]})
    _check_place(actor, unit, municipality)
    _check_mediator(actor, mediator)
    if not requests:
        raise ValidationError({"requests": [_("Record at least one request.")]})
    if person is None and summary:
        raise ValidationError({"summary": [_("An anonymous request keeps no notes.")]})
    contact = Contact(
        beneficiary=person,
        unit=unit,
        municipality=municipality,
        channel=channel,
        occurred_at=occurred_at,
        staff=actor.user,
        mediator=mediator,
        language=language,
        duration_minutes=duration_minutes,
        summary=summary,
    )
    contact.full_clean()
    contact.save()
    for item in requests:
        request = Request(
            contact=contact,
            category=item.category,
            description=item.description,
            outcome=item.outcome,
        )
        request.full_clean()
        request.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=contact,
        beneficiary_id=person.pk if person else None,
    )
    return contact
