"""Individual action plans: goals linked to needs, steps with owners, reviews."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from casework.models.choices import NeedDomain


class ActionPlan(models.Model):
    class Status(models.TextChoices):
        # A plan (σχέδιο) is neuter in Greek; the same English words for a case are not.
        ACTIVE = "active", pgettext_lazy("action plan status", "Active")
        COMPLETED = "completed", pgettext_lazy("action plan status", "Completed")
        ABANDONED = "abandoned", pgettext_lazy("action plan status", "Abandoned")

    beneficiary = models.ForeignKey(
        "casework.Beneficiary", on_delete=models.PROTECT, related_name="plans"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_on = models.DateField(_("created"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-created_on"]

    def __str__(self) -> str:
        return f"{self.beneficiary} – {self.created_on:%d/%m/%Y}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    need = models.CharField(_("need addressed"), max_length=20, choices=NeedDomain.choices)
    description = models.TextField(_("goal"))
    target_date = models.DateField(_("target date"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description[:60]


class PlanStep(models.Model):
    class Owner(models.TextChoices):
        STAFF = "staff", _("Staff member")
        PERSON = "person", _("The person")
        OUTSIDE_SERVICE = "outside_service", _("Outside service")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="steps")
    description = models.TextField(_("step"))
    owner = models.CharField(_("owner"), max_length=16, choices=Owner.choices)
    owner_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    owner_service = models.CharField(_("outside service"), max_length=200, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class PlanReview(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("date"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(_("notes"))

    class Meta:
        verbose_name = _("plan review")
        verbose_name_plural = _("plan reviews")
        ordering = ["-reviewed_on"]

    def __str__(self) -> str:
        return f"{self.plan} – {self.reviewed_on:%d/%m/%Y}"
