"""Case files, reception (contacts and requests), services delivered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from casework.models.choices import (
    CaseStatus,
    ClosureReason,
    ContactChannel,
    RequestCategory,
    RequestOutcome,
    ServiceKind,
)


class Case(models.Model):
    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="cases"
    )
    unit = models.ForeignKey(
        "tenants.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    caseworkers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("caseworkers"), blank=True
    )
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closure_reason = models.CharField(
        _("closure reason"), max_length=20, choices=ClosureReason.choices, blank=True
    )
    # ESF+ result data, on leaving (EECR01–EECR04) and six months after (EECR05–06).
    exit_job_searching = models.BooleanField(_("job-searching on leaving"), default=False)
    exit_in_education = models.BooleanField(_("in education or training on leaving"), default=False)
    exit_gained_qualification = models.BooleanField(_("gained a qualification"), default=False)
    exit_employed = models.BooleanField(_("in employment on leaving"), default=False)
    employed_after_six_months = models.BooleanField(_("employed six months after"), default=False)
    improved_after_six_months = models.BooleanField(
        _("improved labour-market situation six months after"), default=False
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["beneficiary"],
                condition=~Q(status=CaseStatus.CLOSED),
                name="one_open_case_per_beneficiary",
            ),
            models.CheckConstraint(
                name="closed_case_has_reason_and_date",
                condition=~Q(status=CaseStatus.CLOSED)
                | (Q(closed_on__isnull=False) & ~Q(closure_reason="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.beneficiary} ({self.get_status_display()})"


class Contact(models.Model):
    """A contact with the centre. Without a beneficiary it is an anonymous information request."""

    beneficiary = models.ForeignKey(
        "casework.Beneficiary",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    unit = models.ForeignKey(
        "tenants.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    channel = models.CharField(_("channel"), max_length=16, choices=ContactChannel.choices)
    occurred_at = models.DateTimeField(_("date and time"))
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("staff member"),
    )
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mediator"),
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=0)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["beneficiary", "occurred_at"], name="contact_person_time")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.occurred_at:%d/%m/%Y}"


class Request(models.Model):
    """An αίτημα raised in a contact, with its category and outcome."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="requests")
    category = models.CharField(_("category"), max_length=24, choices=RequestCategory.choices)
    description = models.TextField(_("description"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=RequestOutcome.choices, default=RequestOutcome.PENDING
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self) -> str:
        return self.get_category_display()


class ServiceDelivery(models.Model):
    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="services"
    )
    kind = models.CharField(_("service"), max_length=24, choices=ServiceKind.choices)
    delivered_on = models.DateField(_("date"))
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("staff member"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=0)
    plan_step = models.ForeignKey(
        "casework.PlanStep",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("action-plan step"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("service delivered")
        verbose_name_plural = _("services delivered")
        ordering = ["-delivered_on"]

    def __str__(self) -> str:
        return self.get_kind_display()
