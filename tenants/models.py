"""Community Centre operations (tenants), their hosts and their units (public schema)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin


class Tenant(TenantMixin):
    """One Community Centre operation, run by a lead municipality for itself and partners."""

    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    name = models.CharField(_("name"), max_length=200)
    lead_municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        related_name="led_centres",
        verbose_name=_("lead municipality"),
    )
    municipalities = models.ManyToManyField(
        "geography.Municipality",
        related_name="centres",
        verbose_name=_("served municipalities"),
        help_text=_("The lead municipality and its partners."),
    )
    espa_code = models.CharField(
        _("ESPA operation code (ΟΠΣ/MIS)"),
        max_length=20,
        blank=True,
    )
    funding_programme = models.CharField(_("funding programme"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Schemas are created by tenants.services.provision_tenant, which clones the base schema.
    auto_create_schema = True
    auto_drop_schema = False

    class Meta:
        ordering = ["name"]
        verbose_name = _("community centre")
        verbose_name_plural = _("community centres")

    def __str__(self) -> str:
        return self.name


class Domain(DomainMixin):
    """A host that opens a tenant, in the context of one of its served municipalities.

    Every served municipality has its own subdomain; `dytikimani.<base>` opens
    Kalamata's tenant with Δυτική Μάνη as the municipality in view.
    """

    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality in view"),
    )

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")


class Unit(models.Model):
    """A δομή of a centre: main centre, ΚΕΜ annex, Roma annex or Mobile Unit."""

    class Kind(models.TextChoices):
        MAIN = "main", _("Community Centre")
        KEM = "kem", _("Migrant Integration Centre (ΚΕΜ) annex")
        ROMA = "roma", _("Roma annex")
        MOBILE = "mobile", _("Mobile Unit")

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    municipalities = models.ManyToManyField(
        "geography.Municipality",
        related_name="units",
        verbose_name=_("municipalities served"),
    )

    class Meta:
        ordering = ["tenant", "kind", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name
