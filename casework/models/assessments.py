"""Needs assessment, social history (κοινωνικό ιστορικό), social research (κοινωνική έρευνα)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.models.choices import NeedDomain


class NeedsAssessment(models.Model):
    """One version of a person's needs assessment; a new assessment is a new version."""

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="assessments"
    )
    version = models.PositiveIntegerField()
    assessed_on = models.DateField(_("date"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("needs assessment")
        verbose_name_plural = _("needs assessments")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["beneficiary", "version"], name="one_assessment_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.beneficiary} v{self.version}"


class NeedScore(models.Model):
    SEVERITY_LABELS = {
        0: _("No need"),
        1: _("Low"),
        2: _("Moderate"),
        3: _("High"),
        4: _("Critical"),
    }

    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="scores")
    domain = models.CharField(_("domain"), max_length=20, choices=NeedDomain.choices)
    severity = models.PositiveSmallIntegerField(
        _("severity (0–4)"), validators=[MaxValueValidator(4)]
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="one_score_per_domain"),
            models.CheckConstraint(name="severity_0_to_4", condition=models.Q(severity__lte=4)),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.severity}"


class SocialHistory(models.Model):
    """One version of the social history narrative, with the date it is due for review."""

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="social_histories"
    )
    version = models.PositiveIntegerField()
    text = models.TextField(_("social history"))
    review_due = models.DateField(_("review due"), null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("social history")
        verbose_name_plural = _("social histories")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["beneficiary", "version"], name="one_social_history_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.beneficiary} v{self.version}"


class SocialResearch(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="social_research"
    )
    requested_by = models.CharField(_("requested by (authority)"), max_length=200)
    requested_on = models.DateField(_("requested on"))
    purpose = models.TextField(_("purpose"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report = models.TextField(_("report"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("social research")
        verbose_name_plural = _("social research")
        ordering = ["-requested_on"]

    def __str__(self) -> str:
        return f"{self.beneficiary} – {self.get_status_display()}"
