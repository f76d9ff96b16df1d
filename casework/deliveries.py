"""Services delivered to a person (counselling, interpretation, application support, …)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.consent import require_processing_allowed
from casework.models import AuditEvent, Beneficiary, PlanStep, ServiceDelivery
from casework.models.choices import ConsentPurpose, ServiceKind
from casework.permissions import Action

# Sessions only the matching profession delivers.
PROFESSION_SERVICES = {
    ServiceKind.PSYCHOLOGICAL_SESSION: "psychologist",
    ServiceKind.LEGAL_COUNSELLING: "lawyer",
}


@transaction.atomic
def service_record(
    *,
    actor: Actor,
    person: Beneficiary,
    kind: str,
    delivered_on: date,
    duration_minutes: int = 0,
    plan_step: PlanStep | None = None,
    notes: str = "",
) -> ServiceDelivery:
    actor.require(Action.RECORD_SERVICE)
    require_processing_allowed(person, ConsentPurpose.CASEWORK)
    profession = PROFESSION_SERVICES.get(kind)
    if profession and actor.role != profession:
        raise ValidationError({"kind": [_("Only the matching profession records this service.")]})
    if plan_step is not None and plan_step.goal.plan.beneficiary_id != person.pk:
        raise ValidationError({"plan_step": [_("The step belongs to another person's plan.")]})
    service = ServiceDelivery(
        beneficiary=person,
        kind=kind,
        delivered_on=delivered_on,
        staff=actor.user,
        duration_minutes=duration_minutes,
        plan_step=plan_step,
        notes=notes,
    )
    service.full_clean()
    service.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=service,
        beneficiary_id=person.pk,
    )
    return service
