"""Confidential notes: each profession reads its own; anyone else only by break-glass."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.consent import require_processing_allowed
from casework.models import AuditEvent, Beneficiary, BreakGlassAccess, Note
from casework.models.choices import ConsentPurpose, NoteKind
from casework.permissions import Action

READ = {
    NoteKind.GENERAL: Action.READ_GENERAL_NOTES,
    NoteKind.PSYCHOLOGICAL: Action.READ_PSYCHOLOGICAL_NOTES,
    NoteKind.LEGAL: Action.READ_LEGAL_NOTES,
}
WRITE = {
    NoteKind.GENERAL: Action.WRITE_GENERAL_NOTE,
    NoteKind.PSYCHOLOGICAL: Action.WRITE_PSYCHOLOGICAL_NOTE,
    NoteKind.LEGAL: Action.WRITE_LEGAL_NOTE,
}
MIN_REASON_LENGTH = 15


def readable_note_kinds(actor: Actor, person: Beneficiary) -> set[str]:
    kinds = {kind for kind, action in READ.items() if actor.may(action)}
    opened = BreakGlassAccess.objects.filter(
        beneficiary=person, user=actor.user, expires_at__gt=timezone.now()
    ).values_list("note_kind", flat=True)
    return kinds | set(opened)


def notes_for(actor: Actor, person: Beneficiary) -> QuerySet[Note]:
    """The notes this actor may read about this person (reading them is audited)."""
    kinds = readable_note_kinds(actor, person)
    notes = Note.objects.filter(beneficiary=person, kind__in=kinds).select_related("author")
    if kinds:
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.VIEW,
            object_type="note",
            beneficiary_id=person.pk,
            detail={"kinds": sorted(kinds)},
        )
    return notes


@transaction.atomic
def note_write(*, actor: Actor, person: Beneficiary, kind: str, text: str) -> Note:
    if kind not in WRITE:
        raise ValidationError({"kind": [_("Unknown kind of note.")]})
    actor.require(WRITE[kind])
    require_processing_allowed(person, ConsentPurpose.CASEWORK)
    if not text.strip():
        raise ValidationError({"text": [_("The note is empty.")]})
    note = Note.objects.create(beneficiary=person, kind=kind, text=text, author=actor.user)
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=note,
        beneficiary_id=person.pk,
        detail={"kind": kind},
    )
    return note


@transaction.atomic
def break_glass(*, actor: Actor, person: Beneficiary, kind: str, reason: str) -> BreakGlassAccess:
    """Open another profession's notes for a limited time, with a typed reason (audited and
    listed for the coordinator)."""
    actor.require(Action.BREAK_GLASS)
    if kind not in (NoteKind.PSYCHOLOGICAL, NoteKind.LEGAL):
        raise ValidationError({"kind": [_("Break-glass applies to psychological or legal notes.")]})
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            {
                "reason": [
                    _("Give the reason in at least %(n)d characters.") % {"n": MIN_REASON_LENGTH}
                ]
            }
        )
    access = BreakGlassAccess.objects.create(
        beneficiary=person,
        note_kind=kind,
        user=actor.user,
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(minutes=settings.KENTRO_BREAK_GLASS_MINUTES),
    )
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.BREAK_GLASS,
        obj=access,
        beneficiary_id=person.pk,
        detail={"kind": kind},
    )
    return access


def break_glass_log(actor: Actor) -> QuerySet[BreakGlassAccess]:
    """For the coordinator: every break-glass access in the centre."""
    actor.require(Action.VIEW_AUDIT)
    return BreakGlassAccess.objects.select_related("user", "beneficiary")
