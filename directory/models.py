"""The national directory of services, shaped on Open Referral HSDS 3.0 (public schema).

Table and field names follow HSDS 3.0 (organization, service, location, service_at_location,
address, phone, contact, schedule, service_area, language, required_document, taxonomy,
taxonomy_term, attribute, metadata) so the HSDS API and the Tabular Data Package map onto
them one to one. Kentro adds:

- `owner_tenant`: empty for a national entry; set for a centre's local entry, which only
  that centre sees (and may propose for national listing);
- `Organization.kentro_tenant`: the Community Centre that provides the organization's
  services, so a referral to them is "live" (answered in the platform);
- `is_sample` + `sample_note`: seed entries whose details could not be verified;
- soft delete everywhere: tenant tables (referrals) point at these rows and Django's delete
  collector cannot see them, so rows are flagged deleted and hidden by the default manager.

Writes go through directory.services, which also write the metadata change log.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class LiveManager(models.Manager):
    """Rows not soft-deleted. The default manager of every directory record."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(is_deleted=False)


class DirectoryRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    is_deleted = models.BooleanField(_("deleted"), default=False, db_index=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_modified = models.DateTimeField(_("last modified"), auto_now=True)

    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012  (managers of the abstract base)

    class Meta:
        abstract = True
        default_manager_name = "objects"
        # Related lookups (referral.service) must still reach a soft-deleted row.
        base_manager_name = "all_objects"


class OwnedRecord(DirectoryRecord):
    """A record that is either national (no owner) or local to one centre."""

    owner_tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owning centre"),
        help_text=_("Empty for a national entry; a centre's local entry is visible only to it."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Seed entry whose details have not been verified."),
    )
    sample_note = models.CharField(_("sample-data note"), max_length=300, blank=True)

    class Meta(DirectoryRecord.Meta):
        abstract = True


class Status(models.TextChoices):
    """HSDS 3.0 service status."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Defunct")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class ProposalStatus(models.TextChoices):
    """A local entry's way to the national listing."""

    NONE = "", _("Not proposed")
    PROPOSED = "proposed", _("Proposed for national listing")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Organization(OwnedRecord):
    name = models.CharField(_("name"), max_length=300)
    alternate_name = models.CharField(_("alternate name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    tax_status = models.CharField(_("tax status"), max_length=100, blank=True)
    tax_id = models.CharField(_("tax id (ΑΦΜ)"), max_length=20, blank=True)
    year_incorporated = models.PositiveSmallIntegerField(
        _("year incorporated"), null=True, blank=True
    )
    legal_status = models.CharField(_("legal status"), max_length=100, blank=True)
    logo = models.URLField(_("logo"), blank=True)
    uri = models.URLField(_("uri"), blank=True)
    parent_organization = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organization"),
    )
    kentro_tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directory_organizations",
        verbose_name=_("Kentro centre"),
        help_text=_("Set when a Community Centre on Kentro provides these services."),
    )

    class Meta(OwnedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class Service(OwnedRecord):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=300)
    alternate_name = models.CharField(_("alternate name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("url"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    interpretation_services = models.TextField(_("interpretation services"), blank=True)
    application_process = models.TextField(_("application process"), blank=True)
    fees_description = models.TextField(_("fees"), blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True)
    eligibility_description = models.TextField(_("eligibility"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    assured_date = models.DateField(_("assured date"), null=True, blank=True)
    assurer_email = models.EmailField(_("assurer email"), blank=True)
    alert = models.TextField(_("alert"), blank=True)

    # A local entry proposed for national listing; an editor approves or rejects it.
    proposal_status = models.CharField(
        _("proposal"), max_length=10, choices=ProposalStatus.choices, default="", blank=True
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposal_decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    proposal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    proposal_note = models.TextField(_("proposal note"), blank=True)
    # The centre that proposed it, kept after approval (owner_tenant is then cleared).
    proposed_by_tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposing centre"),
    )

    # Search columns, maintained by directory.search.reindex_services (never edited by hand):
    # Greek full text (greek_unaccent configuration), unaccented lower-case text for the
    # trigram fallback, and the covered areas denormalised for cheap area ranking.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    search_text = models.TextField(default="", blank=True, editable=False)
    area_national = models.BooleanField(default=False, blank=True, editable=False)
    area_region_ids = ArrayField(models.IntegerField(), default=list, blank=True, editable=False)
    area_regional_unit_ids = ArrayField(
        models.IntegerField(), default=list, blank=True, editable=False
    )
    area_municipality_ids = ArrayField(
        models.IntegerField(), default=list, blank=True, editable=False
    )

    class Meta(OwnedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            GinIndex(fields=["search_vector"], name="directory_service_fts"),
            GinIndex(
                fields=["search_text"], name="directory_service_trgm", opclasses=["gin_trgm_ops"]
            ),
            models.Index(fields=["owner_tenant", "status"], name="directory_service_owner"),
            models.Index(fields=["proposal_status"], name="directory_service_proposal"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_live(self) -> bool:
        """Provided by a Kentro centre: referrals to it are answered in the platform."""
        return self.organization.kentro_tenant_id is not None


class Location(OwnedRecord):
    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organization"),
    )
    location_type = models.CharField(
        _("location type"),
        max_length=10,
        choices=LocationType.choices,
        default=LocationType.PHYSICAL,
    )
    url = models.URLField(_("url"), blank=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    alternate_name = models.CharField(_("alternate name"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("transportation"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    external_identifier = models.CharField(_("external identifier"), max_length=100, blank=True)
    external_identifier_type = models.CharField(
        _("external identifier type"), max_length=100, blank=True
    )
    # Kentro: the Kallikratis municipality the location lies in (for maps and area filters).
    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )

    class Meta(OwnedRecord.Meta):
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(DirectoryRecord):
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="service_at_locations"
    )
    description = models.TextField(_("description"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("service at location")
        verbose_name_plural = _("services at locations")

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class Address(DirectoryRecord):
    class AddressType(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="addresses")
    attention = models.CharField(_("attention"), max_length=200, blank=True)
    address_1 = models.CharField(_("address"), max_length=300)
    address_2 = models.CharField(_("address (line 2)"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("region"), max_length=120, blank=True)
    state_province = models.CharField(_("regional unit"), max_length=120)
    postal_code = models.CharField(_("postal code"), max_length=10)
    country = models.CharField(_("country"), max_length=2, default="GR")
    address_type = models.CharField(
        _("address type"),
        max_length=10,
        choices=AddressType.choices,
        default=AddressType.PHYSICAL,
    )

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return f"{self.address_1}, {self.city}"


class Contact(DirectoryRecord):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name or self.email or str(self.id)


class Phone(DirectoryRecord):
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="phones"
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="phones"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="phones"
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.PROTECT, null=True, blank=True, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=30)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self) -> str:
        return self.number


class Schedule(DirectoryRecord):
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schedules",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    dtstart = models.DateField(_("start"), null=True, blank=True)
    timezone = models.IntegerField(_("timezone offset"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    wkst = models.CharField(_("week start"), max_length=2, blank=True)
    freq = models.CharField(_("frequency"), max_length=10, blank=True)
    interval = models.PositiveIntegerField(_("interval"), null=True, blank=True)
    byday = models.CharField(_("by day"), max_length=50, blank=True)
    byweekno = models.CharField(_("by week number"), max_length=50, blank=True)
    bymonthday = models.CharField(_("by month day"), max_length=50, blank=True)
    byyearday = models.CharField(_("by year day"), max_length=50, blank=True)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = models.URLField(_("schedule link"), blank=True)
    attending_type = models.CharField(_("attending type"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")

    def __str__(self) -> str:
        return self.description or str(self.id)


class ServiceArea(DirectoryRecord):
    """Where a service is offered: the whole country, a region, regional unit or municipality.

    HSDS keeps `name`/`extent`; Kentro adds the Kallikratis unit so area ranking is exact.
    """

    class Scope(models.TextChoices):
        NATIONAL = "national", _("Whole country")
        REGION = "region", _("Region")
        REGIONAL_UNIT = "regional_unit", _("Regional unit")
        MUNICIPALITY = "municipality", _("Municipality")

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="service_areas"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_areas",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    extent = models.TextField(_("extent"), blank=True)
    extent_type = models.CharField(_("extent type"), max_length=20, blank=True)
    uri = models.URLField(_("uri"), blank=True)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    region = models.ForeignKey(
        "geography.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    regional_unit = models.ForeignKey(
        "geography.RegionalUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "geography.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        constraints = [
            models.CheckConstraint(
                name="directory_service_area_scope_matches_unit",
                condition=(
                    models.Q(
                        scope="national",
                        region__isnull=True,
                        regional_unit__isnull=True,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        scope="region",
                        region__isnull=False,
                        regional_unit__isnull=True,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        scope="regional_unit",
                        region__isnull=True,
                        regional_unit__isnull=False,
                        municipality__isnull=True,
                    )
                    | models.Q(
                        scope="municipality",
                        region__isnull=True,
                        regional_unit__isnull=True,
                        municipality__isnull=False,
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name or self.scope


class Language(DirectoryRecord):
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="languages"
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, null=True, blank=True, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, on_delete=models.PROTECT, null=True, blank=True, related_name="languages"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    code = models.CharField(_("code (ISO 639)"), max_length=10, db_index=True)
    note = models.TextField(_("note"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name or self.code


class RequiredDocument(DirectoryRecord):
    """A δικαιολογητικό the service asks for."""

    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="required_documents",
    )
    document = models.CharField(_("document"), max_length=300)
    uri = models.URLField(_("uri"), blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self) -> str:
        return self.document


class Taxonomy(DirectoryRecord):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    uri = models.URLField(_("uri"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)

    class Meta(DirectoryRecord.Meta):
        ordering = ["name"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(DirectoryRecord):
    code = models.CharField(_("code"), max_length=50, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    # HSDS `taxonomy_id`; its free-text `taxonomy` is this row's name when serialised.
    taxonomy = models.ForeignKey(
        Taxonomy,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("taxonomy"),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    term_uri = models.URLField(_("term uri"), blank=True)

    class Meta(DirectoryRecord.Meta):
        ordering = ["name"]
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"],
                condition=models.Q(is_deleted=False) & ~models.Q(code=""),
                name="directory_taxonomy_term_code_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Attribute(DirectoryRecord):
    """HSDS attribute: a taxonomy term attached to any record (service classification etc.)."""

    link_id = models.UUIDField(_("linked record"))
    link_type = models.CharField(_("link type"), max_length=100, blank=True)
    link_entity = models.CharField(_("linked entity"), max_length=50)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes"
    )
    value = models.CharField(_("value"), max_length=300, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        indexes = [
            models.Index(fields=["link_entity", "link_id"], name="directory_attribute_link"),
            models.Index(fields=["taxonomy_term", "link_entity"], name="directory_attribute_term"),
        ]

    def __str__(self) -> str:
        return f"{self.link_entity}:{self.link_id} {self.taxonomy_term_id}"


class Metadata(models.Model):
    """HSDS metadata: the change log. One row per changed field, never edited or deleted."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        PROPOSE = "propose", _("Proposed for national listing")
        APPROVE = "approve", _("Approved for national listing")
        REJECT = "reject", _("Proposal rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resource_id = models.UUIDField(_("record"), db_index=True)
    resource_type = models.CharField(_("record type"), max_length=50)
    last_action_date = models.DateTimeField(_("when"), auto_now_add=True)
    last_action_type = models.CharField(_("action"), max_length=10, choices=Action.choices)
    field_name = models.CharField(_("field"), max_length=100, blank=True)
    previous_value = models.TextField(_("previous value"), blank=True)
    replacement_value = models.TextField(_("new value"), blank=True)
    # HSDS keeps a free-text "updated_by"; the user row is kept too for exact audits.
    updated_by = models.CharField(_("updated by"), max_length=254, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tenant = models.ForeignKey(
        "tenants.Tenant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("centre"),
    )

    class Meta:
        ordering = ["-last_action_date"]
        verbose_name = _("change log entry")
        verbose_name_plural = _("change log")

    def __str__(self) -> str:
        return f"{self.resource_type}:{self.resource_id} {self.last_action_type} {self.field_name}"


class SearchWord(models.Model):
    """Every word of the directory's search text (unaccented, lower case), for typo fixing.

    A misspelt word is matched by trigram similarity against this short list, and the
    full-text search then runs with the words found (PostgreSQL's documented pattern).
    Filled by directory.search.reindex_services; words are never removed (a stale word
    only yields a search with no result).
    """

    word = models.TextField(primary_key=True)

    class Meta:
        indexes = [
            GinIndex(fields=["word"], name="directory_searchword_trgm", opclasses=["gin_trgm_ops"])
        ]

    def __str__(self) -> str:
        return self.word
