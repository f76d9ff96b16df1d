"""Greek administrative geography under the Kallikratis reform (public schema).

Region → regional unit → municipality → municipal unit, with the official codes.
`name` is the name in proper Greek case; `official_name` is as published (capitals).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class RegionalUnit(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="regional_units")

    class Meta:
        ordering = ["code"]
        verbose_name = _("regional unit")
        verbose_name_plural = _("regional units")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=120)
    regional_unit = models.ForeignKey(
        RegionalUnit, on_delete=models.PROTECT, related_name="municipalities"
    )
    population_2001 = models.PositiveIntegerField(_("population (2001)"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class MunicipalUnit(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=120)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="municipal_units"
    )
    population_2001 = models.PositiveIntegerField(_("population (2001)"), default=0)
    communities = models.PositiveSmallIntegerField(_("local communities"), default=0)

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipal unit")
        verbose_name_plural = _("municipal units")

    def __str__(self) -> str:
        return self.name
