"""Referrals from a person's file to a service of the national directory.

The directory lives in the public schema; a referral keeps the service's UUID and a
snapshot of its name and organisation as they were when it was written, so the letter and
the history still read true after the directory changes (directory rows are soft-deleted,
never reused). A referral is "live" when the service is provided by a Kentro centre, whose
staff answer it from their inbox, and "logged" otherwise: the caseworker records the outside
service's answer.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReferralStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    REVOKED = "revoked", _("Revoked")


class ReferralOutcome(models.TextChoices):
    GOT_HELP = "got_help", _("Got help")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    NO_CAPACITY = "no_capacity", _("No capacity")
    COULD_NOT_CONTACT = "could_not_contact", _("Could not contact")
    NO_LONGER_INTERESTED = "no_longer_interested", _("No longer interested")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Referred elsewhere")


class ReferralUrgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    SOON = "soon", _("Within a week")
    URGENT = "urgent", _("Urgent")


class ReferralKind(models.TextChoices):
    LIVE = "live", _("Live (a Kentro centre answers)")
    LOGGED = "logged", _("Logged (outside service)")


class Referral(models.Model):
    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="referrals"
    )
    case = models.ForeignKey(
        "casework.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("case"),
    )
    service_id = models.UUIDField(_("directory service"), db_index=True)
    service_name = models.CharField(_("service"), max_length=300)
    organization_name = models.CharField(_("organisation"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=ReferralKind.choices)
    # The centre that answers a live referral (public table: tenants are never deleted).
    receiving_tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The public-schema envelope of a live referral (exchange.ReferralEnvelope).
    envelope_id = models.UUIDField(null=True, blank=True, editable=False)

    reason = models.TextField(_("reason for the referral"))
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=ReferralUrgency.choices, default=ReferralUrgency.ROUTINE
    )
    documents = models.ManyToManyField(
        "casework.Document", blank=True, related_name="referrals", verbose_name=_("documents")
    )
    follow_up_on = models.DateField(_("follow up on"))

    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.DRAFT
    )
    # Set when sent: whether a recorded consent covered referrals, else why it was sent anyway.
    consent_recorded = models.BooleanField(_("consent recorded"), null=True, editable=False)
    consent_override_reason = models.TextField(_("reason for sending without consent"), blank=True)
    rejection_reason = models.TextField(_("reason for rejecting"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=24, choices=ReferralOutcome.choices, blank=True
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("referred by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Last day a follow-up reminder went out; a referral is reminded once per follow-up date.
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "follow_up_on"], name="referral_follow_up")]
        constraints = [
            models.CheckConstraint(
                name="completed_referral_has_outcome",
                condition=~Q(status="completed") | ~Q(outcome=""),
            ),
            models.CheckConstraint(
                name="live_referral_has_receiver",
                condition=~Q(kind="live") | Q(receiving_tenant__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_name} ({self.get_status_display()})"

    @property
    def is_live(self) -> bool:
        return self.kind == ReferralKind.LIVE

    @property
    def is_open(self) -> bool:
        return self.status in {
            ReferralStatus.DRAFT,
            ReferralStatus.SENT,
            ReferralStatus.ACCEPTED,
            ReferralStatus.IN_PROGRESS,
        }


class ReferralEvent(models.Model):
    """One step of a referral's history: who moved it from which status to which, and why."""

    class Side(models.TextChoices):
        SENDER = "sender", _("Referring centre")
        RECEIVER = "receiver", _("Receiving service")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    side = models.CharField(max_length=8, choices=Side.choices)
    # The centre the actor worked in (for live answers: the receiving centre's name).
    by_centre = models.CharField(max_length=200, blank=True)
    from_status = models.CharField(max_length=12, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ReferralStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"
