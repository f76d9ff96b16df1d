"""A transfer of a person's case from one centre to another (public schema).

The row carries routing, status and the consent scope: the *names* of the sections the
person agreed to share, never their values. The person is named only by their id in the
sending centre's schema, which means nothing outside it. The receiving centre reads the
consented sections from the sending schema when it looks (see transfers.services); the
data is written into the receiving schema only on acceptance.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    """What the person may agree to share with the receiving centre."""

    IDENTITY = "identity", _("Identity (names, date of birth, identifiers)")
    CONTACT = "contact", _("Contact details")
    SPECIAL_CATEGORY = "special_category", _("Residence status and special-category data")
    ESF_ENTRY = "esf_entry", _("ESF+ entry data and target groups")
    ASSESSMENTS = "assessments", _("Latest needs assessment")
    PLANS = "plans", _("Goals of the active action plan")
    DOCUMENTS = "documents", _("Documents")


class Transfer(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")

    class RejectionReason(models.TextChoices):
        # Coded on purpose: a free-text reason could carry personal data into this schema.
        NOT_RESIDENT = "not_resident", _("The person does not live in our area")
        ALREADY_SUPPORTED = "already_supported", _("The person is already supported by us")
        NO_CAPACITY = "no_capacity", _("We cannot take on the case now")
        INSUFFICIENT_DATA = "insufficient_data", _("The shared data are not enough")
        PERSON_DECLINED = "person_declined", _("The person no longer wishes the transfer")
        OTHER = "other", _("Other (we will contact you)")

    sending_tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        related_name="outgoing_transfers",
        verbose_name=_("sending centre"),
    )
    receiving_tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
        verbose_name=_("receiving centre"),
    )
    # Ids inside each centre's own schema: meaningless without access to that schema.
    sending_person_id = models.BigIntegerField()
    receiving_person_id = models.BigIntegerField(null=True, blank=True)
    scope = ArrayField(
        models.CharField(max_length=20, choices=Section.choices),
        verbose_name=_("consented sections"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="transfer_between_two_centres",
                condition=~Q(sending_tenant=F("receiving_tenant")),
            ),
            models.UniqueConstraint(
                fields=["sending_tenant", "sending_person_id"],
                condition=Q(status="requested"),
                name="one_pending_transfer_per_person",
            ),
            models.CheckConstraint(
                name="transfer_identity_always_shared",
                condition=Q(scope__contains=["identity"]),
            ),
        ]
        indexes = [
            models.Index(fields=["receiving_tenant", "status"], name="transfer_incoming"),
            models.Index(fields=["sending_tenant", "status"], name="transfer_outgoing"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.sending_tenant} → {self.receiving_tenant} ({self.status})"

    @property
    def scope_labels(self) -> list[str]:
        labels = dict(Section.choices)
        return [str(labels.get(name, name)) for name in self.scope]
