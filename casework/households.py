"""Households: members (registered or not) with relation, birth date and income; history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.models import AuditEvent, Beneficiary, Household, HouseholdMember
from casework.permissions import Action


@transaction.atomic
def household_create(
    *,
    actor: Actor,
    head: Beneficiary,
    address: str = "",
    monthly_income: Decimal = Decimal(0),
) -> Household:
    """A household with the person as head; their own monthly income counts with the
    others' (minimum-income pre-screening adds up the whole household)."""
    actor.require(Action.MANAGE_HOUSEHOLD)
    if monthly_income < 0:
        raise ValidationError({"monthly_income": [_("Income cannot be negative.")]})
    if HouseholdMember.objects.filter(beneficiary=head, left_on__isnull=True).exists():
        raise ValidationError(_("This person already belongs to a household."))
    household = Household.objects.create(head=head, address=address or head.address)
    HouseholdMember.objects.create(
        household=household,
        beneficiary=head,
        relation=HouseholdMember.Relation.HEAD,
        birth_date=head.birth_date,
        monthly_income=monthly_income,
        joined_on=timezone.localdate(),
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=household,
        beneficiary_id=head.pk,
    )
    return household


@transaction.atomic
def household_member_add(
    *,
    actor: Actor,
    household: Household,
    relation: str,
    beneficiary: Beneficiary | None = None,
    name: str = "",
    birth_date: date | None = None,
    monthly_income: Decimal = Decimal(0),
    joined_on: date | None = None,
) -> HouseholdMember:
    actor.require(Action.MANAGE_HOUSEHOLD)
    if beneficiary is None and not name.strip():
        raise ValidationError({"name": [_("Choose a registered person or write the name.")]})
    if monthly_income < 0:
        raise ValidationError({"monthly_income": [_("Income cannot be negative.")]})
    if relation == HouseholdMember.Relation.HEAD:
        raise ValidationError({"relation": [_("The household already has a head.")]})
    if (
        beneficiary is not None
        and HouseholdMember.objects.filter(beneficiary=beneficiary, left_on__isnull=True).exists()
    ):
        raise ValidationError(_("This person already belongs to a household."))
    member = HouseholdMember(
        household=household,
        beneficiary=beneficiary,
        name="" if beneficiary else name.strip(),
        birth_date=beneficiary.birth_date if beneficiary else birth_date,
        relation=relation,
        monthly_income=monthly_income,
        joined_on=joined_on or timezone.localdate(),
    )
    member.full_clean()
    member.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=household,
        beneficiary_id=household.head_id,
        detail={"member_added": member.pk},
    )
    return member


@transaction.atomic
def household_member_leave(
    *, actor: Actor, member: HouseholdMember, left_on: date | None = None
) -> HouseholdMember:
    actor.require(Action.MANAGE_HOUSEHOLD)
    if member.left_on is not None:
        raise ValidationError(_("This member has already left the household."))
    if member.relation == HouseholdMember.Relation.HEAD:
        raise ValidationError(_("The head of household cannot leave; choose a new head first."))
    member.left_on = left_on or timezone.localdate()
    member.save(update_fields=["left_on"])
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=member.household,
        beneficiary_id=member.household.head_id,
        detail={"member_left": member.pk},
    )
    return member


def current_members(household: Household) -> list[HouseholdMember]:
    return [m for m in household.members.all() if m.left_on is None]
