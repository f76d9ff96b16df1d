"""Confidential notes, documents and the audit trail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.models.choices import DocumentType, NoteKind


class Note(models.Model):
    """General notes are for the centre's caseworkers; psychological notes only for
    psychologists and legal notes only for lawyers (or break-glass, audited)."""

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="notes"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NoteKind.choices)
    text = models.TextField(_("note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%d/%m/%Y}"


class BreakGlassAccess(models.Model):
    """Someone outside a profession opened its notes, with a reason the coordinator sees."""

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="break_glass_accesses"
    )
    note_kind = models.CharField(max_length=16, choices=NoteKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    at = models.DateTimeField(auto_now_add=True)
    # Access lasts for the working session only.
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} → {self.get_note_kind_display()} ({self.at:%d/%m/%Y %H:%M})"


def document_path(instance: "Document", filename: str) -> str:
    # The storage root is per tenant and outside MEDIA_ROOT; the name carries no personal data.
    return f"beneficiary-{instance.beneficiary_id}/{instance.stored_name}"


def _document_storage():
    from casework.storage import document_storage

    return document_storage


class Document(models.Model):
    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="documents"
    )
    doc_type = models.CharField(_("document type"), max_length=32, choices=DocumentType.choices)
    file = models.FileField(upload_to=document_path, max_length=300, storage=_document_storage)
    stored_name = models.CharField(max_length=80, editable=False)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    expiry_reminded_on = models.DateField(null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class AuditEvent(models.Model):
    """Append-only (a trigger refuses UPDATE and DELETE): who did what to whose record."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        SEARCH = "search", _("Searched")
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        EXPORT = "export", _("Exported")
        DOWNLOAD = "download", _("Downloaded")
        MERGE = "merge", _("Merged")
        BREAK_GLASS = "break_glass", _("Break-glass access")
        ANONYMISE = "anonymise", _("Anonymised")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40, blank=True)
    beneficiary_id = models.BigIntegerField(null=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    path = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "at"], name="audit_user_time")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"
