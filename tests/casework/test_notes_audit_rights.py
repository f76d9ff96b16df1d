"""Confidential notes and break-glass; the audit trail; consent, export and retention."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casework.models import AuditEvent, Beneficiary, BreakGlassAccess, Document, Note
from tests.casework.conftest import actor_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def people(staff, world):
    class Cast:
        coordinator = actor_of(staff.coordinator, world.kalamata)
        social_worker = actor_of(staff.social_worker, world.kalamata)
        psychologist = actor_of(staff.psychologist, world.kalamata)
        lawyer = actor_of(staff.lawyer, world.kalamata)

    return Cast


@pytest.fixture
def person(register):
    return register()


# --- Confidential notes --------------------------------------------------------------------


def _write_one_of_each(people, person):
    from casework.notes import note_write

    note_write(actor=people.social_worker, person=person, kind="general", text="Γενική")
    note_write(actor=people.psychologist, person=person, kind="psychological", text="Ψυχ.")
    note_write(actor=people.lawyer, person=person, kind="legal", text="Νομική")


@pytest.mark.parametrize(
    ("who", "kinds"),
    [
        ("social_worker", {"general"}),
        ("coordinator", {"general"}),
        ("psychologist", {"general", "psychological"}),
        ("lawyer", {"general", "legal"}),
    ],
)
def test_each_profession_reads_its_own_notes(people, person, who, kinds):
    from casework.notes import notes_for

    _write_one_of_each(people, person)
    actor = getattr(people, who)
    assert {note.kind for note in notes_for(actor, person)} == kinds


def test_confidential_notes_stay_off_the_timeline_of_others(people, person):
    from casework.timeline import timeline_for

    _write_one_of_each(people, person)
    kinds = {e.obj.kind for e in timeline_for(people.social_worker, person) if e.kind == "note"}
    assert kinds == {"general"}


def test_break_glass_needs_a_typed_reason_and_changes_nothing_without_one(people, person, english):
    from casework.notes import break_glass, notes_for

    _write_one_of_each(people, person)
    with pytest.raises(ValidationError, match="at least"):
        break_glass(actor=people.social_worker, person=person, kind="psychological", reason=" ")
    assert not BreakGlassAccess.objects.exists()
    assert "psychological" not in {n.kind for n in notes_for(people.social_worker, person)}


def test_break_glass_opens_the_notes_for_a_while_audited_and_shown_to_the_coordinator(
    people, person, settings
):
    from casework.notes import break_glass, break_glass_log, notes_for

    _write_one_of_each(people, person)
    reason = "Δηλώνει πρόθεση αυτοτραυματισμού, χρειάζομαι το ιστορικό"
    access = break_glass(
        actor=people.social_worker, person=person, kind="psychological", reason=reason
    )
    assert "psychological" in {n.kind for n in notes_for(people.social_worker, person)}
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.BREAK_GLASS, user=people.social_worker.user
    ).exists()
    assert [(a.user, a.reason) for a in break_glass_log(people.coordinator)] == [
        (people.social_worker.user, reason)
    ]
    # After the window the notes close again.
    BreakGlassAccess.objects.filter(pk=access.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert "psychological" not in {n.kind for n in notes_for(people.social_worker, person)}


def test_only_the_coordinator_sees_the_break_glass_log(people):
    from casework.notes import break_glass_log

    with pytest.raises(PermissionDenied):
        break_glass_log(people.social_worker)


# --- Audit trail ---------------------------------------------------------------------------


def test_every_read_of_a_person_is_audited_with_who_and_what(people, person):
    from casework.access import beneficiary_for
    from casework.notes import notes_for
    from casework.permissions import Action
    from casework.rights import person_export

    before = AuditEvent.objects.count()
    beneficiary_for(people.social_worker, person.pk, Action.VIEW_PERSON)
    list(notes_for(people.social_worker, person))
    person_export(people.coordinator, person)
    events = list(AuditEvent.objects.order_by("id")[before:])
    assert [(e.action, e.user, e.beneficiary_id) for e in events] == [
        (AuditEvent.Action.VIEW, people.social_worker.user, person.pk),
        (AuditEvent.Action.VIEW, people.social_worker.user, person.pk),
        (AuditEvent.Action.EXPORT, people.coordinator.user, person.pk),
    ]


def test_a_download_is_audited(people, person):
    from casework.documents import document_for_download, document_upload

    document = document_upload(
        actor=people.social_worker,
        person=person,
        upload=SimpleUploadedFile("ταυτότητα.pdf", PDF, "application/pdf"),
        doc_type="id_card",
    )
    document_for_download(people.coordinator, document.pk)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOAD, object_id=str(document.pk)
    ).exists()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE casework_auditevent SET action = 'view'",
        "DELETE FROM casework_auditevent",
        "TRUNCATE casework_auditevent",
    ],
)
def test_the_audit_trail_is_append_only_in_the_database_of_a_cloned_centre(
    people, person, statement
):
    """Kalamata's schema was cloned from the base schema: the trigger came with it."""
    assert connection.schema_name == "kalamata"
    assert AuditEvent.objects.exists()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)


def test_the_orm_cannot_rewrite_the_audit_trail_either(people, person):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()


# --- Bad input stores nothing --------------------------------------------------------------


HTML = b"<html><script>alert(1)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
GREEK_WORD = re.compile(r"[α-ωά-ώ]{4,}")


@pytest.mark.parametrize(
    ("upload", "english_says"),
    [
        (
            SimpleUploadedFile(
                "cv.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
            ),
            "not accepted",
        ),
        (
            SimpleUploadedFile(
                "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/png"
            ),
            "not accepted",
        ),
        (SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024), "application/pdf"), "1 MB"),
    ],
)
def test_a_wrong_or_oversized_file_is_refused_in_both_languages_and_nothing_is_kept(
    people, person, settings, upload, english_says
):
    from django.utils import translation

    from casework.documents import document_upload

    settings.KENTRO_MAX_UPLOAD_MB = 1
    messages = {}
    for language in ("el", "en"):
        upload.seek(0)
        with translation.override(language), pytest.raises(ValidationError) as caught:
            document_upload(
                actor=people.social_worker, person=person, upload=upload, doc_type="id_card"
            )
        messages[language] = " ".join(caught.value.message_dict["file"])
    assert english_says in messages["en"]
    assert GREEK_WORD.search(messages["el"]), messages["el"]
    assert not Document.objects.exists()
    folder = settings.KENTRO_DOCUMENTS_DIR
    assert not folder.exists() or not any(folder.rglob("*.*"))


# --- Consent, export, retention ------------------------------------------------------------


def test_withdrawing_casework_consent_stops_new_notes(people, person, english):
    from casework.consent import consent_record, consent_withdraw
    from casework.notes import note_write

    record = consent_record(
        actor=people.social_worker, person=person, purpose="casework", legal_basis="consent"
    )
    consent_withdraw(actor=people.social_worker, record=record)
    with pytest.raises(ValidationError, match="withdrawn consent"):
        note_write(actor=people.social_worker, person=person, kind="general", text="Νέα")
    assert not Note.objects.exists()


def test_withdrawing_special_category_consent_erases_those_fields(people, register):
    from casework.consent import consent_record, consent_withdraw

    person = register(disability=True, minority_roma=True)
    record = consent_record(
        actor=people.social_worker,
        person=person,
        purpose="special_category",
        legal_basis="consent",
    )
    consent_withdraw(actor=people.social_worker, record=record)
    person.refresh_from_db()
    assert (person.disability, person.minority_roma) == (False, False)


def test_a_legal_obligation_cannot_be_withdrawn(people, person):
    from casework.consent import consent_record, consent_withdraw

    record = consent_record(
        actor=people.social_worker,
        person=person,
        purpose="esf_reporting",
        legal_basis="legal_obligation",
    )
    with pytest.raises(ValidationError):
        consent_withdraw(actor=people.social_worker, record=record)


def test_the_export_holds_everything_including_confidential_notes(people, person):
    import json

    from casework.rights import person_export

    _write_one_of_each(people, person)
    data = person_export(people.coordinator, person)
    json.dumps(data)  # plain JSON
    assert data["person"]["last_name"] == "Παπαδόπουλος"
    assert {n["kind"] for n in data["notes"]} == {"general", "psychological", "legal"}


def test_retention_anonymises_people_whose_cases_closed_long_ago(people, register, settings):
    from casework.cases import case_open, case_update
    from casework.rights import apply_retention
    from tenants.models import Unit

    settings.KENTRO_RETENTION_DAYS = 365
    unit = Unit.objects.get(kind=Unit.Kind.MAIN, tenant__schema_name="kalamata")
    old = register(amka="17058012349")
    recent = register(first_name="Ελένη", birth_date=date(1990, 1, 1))
    for person, closed_on in ((old, date(2020, 3, 1)), (recent, timezone.localdate())):
        case = case_open(actor=people.social_worker, person=person, unit=unit)
        case_update(
            actor=people.social_worker,
            case=case,
            data={"status": "closed", "closure_reason": "goals_met", "closed_on": closed_on},
        )
    _write_one_of_each(people, old)

    assert apply_retention() == 1
    old.refresh_from_db()
    assert old.anonymised_at and old.amka is None and old.last_name == "—"
    assert old.birth_date == date(1980, 1, 1)  # the year stays for statistics
    assert set(Note.objects.filter(beneficiary=old).values_list("text", flat=True)) == {"—"}
    assert Beneficiary.objects.get(pk=recent.pk).anonymised_at is None
    assert apply_retention() == 0  # nothing twice


# --- Timeline ------------------------------------------------------------------------------


def _history(person, actor, events: int) -> None:
    """`events` records of every kind, written directly: this test counts queries, not rules."""
    from casework.models import Contact, Request, ServiceDelivery
    from tenants.models import Unit

    unit = Unit.objects.get(kind=Unit.Kind.MAIN, tenant__schema_name="kalamata")
    share = max(1, events // 3)
    contacts = Contact.objects.bulk_create(
        Contact(
            beneficiary=person,
            unit=unit,
            municipality=person.municipality,
            staff=actor.user,
            channel="walk_in",
            occurred_at=timezone.now() - timedelta(days=i),
        )
        for i in range(share)
    )
    Request.objects.bulk_create(Request(contact=c, category="information") for c in contacts)
    ServiceDelivery.objects.bulk_create(
        ServiceDelivery(
            beneficiary=person,
            kind="counselling",
            delivered_on=timezone.localdate() - timedelta(days=i),
            staff=actor.user,
        )
        for i in range(share)
    )
    Note.objects.bulk_create(
        Note(beneficiary=person, kind="general", text=f"{i}", author=actor.user)
        for i in range(events - 2 * share)
    )


def test_the_timeline_costs_the_same_queries_for_10_and_300_events(people, register):
    from casework.assessments import assessment_record
    from casework.plans import goal_add, plan_create, step_add
    from casework.timeline import timeline_for

    counts = {}
    for size in (10, 300):
        person = register(first_name=f"Άτομο{size}", birth_date=date(1970, 1, 1 + size % 28))
        _history(person, people.social_worker, size)
        assessment_record(actor=people.social_worker, person=person, scores={"income": (2, "")})
        plan = plan_create(actor=people.social_worker, person=person)
        goal = goal_add(actor=people.social_worker, plan=plan, need="income", description="Ε")
        step_add(actor=people.social_worker, goal=goal, description="Β", owner="person")
        with CaptureQueriesContext(connection) as queries:
            events = timeline_for(people.social_worker, person)
            for event in events:  # touch what a page shows
                str(event.obj)
        assert len(events) >= size
        counts[size] = len(queries)
    assert counts[10] == counts[300], counts
