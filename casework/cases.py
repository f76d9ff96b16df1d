"""Case files: opening, assigning, closing with ESF+ exit data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from casework import audit
from casework.access import Actor
from casework.models import AuditEvent, Beneficiary, Case
from casework.models.choices import CaseStatus
from casework.permissions import Action
from tenants.models import Unit

EXIT_FIELDS = (
    "exit_job_searching",
    "exit_in_education",
    "exit_gained_qualification",
    "exit_employed",
    "employed_after_six_months",
    "improved_after_six_months",
)


def _check_staff(actor: Actor, caseworkers: list[User]) -> None:
    members = set(
        Membership.objects.filter(
            tenant=actor.membership.tenant, is_active=True, user__in=caseworkers
        ).values_list("user_id", flat=True)
    )
    if any(user.pk not in members for user in caseworkers):
        raise ValidationError({"caseworkers": [_("Caseworkers must be staff of this centre.")]})


@transaction.atomic
def case_open(
    *,
    actor: Actor,
    person: Beneficiary,
    unit: Unit,
    caseworkers: list[User] | None = None,
    opened_on: date | None = None,
) -> Case:
    actor.require(Action.MANAGE_CASE)
    if unit.tenant_id != actor.membership.tenant_id:
        raise ValidationError({"unit": [_("The unit belongs to another centre.")]})
    if Case.objects.filter(beneficiary=person).exclude(status=CaseStatus.CLOSED).exists():
        raise ValidationError(_("This person already has an open case."))
    caseworkers = caseworkers or [actor.user]
    _check_staff(actor, caseworkers)
    case = Case.objects.create(
        beneficiary=person, unit=unit, opened_on=opened_on or timezone.localdate()
    )
    case.caseworkers.set(caseworkers)
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=case,
        beneficiary_id=person.pk,
    )
    return case


@transaction.atomic
def case_update(*, actor: Actor, case: Case, data: dict[str, Any]) -> Case:
    """Change status, unit, caseworkers; closing needs a reason and records exit data."""
    actor.require(Action.MANAGE_CASE)
    if case.status == CaseStatus.CLOSED and data.get("status") != CaseStatus.OPEN:
        raise ValidationError(_("A closed case must be reopened before it is changed."))
    status = data.get("status", case.status)
    if status == CaseStatus.CLOSED:
        if not data.get("closure_reason"):
            raise ValidationError({"closure_reason": [_("Say why the case is closed.")]})
        case.closed_on = data.get("closed_on") or timezone.localdate()
        case.closure_reason = data["closure_reason"]
    elif case.status == CaseStatus.CLOSED:
        if (
            Case.objects.filter(beneficiary=case.beneficiary)
            .exclude(pk=case.pk)
            .exclude(status=CaseStatus.CLOSED)
            .exists()
        ):
            raise ValidationError(_("This person already has an open case."))
        case.closed_on, case.closure_reason = None, ""
    case.status = status
    if "unit" in data:
        if data["unit"].tenant_id != actor.membership.tenant_id:
            raise ValidationError({"unit": [_("The unit belongs to another centre.")]})
        case.unit = data["unit"]
    for name in EXIT_FIELDS:
        if name in data:
            setattr(case, name, bool(data[name]))
    case.save()
    if "caseworkers" in data:
        _check_staff(actor, data["caseworkers"])
        case.caseworkers.set(data["caseworkers"])
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=case,
        beneficiary_id=case.beneficiary_id,
        detail={"fields": sorted(data)},
    )
    return case
