"""Needs assessments, social histories and social research: versioned, never overwritten."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.consent import require_processing_allowed
from casework.models import (
    AuditEvent,
    Beneficiary,
    NeedsAssessment,
    NeedScore,
    SocialHistory,
    SocialResearch,
)
from casework.models.choices import ConsentPurpose, NeedDomain
from casework.permissions import Action


def _next_version(model, person: Beneficiary) -> int:
    # Lock the person's row so two simultaneous saves cannot take the same version.
    Beneficiary.objects.select_for_update().filter(pk=person.pk).first()
    return (model.objects.filter(beneficiary=person).aggregate(v=Max("version"))["v"] or 0) + 1


@transaction.atomic
def assessment_record(
    *,
    actor: Actor,
    person: Beneficiary,
    scores: dict[str, tuple[int, str]],
    summary: str = "",
    assessed_on: date | None = None,
) -> NeedsAssessment:
    """A new version of the needs assessment: {domain: (severity 0–4, notes)}."""
    actor.require(Action.ASSESS_NEEDS)
    require_processing_allowed(person, ConsentPurpose.CASEWORK)
    errors = {}
    for domain, (severity, _notes) in scores.items():
        if domain not in NeedDomain.values:
            errors[domain] = [_("Unknown need domain.")]
        elif not isinstance(severity, int) or not 0 <= severity <= 4:
            errors[domain] = [_("Severity must be a whole number from 0 to 4.")]
    if not scores:
        errors["scores"] = [_("Score at least one domain.")]
    if errors:
        raise ValidationError(errors)
    assessment = NeedsAssessment.objects.create(
        beneficiary=person,
        version=_next_version(NeedsAssessment, person),
        assessed_on=assessed_on or timezone.localdate(),
        assessed_by=actor.user,
        summary=summary,
    )
    NeedScore.objects.bulk_create(
        NeedScore(assessment=assessment, domain=domain, severity=severity, notes=notes)
        for domain, (severity, notes) in scores.items()
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=assessment,
        beneficiary_id=person.pk,
    )
    return assessment


@transaction.atomic
def social_history_write(
    *, actor: Actor, person: Beneficiary, text: str, review_due: date | None = None
) -> SocialHistory:
    actor.require(Action.WRITE_SOCIAL_HISTORY)
    require_processing_allowed(person, ConsentPurpose.CASEWORK)
    if not text.strip():
        raise ValidationError({"text": [_("The social history cannot be empty.")]})
    history = SocialHistory.objects.create(
        beneficiary=person,
        version=_next_version(SocialHistory, person),
        text=text,
        review_due=review_due,
        written_by=actor.user,
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=history,
        beneficiary_id=person.pk,
    )
    return history


@transaction.atomic
def social_research_request(
    *,
    actor: Actor,
    person: Beneficiary,
    requested_by: str,
    purpose: str,
    requested_on: date | None = None,
) -> SocialResearch:
    actor.require(Action.MANAGE_SOCIAL_RESEARCH)
    research = SocialResearch(
        beneficiary=person,
        requested_by=requested_by,
        purpose=purpose,
        requested_on=requested_on or timezone.localdate(),
        assigned_to=actor.user,
    )
    research.full_clean()
    research.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=research,
        beneficiary_id=person.pk,
    )
    return research


@transaction.atomic
def social_research_complete(
    *, actor: Actor, research: SocialResearch, report: str
) -> SocialResearch:
    actor.require(Action.MANAGE_SOCIAL_RESEARCH)
    if research.status in {SocialResearch.Status.COMPLETED, SocialResearch.Status.CANCELLED}:
        raise ValidationError(_("This social research is already finished."))
    if not report.strip():
        raise ValidationError({"report": [_("Write the report before completing.")]})
    research.report = report
    research.status = SocialResearch.Status.COMPLETED
    research.completed_on = timezone.localdate()
    research.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=research,
        beneficiary_id=research.beneficiary_id,
    )
    return research
