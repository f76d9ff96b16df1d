"""Template helpers of the registry pages: the person's summary shown in every header."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template

from casework.models import ActionPlan, Beneficiary, Case
from casework.models.choices import CaseStatus
from casework.permissions import Action
from casework.plans import plan_progress

register = template.Library()


@dataclass
class PersonSummary:
    """What the header card of a person shows; case data only for roles that see cases."""

    shows_case: bool
    case: Case | None = None
    caseworkers: list = field(default_factory=list)
    plan: ActionPlan | None = None
    plan_progress: int | None = None


@register.simple_tag(takes_context=True)
def person_summary(context: template.Context, person: Beneficiary) -> PersonSummary:
    """The current case (or the latest closed one), its caseworkers and the active plan.

    The person was reached through `beneficiary_for` by the page itself; this only reads
    related rows of that person, and only those the acting member's role may see.
    """
    request = context.get("request")
    actor = getattr(request, "actor", None)
    if actor is None or not actor.may(Action.VIEW_CASE):
        return PersonSummary(shows_case=False)
    cases = list(person.cases.select_related("unit").prefetch_related("caseworkers"))
    current = next((c for c in cases if c.status != CaseStatus.CLOSED), None)
    case = current or (cases[0] if cases else None)
    plan = (
        person.plans.filter(status=ActionPlan.Status.ACTIVE)
        .prefetch_related("goals__steps")
        .order_by("-created_on", "-id")
        .first()
    )
    return PersonSummary(
        shows_case=True,
        case=case,
        caseworkers=list(case.caseworkers.all()) if case else [],
        plan=plan,
        plan_progress=plan_progress(plan) if plan else None,
    )
