"""Everything about a person in date order, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from casework.access import Actor
from casework.models import (
    ActionPlan,
    Beneficiary,
    Case,
    Contact,
    Document,
    NeedsAssessment,
    Note,
    PlanStep,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.notes import readable_note_kinds
from casework.permissions import Action


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    # case, contact, assessment, social_history, social_research, plan, step, service,
    # document or note
    kind: str
    obj: Any


def _at(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def timeline_for(actor: Actor, person: Beneficiary) -> list[TimelineEvent]:
    """The person's history, newest first. One query per kind of record, whatever its length."""
    actor.require(Action.VIEW_CASE)
    events: list[TimelineEvent] = []
    for case in Case.objects.filter(beneficiary=person).select_related("unit"):
        events.append(TimelineEvent(_at(case.opened_on), "case", case))
    contacts = (
        Contact.objects.filter(beneficiary=person)
        .select_related("staff", "mediator", "unit")
        .prefetch_related("requests")
    )
    events += [TimelineEvent(c.occurred_at, "contact", c) for c in contacts]
    assessments = (
        NeedsAssessment.objects.filter(beneficiary=person)
        .select_related("assessed_by")
        .prefetch_related("scores")
    )
    events += [TimelineEvent(_at(a.assessed_on), "assessment", a) for a in assessments]
    histories = SocialHistory.objects.filter(beneficiary=person).select_related("written_by")
    events += [TimelineEvent(h.written_at, "social_history", h) for h in histories]
    research = SocialResearch.objects.filter(beneficiary=person).select_related("assigned_to")
    events += [TimelineEvent(_at(r.requested_on), "social_research", r) for r in research]
    plans = (
        ActionPlan.objects.filter(beneficiary=person)
        .select_related("created_by")
        .prefetch_related(
            "goals",
            Prefetch("goals__steps", queryset=PlanStep.objects.select_related("owner_staff")),
        )
    )
    for plan in plans:
        events.append(TimelineEvent(_at(plan.created_on), "plan", plan))
        for goal in plan.goals.all():
            events += [TimelineEvent(step.created_at, "step", step) for step in goal.steps.all()]
    services = ServiceDelivery.objects.filter(beneficiary=person).select_related(
        "staff", "plan_step"
    )
    events += [TimelineEvent(_at(s.delivered_on), "service", s) for s in services]
    documents = Document.objects.filter(beneficiary=person).select_related("uploaded_by")
    events += [TimelineEvent(d.uploaded_at, "document", d) for d in documents]
    kinds = readable_note_kinds(actor, person)
    if kinds:
        notes = Note.objects.filter(beneficiary=person, kind__in=kinds).select_related("author")
        events += [TimelineEvent(n.created_at, "note", n) for n in notes]
    events.sort(key=lambda event: event.at, reverse=True)
    return events
