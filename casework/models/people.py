"""The registry: beneficiaries (ωφελούμενοι) and their consents."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from casework.models.choices import (
    ConsentPurpose,
    EmploymentStatus,
    IscedLevel,
    LegalBasis,
    ResidenceStatus,
    Sex,
    TargetGroup,
)

# Special-category data (GDPR art. 9): shown with a mark, exported with care.
SPECIAL_CATEGORY_FIELDS = frozenset(
    {"disability", "minority_roma", "residence_status", "permit_number", "permit_expiry"}
)


class Beneficiary(models.Model):
    # Names: Greek as written by the person, Latin by ELOT 743 unless given.
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    father_name = models.CharField(_("father's name"), max_length=100, blank=True)
    mother_name = models.CharField(_("mother's name"), max_length=100, blank=True)
    first_name_latin = models.CharField(_("first name (Latin)"), max_length=100, blank=True)
    last_name_latin = models.CharField(_("last name (Latin)"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    country_of_birth = CountryField(_("country of birth"), blank=True)
    languages = ArrayField(
        models.CharField(max_length=8), verbose_name=_("languages"), default=list, blank=True
    )
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=8, blank=True)

    # Identifiers, validated by their check digits; unique within the centre (the schema).
    amka = models.CharField(_("ΑΜΚΑ"), max_length=11, null=True, blank=True, unique=True)
    afm = models.CharField(_("ΑΦΜ"), max_length=9, null=True, blank=True, unique=True)
    paaypa = models.CharField(_("ΠΑΑΥΠΑ"), max_length=11, blank=True)
    personal_number = models.CharField(
        _("Personal Number (Προσωπικός Αριθμός)"), max_length=12, blank=True
    )
    id_document_number = models.CharField(_("identity document number"), max_length=30, blank=True)

    residence_status = models.CharField(
        _("residence status"), max_length=32, choices=ResidenceStatus.choices, blank=True
    )
    permit_number = models.CharField(_("residence permit / card number"), max_length=20, blank=True)
    permit_expiry = models.DateField(_("permit or card expiry"), null=True, blank=True)

    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality of residence"),
    )
    municipal_unit = models.ForeignKey(
        "geography.MunicipalUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipal unit"),
    )

    target_groups = ArrayField(
        models.CharField(max_length=32, choices=TargetGroup.choices),
        verbose_name=_("target groups"),
        default=list,
        blank=True,
    )

    # ESF+ entry data (Regulation (EU) 2021/1057, Annex I).
    employment_status = models.CharField(
        _("employment status"), max_length=32, choices=EmploymentStatus.choices, blank=True
    )
    isced_level = models.CharField(
        _("education level"), max_length=16, choices=IscedLevel.choices, blank=True
    )
    disability = models.BooleanField(_("disability"), default=False)
    minority_roma = models.BooleanField(_("minority, including Roma"), default=False)
    foreign_background = models.BooleanField(_("foreign background"), default=False)
    homeless_or_housing_exclusion = models.BooleanField(
        _("homeless or in housing exclusion"), default=False
    )
    rural_area = models.BooleanField(_("lives in a rural area"), default=False)

    unit = models.ForeignKey(
        "tenants.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registering unit"),
    )
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    # A merged record stays (history points at it) but forwards to the surviving one.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_records"
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # Accent-free, lower-case names in Greek and Latin script, for one-box search.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        ordering = ["last_name", "first_name"]
        indexes = [
            GinIndex(
                fields=["search_text"], name="beneficiary_search_trgm", opclasses=["gin_trgm_ops"]
            ),
            models.Index(fields=["phone"], name="beneficiary_phone"),
            # search_people matches a typed phone by its last digits (LIKE '%…'), OR-ed
            # with the ΑΜΚΑ and ΑΦΜ: without this the whole OR falls back to a full scan.
            GinIndex(fields=["phone"], name="beneficiary_phone_trgm", opclasses=["gin_trgm_ops"]),
            models.Index(fields=["birth_date"], name="beneficiary_birth_date"),
        ]
        constraints = [
            models.CheckConstraint(
                name="beneficiary_not_merged_into_itself", condition=~Q(merged_into=models.F("id"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.last_name} {self.first_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ConsentRecord(models.Model):
    """Consent or another legal basis, per purpose; withdrawal stops what it covered."""

    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=32, choices=LegalBasis.choices)
    given_on = models.DateField(_("date"))
    document = models.ForeignKey(
        "casework.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed document"),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_on"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.get_legal_basis_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None
