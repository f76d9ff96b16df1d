"""Individual action plans: goals for assessed needs, steps with owners, reviews, progress."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from casework import audit
from casework.access import Actor
from casework.consent import require_processing_allowed
from casework.models import ActionPlan, AuditEvent, Beneficiary, PlanGoal, PlanReview, PlanStep
from casework.models.choices import ConsentPurpose, NeedDomain
from casework.permissions import Action


def _audit(actor: Actor, obj, person_id: int, action=AuditEvent.Action.CREATE) -> None:
    audit.record(
        request=actor.request, user=actor.user, action=action, obj=obj, beneficiary_id=person_id
    )


@transaction.atomic
def plan_create(*, actor: Actor, person: Beneficiary) -> ActionPlan:
    actor.require(Action.MANAGE_PLAN)
    require_processing_allowed(person, ConsentPurpose.CASEWORK)
    if ActionPlan.objects.filter(beneficiary=person, status=ActionPlan.Status.ACTIVE).exists():
        raise ValidationError(_("This person already has an active action plan."))
    plan = ActionPlan.objects.create(
        beneficiary=person, created_on=timezone.localdate(), created_by=actor.user
    )
    _audit(actor, plan, person.pk)
    return plan


@transaction.atomic
def goal_add(
    *, actor: Actor, plan: ActionPlan, need: str, description: str, target_date: date | None = None
) -> PlanGoal:
    actor.require(Action.MANAGE_PLAN)
    if need not in NeedDomain.values:
        raise ValidationError({"need": [_("Unknown need domain.")]})
    if not description.strip():
        raise ValidationError({"description": [_("Describe the goal.")]})
    goal = PlanGoal.objects.create(
        plan=plan, need=need, description=description, target_date=target_date
    )
    _audit(actor, goal, plan.beneficiary_id)
    return goal


@transaction.atomic
def step_add(
    *,
    actor: Actor,
    goal: PlanGoal,
    description: str,
    owner: str,
    owner_staff: User | None = None,
    owner_service: str = "",
    due_on: date | None = None,
) -> PlanStep:
    actor.require(Action.MANAGE_PLAN)
    if owner == PlanStep.Owner.STAFF:
        if (
            owner_staff is None
            or not Membership.objects.filter(
                tenant=actor.membership.tenant, user=owner_staff, is_active=True
            ).exists()
        ):
            raise ValidationError({"owner_staff": [_("Choose a staff member of this centre.")]})
    elif owner == PlanStep.Owner.OUTSIDE_SERVICE and not owner_service.strip():
        raise ValidationError({"owner_service": [_("Name the outside service.")]})
    step = PlanStep(
        goal=goal,
        description=description,
        owner=owner,
        owner_staff=owner_staff if owner == PlanStep.Owner.STAFF else None,
        owner_service=owner_service,
        due_on=due_on,
    )
    step.full_clean()
    step.save()
    _audit(actor, step, goal.plan.beneficiary_id)
    return step


@transaction.atomic
def step_set_status(*, actor: Actor, step: PlanStep, status: str) -> PlanStep:
    actor.require(Action.MANAGE_PLAN)
    if status not in PlanStep.Status.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    step.status = status
    step.completed_on = timezone.localdate() if status == PlanStep.Status.DONE else None
    step.save(update_fields=["status", "completed_on"])
    _audit(actor, step, step.goal.plan.beneficiary_id, AuditEvent.Action.UPDATE)
    return step


@transaction.atomic
def plan_review(*, actor: Actor, plan: ActionPlan, notes: str) -> PlanReview:
    actor.require(Action.MANAGE_PLAN)
    if not notes.strip():
        raise ValidationError({"notes": [_("Write what the review found.")]})
    review = PlanReview.objects.create(
        plan=plan, reviewed_on=timezone.localdate(), reviewed_by=actor.user, notes=notes
    )
    _audit(actor, review, plan.beneficiary_id)
    return review


def plan_progress(plan: ActionPlan) -> int:
    """Percentage of the plan's (not cancelled) steps that are done."""
    steps = [
        s
        for goal in plan.goals.all()
        for s in goal.steps.all()
        if s.status != PlanStep.Status.CANCELLED
    ]
    if not steps:
        return 0
    return round(100 * sum(s.status == PlanStep.Status.DONE for s in steps) / len(steps))
