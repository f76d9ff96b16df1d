"""Casework's periodic tasks, run inside one centre's schema."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.casework.conftest import actor_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_document_expiry_reminders_reach_the_uploader_once_and_name_nobody(
    staff, world, register, settings
):
    from casework.documents import document_upload
    from casework.tasks import document_expiry_reminders

    settings.KENTRO_DOCUMENT_EXPIRY_NOTICE_DAYS = 30
    sofia = actor_of(staff.social_worker, world.kalamata)
    person = register()
    today = timezone.localdate()
    for days, name in ((10, "adet.pdf"), (100, "later.pdf")):
        document_upload(
            actor=sofia,
            person=person,
            upload=SimpleUploadedFile(name, PDF, "application/pdf"),
            doc_type="residence_permit",
            expires_on=today + timedelta(days=days),
        )

    assert document_expiry_reminders() == {"schema": "kalamata", "reminders": 1}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff.social_worker.email]
    assert person.last_name not in message.body and person.last_name not in message.subject
    assert document_expiry_reminders()["reminders"] == 0  # once


def test_the_retention_task_reports_its_schema(world, staff):
    from casework.tasks import retention

    actor_of(staff.social_worker, world.kalamata)  # on Kalamata's schema
    assert retention() == {"schema": "kalamata", "anonymised": 0}
