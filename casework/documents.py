"""Documents (δικαιολογητικά): sniffed, size-limited, stored per centre, served by a view."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor
from casework.models import AuditEvent, Beneficiary, Document
from casework.models.choices import DocumentType
from casework.permissions import Action

# What the content really is (sniffed from its bytes) → the type we serve it as.
# HTML, SVG, scripts and anything unrecognised are refused, whatever the upload claims.
ALLOWED_KINDS = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "heic": "image/heic",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}


def sniff(upload: UploadedFile) -> tuple[str, str]:
    """(extension, content type) judged from the bytes, never from the declared type."""
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        # Old Office formats (OLE compound files) carry this signature.
        if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            extension = Path(upload.name).suffix.lower().lstrip(".")
            if extension in {"doc", "xls"}:
                return extension, ALLOWED_KINDS[extension]
        raise ValidationError(
            {
                "file": [
                    _("This file type is not accepted: upload a PDF, an image or an office file.")
                ]
            }
        )
    if kind.extension not in ALLOWED_KINDS:
        raise ValidationError(
            {"file": [_("This file type (%(type)s) is not accepted.") % {"type": kind.extension}]}
        )
    return kind.extension, ALLOWED_KINDS[kind.extension]


@transaction.atomic
def document_upload(
    *,
    actor: Actor,
    person: Beneficiary,
    upload: UploadedFile,
    doc_type: str,
    expires_on: date | None = None,
) -> Document:
    actor.require(Action.UPLOAD_DOCUMENT)
    limit = settings.KENTRO_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            {
                "file": [
                    _("The file is larger than %(mb)d MB.") % {"mb": settings.KENTRO_MAX_UPLOAD_MB}
                ]
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("The file is empty.")]})
    if doc_type not in DocumentType.values:
        raise ValidationError({"doc_type": [_("Choose the type of document.")]})
    extension, content_type = sniff(upload)
    document = Document(
        beneficiary=person,
        doc_type=doc_type,
        original_name=Path(upload.name).name[:200],
        content_type=content_type,
        size=upload.size,
        expires_on=expires_on,
        uploaded_by=actor.user,
        stored_name=f"{secrets.token_hex(16)}.{extension}",
    )
    document.file.save(document.stored_name, upload, save=False)
    # If the row cannot be saved, the file must not stay behind.
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=document,
        beneficiary_id=person.pk,
    )
    return document


def document_for_download(actor: Actor, document_id: int) -> Document:
    """The document, if the actor may reach its person; the download is audited."""
    from django.http import Http404

    from casework.access import people_in_reach

    actor.require(Action.DOWNLOAD_DOCUMENT)
    document = Document.objects.filter(
        pk=document_id, beneficiary__in=people_in_reach(actor, include_merged=True)
    ).first()
    if document is None:
        raise Http404
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.DOWNLOAD,
        obj=document,
        beneficiary_id=document.beneficiary_id,
    )
    return document
