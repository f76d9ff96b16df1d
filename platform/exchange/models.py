"""What crosses between centres, in the public schema: routing and status, never a person.

A live referral's envelope says which centre sent which referral (by its id in the sending
schema) to which centre's service, and where it stands. The receiving centre's inbox reads
the allowed fields from the sender's schema when a member looks at it; nothing about the
person is ever copied here. No names, no identifiers, no free text.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralEnvelope(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sending_tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    receiving_tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.PROTECT, related_name="referrals_received"
    )
    # casework.Referral.pk in the sending centre's schema.
    sender_referral_id = models.BigIntegerField()
    service_id = models.UUIDField()
    # Mirrors casework.models.referrals.ReferralStatus (kept as plain values: this app
    # must not import tenant models).
    status = models.CharField(_("status"), max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sending_tenant", "sender_referral_id"], name="one_envelope_per_referral"
            ),
        ]
        indexes = [models.Index(fields=["receiving_tenant", "status"], name="envelope_inbox")]

    def __str__(self) -> str:
        return f"{self.sending_tenant_id} → {self.receiving_tenant_id}: {self.status}"
