from django.db import models
from django.utils.translation import gettext_lazy as _


class Household(models.Model):
    head = models.ForeignKey(
        "casework.Beneficiary",
        on_delete=models.PROTECT,
        related_name="headed_households",
        null=True,
        blank=True,
        verbose_name=_("head of household"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self) -> str:
        return str(self.head) if self.head_id else f"#{self.pk}"


class HouseholdMember(models.Model):
    """A person in a household over a period: the rows are also the membership history."""

    class Relation(models.TextChoices):
        HEAD = "head", _("Head of household")
        SPOUSE = "spouse", _("Spouse or partner")
        CHILD = "child", _("Child")
        PARENT = "parent", _("Parent")
        SIBLING = "sibling", _("Sibling")
        GRANDCHILD = "grandchild", _("Grandchild")
        OTHER_RELATIVE = "other_relative", _("Other relative")
        OTHER = "other", _("Other")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    beneficiary = models.ForeignKey(
        "casework.Beneficiary",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="household_memberships",
    )
    # For members who are not registered beneficiaries.
    name = models.CharField(_("name"), max_length=200, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    monthly_income = models.DecimalField(
        _("monthly income (€)"), max_digits=9, decimal_places=2, default=0
    )
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["joined_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="household_member_is_a_person",
                condition=models.Q(beneficiary__isnull=False) | ~models.Q(name=""),
            )
        ]

    def __str__(self) -> str:
        return str(self.beneficiary) if self.beneficiary_id else self.name
