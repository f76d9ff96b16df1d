"""Data-subject rights: export of everything held about a person, and retention."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from casework import audit
from casework.access import Actor
from casework.models import (
    ActionPlan,
    AuditEvent,
    Beneficiary,
    Case,
    ConsentRecord,
    Contact,
    Document,
    HouseholdMember,
    NeedsAssessment,
    Note,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.models.choices import CaseStatus
from casework.permissions import Action


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, models.Model):  # many-to-many rows (a case's caseworkers): their ids
        return value.pk
    if hasattr(value, "code") and not isinstance(value, str):  # django-countries Country
        return value.code
    return value


def _rows(queryset, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [
        {k: _plain(v) for k, v in model_to_dict(obj, exclude=list(exclude)).items()}
        for obj in queryset
    ]


def person_export(actor: Actor, person: Beneficiary) -> dict[str, Any]:
    """Everything held about the person (GDPR art. 15), as plain JSON-ready data.

    Confidential notes are included: the person has the right to their own data.
    """
    actor.require(Action.EXPORT_PERSON)
    data = {
        "person": {k: _plain(v) for k, v in model_to_dict(person, exclude=["search_text"]).items()},
        "consents": _rows(ConsentRecord.objects.filter(beneficiary=person)),
        "households": _rows(HouseholdMember.objects.filter(beneficiary=person)),
        "cases": _rows(Case.objects.filter(beneficiary=person)),
        "contacts": [
            {
                **{k: _plain(v) for k, v in model_to_dict(c).items()},
                "occurred_at": c.occurred_at.isoformat(),
                "requests": _rows(c.requests.all()),
            }
            for c in Contact.objects.filter(beneficiary=person).prefetch_related("requests")
        ],
        "assessments": [
            {**{k: _plain(v) for k, v in model_to_dict(a).items()}, "scores": _rows(a.scores.all())}
            for a in NeedsAssessment.objects.filter(beneficiary=person).prefetch_related("scores")
        ],
        "social_histories": _rows(SocialHistory.objects.filter(beneficiary=person)),
        "social_research": _rows(SocialResearch.objects.filter(beneficiary=person)),
        "action_plans": [
            {
                **{k: _plain(v) for k, v in model_to_dict(p).items()},
                "goals": [
                    {
                        **{k: _plain(v) for k, v in model_to_dict(g).items()},
                        "steps": _rows(g.steps.all()),
                    }
                    for g in p.goals.all()
                ],
                "reviews": _rows(p.reviews.all()),
            }
            for p in ActionPlan.objects.filter(beneficiary=person).prefetch_related(
                "goals__steps", "reviews"
            )
        ],
        "services": _rows(ServiceDelivery.objects.filter(beneficiary=person)),
        "notes": [
            {"kind": n.kind, "text": n.text, "created_at": n.created_at.isoformat()}
            for n in Note.objects.filter(beneficiary=person)
        ],
        "documents": [
            {
                "type": d.doc_type,
                "name": d.original_name,
                "uploaded_at": d.uploaded_at.isoformat(),
                "expires_on": _plain(d.expires_on),
            }
            for d in Document.objects.filter(beneficiary=person)
        ],
    }
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.EXPORT,
        obj=person,
        beneficiary_id=person.pk,
    )
    return data


ANONYMOUS = "—"


@transaction.atomic
def person_anonymise(person: Beneficiary) -> None:
    """Remove everything that identifies the person; keep what statistics need
    (sex, birth year, municipality, ESF+ data, dates and kinds of contacts and services)."""
    for name in ("first_name", "last_name"):
        setattr(person, name, ANONYMOUS)
    for name in (
        "father_name",
        "mother_name",
        "first_name_latin",
        "last_name_latin",
        "paaypa",
        "personal_number",
        "id_document_number",
        "permit_number",
        "phone",
        "email",
        "address",
        "postal_code",
        "search_text",
    ):
        setattr(person, name, "")
    person.amka = person.afm = None
    person.permit_expiry = None
    if person.birth_date:
        person.birth_date = date(person.birth_date.year, 1, 1)
    person.anonymised_at = timezone.now()
    person.save()
    Note.objects.filter(beneficiary=person).update(text=ANONYMOUS)
    SocialHistory.objects.filter(beneficiary=person).update(text=ANONYMOUS)
    SocialResearch.objects.filter(beneficiary=person).update(report=ANONYMOUS, purpose=ANONYMOUS)
    NeedsAssessment.objects.filter(beneficiary=person).update(summary="")
    Contact.objects.filter(beneficiary=person).update(summary="")
    ServiceDelivery.objects.filter(beneficiary=person).update(notes="")
    HouseholdMember.objects.filter(beneficiary=person).update(name="")
    for document in Document.objects.filter(beneficiary=person):
        document.file.delete(save=False)
    Document.objects.filter(beneficiary=person).update(original_name=ANONYMOUS)
    audit.record(
        request=None,
        user=None,
        action=AuditEvent.Action.ANONYMISE,
        obj=person,
        beneficiary_id=person.pk,
        detail={"rule": "retention"},
    )


def people_due_for_anonymisation(today: date | None = None):
    """People whose every case closed more than the retention period ago."""
    cutoff = (today or timezone.localdate()) - timedelta(days=settings.KENTRO_RETENTION_DAYS)
    return (
        Beneficiary.objects.filter(
            anonymised_at__isnull=True, cases__status=CaseStatus.CLOSED, cases__closed_on__lt=cutoff
        )
        .exclude(cases__status__in=[CaseStatus.OPEN, CaseStatus.ACTIVE])
        .exclude(cases__closed_on__gte=cutoff)
        .distinct()
    )


def apply_retention(today: date | None = None) -> int:
    count = 0
    for person in people_due_for_anonymisation(today):
        person_anonymise(person)
        count += 1
    return count
