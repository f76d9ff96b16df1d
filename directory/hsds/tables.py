"""The HSDS tables Kentro keeps, their columns, and how a column maps onto a model field.

One description serves the JSON API (directory.hsds.serialize) and the Tabular Data Package
(directory.hsds.package), so the two never disagree. Columns follow the HSDS 3.0 field
names and order; a few Kentro extension columns (prefixed in no way, listed last) carry
what HSDS has no field for: the sample-data flag, the Kallikratis unit of a service area
or location, and the Kentro centre that provides an organization's services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

from directory.models import (
    Address,
    Attribute,
    Contact,
    Language,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

# Column kinds: how a cell is written to CSV, read back, and typed in JSON.
STR, UUID, INT, DECIMAL, DATE, TIME, BOOL, NUMSTR = (
    "string",
    "uuid",
    "integer",
    "number",
    "date",
    "time",
    "boolean",
    "numstr",  # stored as text, a number in HSDS JSON (phone extension)
)


class CellError(ValueError):
    """A cell that cannot be read as its column's type."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = STR
    attr: str = ""  # model attribute; defaults to the column name
    required: bool = False
    # Foreign key: the table whose ids this column refers to.
    references: str = ""
    extension: bool = False  # a Kentro column, not in HSDS
    derived: bool = False  # written on export, computed (not read) on import

    @property
    def attribute(self) -> str:
        return self.attr or self.name


@dataclass(frozen=True)
class Table:
    name: str  # HSDS object name, e.g. "service"
    path: str  # CSV file in the package
    model: type[models.Model]
    schema: str  # vendored JSON schema file
    columns: tuple[Column, ...]
    owned: bool = False  # national/local record (owner_tenant)
    extra: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


SAMPLE = (Column("is_sample", BOOL, extension=True), Column("sample_note", extension=True))


def _fk(name: str, table: str, required: bool = False) -> Column:
    return Column(name, UUID, required=required, references=table)


TABLES: tuple[Table, ...] = (
    Table(
        "taxonomy",
        "taxonomies.csv",
        Taxonomy,
        "taxonomy.json",
        (
            Column("id", UUID, required=True),
            Column("name", required=True),
            Column("description", required=True),
            Column("uri"),
            Column("version"),
        ),
    ),
    Table(
        "taxonomy_term",
        "taxonomy_terms.csv",
        TaxonomyTerm,
        "taxonomy_term.json",
        (
            Column("id", UUID, required=True),
            Column("code"),
            Column("name", required=True),
            Column("description", required=True),
            Column("parent_id", UUID, references="taxonomy_term"),
            # The taxonomy's name, written for readers; read back from taxonomy_id.
            Column("taxonomy", derived=True),
            Column("language"),
            Column("taxonomy_id", UUID, references="taxonomy"),
            Column("term_uri"),
        ),
    ),
    Table(
        "organization",
        "organizations.csv",
        Organization,
        "organization.json",
        (
            Column("id", UUID, required=True),
            Column("name", required=True),
            Column("alternate_name"),
            Column("description", required=True),
            Column("email"),
            Column("website"),
            Column("tax_status"),
            Column("tax_id"),
            Column("year_incorporated", INT),
            Column("legal_status"),
            Column("logo"),
            Column("uri"),
            _fk("parent_organization_id", "organization"),
            Column("kentro_centre", extension=True),
            *SAMPLE,
        ),
        owned=True,
    ),
    Table(
        "service",
        "services.csv",
        Service,
        "service.json",
        (
            Column("id", UUID, required=True),
            _fk("organization_id", "organization", required=True),
            Column("name", required=True),
            Column("alternate_name"),
            Column("description"),
            Column("url"),
            Column("email"),
            Column("status", required=True),
            Column("interpretation_services"),
            Column("application_process"),
            Column("fees_description"),
            Column("accreditations"),
            Column("eligibility_description"),
            Column("minimum_age", INT),
            Column("maximum_age", INT),
            Column("assured_date", DATE),
            Column("assurer_email"),
            Column("alert"),
            *SAMPLE,
        ),
        owned=True,
    ),
    Table(
        "location",
        "locations.csv",
        Location,
        "location.json",
        (
            Column("id", UUID, required=True),
            Column("location_type", required=True),
            Column("url"),
            _fk("organization_id", "organization"),
            Column("name"),
            Column("alternate_name"),
            Column("description"),
            Column("transportation"),
            Column("latitude", DECIMAL),
            Column("longitude", DECIMAL),
            Column("external_identifier"),
            Column("external_identifier_type"),
            Column("municipality_code", extension=True),
            *SAMPLE,
        ),
        owned=True,
    ),
    Table(
        "service_at_location",
        "service_at_locations.csv",
        ServiceAtLocation,
        "service_at_location.json",
        (
            Column("id", UUID, required=True),
            _fk("service_id", "service", required=True),
            _fk("location_id", "location", required=True),
            Column("description"),
        ),
    ),
    Table(
        "address",
        "addresses.csv",
        Address,
        "address.json",
        (
            Column("id", UUID, required=True),
            _fk("location_id", "location", required=True),
            Column("attention"),
            Column("address_1", required=True),
            Column("address_2"),
            Column("city", required=True),
            Column("region"),
            Column("state_province", required=True),
            Column("postal_code", required=True),
            Column("country", required=True),
            Column("address_type", required=True),
        ),
    ),
    Table(
        "contact",
        "contacts.csv",
        Contact,
        "contact.json",
        (
            Column("id", UUID, required=True),
            _fk("organization_id", "organization"),
            _fk("service_id", "service"),
            _fk("service_at_location_id", "service_at_location"),
            _fk("location_id", "location"),
            Column("name"),
            Column("title"),
            Column("department"),
            Column("email"),
        ),
    ),
    Table(
        "phone",
        "phones.csv",
        Phone,
        "phone.json",
        (
            Column("id", UUID, required=True),
            _fk("location_id", "location"),
            _fk("service_id", "service"),
            _fk("organization_id", "organization"),
            _fk("contact_id", "contact"),
            _fk("service_at_location_id", "service_at_location"),
            Column("number", required=True),
            Column("extension", NUMSTR),
            Column("type"),
            Column("description"),
        ),
    ),
    Table(
        "schedule",
        "schedules.csv",
        Schedule,
        "schedule.json",
        (
            Column("id", UUID, required=True),
            _fk("service_id", "service"),
            _fk("location_id", "location"),
            _fk("service_at_location_id", "service_at_location"),
            Column("valid_from", DATE),
            Column("valid_to", DATE),
            Column("dtstart", DATE),
            Column("timezone", INT),
            Column("until", DATE),
            Column("count", INT),
            Column("wkst"),
            Column("freq"),
            Column("interval", INT),
            Column("byday"),
            Column("byweekno"),
            Column("bymonthday"),
            Column("byyearday"),
            Column("description"),
            Column("opens_at", TIME),
            Column("closes_at", TIME),
            Column("schedule_link"),
            Column("attending_type"),
            Column("notes"),
        ),
    ),
    Table(
        "service_area",
        "service_areas.csv",
        ServiceArea,
        "service_area.json",
        (
            Column("id", UUID, required=True),
            _fk("service_id", "service"),
            _fk("service_at_location_id", "service_at_location"),
            Column("name"),
            Column("description"),
            Column("extent"),
            Column("extent_type"),
            Column("uri"),
            Column("scope", required=True, extension=True),
            Column("kallikratis_code", extension=True),
        ),
    ),
    Table(
        "language",
        "languages.csv",
        Language,
        "language.json",
        (
            Column("id", UUID, required=True),
            _fk("service_id", "service"),
            _fk("location_id", "location"),
            _fk("phone_id", "phone"),
            Column("name"),
            Column("code", required=True),
            Column("note"),
        ),
    ),
    Table(
        "required_document",
        "required_documents.csv",
        RequiredDocument,
        "required_document.json",
        (
            Column("id", UUID, required=True),
            _fk("service_id", "service"),
            Column("document", required=True),
            Column("uri"),
        ),
    ),
    Table(
        "attribute",
        "attributes.csv",
        Attribute,
        "attribute.json",
        (
            Column("id", UUID, required=True),
            Column("link_id", UUID, required=True),
            _fk("taxonomy_term_id", "taxonomy_term", required=True),
            Column("link_type"),
            Column("link_entity", required=True),
            Column("value"),
            Column("label"),
        ),
    ),
)

BY_NAME = {table.name: table for table in TABLES}


# --- cells -------------------------------------------------------------------------------


def to_cell(kind: str, value: Any) -> str:
    """A model value as CSV text (empty for nothing), the same text every time."""
    if value is None:
        return ""
    if kind == BOOL:
        return "true" if value else "false"
    if kind == TIME:
        return value.strftime("%H:%M:%S")
    if kind == DECIMAL:
        return format(Decimal(value).normalize(), "f")
    return str(value)


def from_cell(kind: str, text: str) -> Any:
    """CSV text as a model value; raises CellError with a translatable reason."""
    from django.utils.translation import gettext as _

    text = text.strip() if kind != STR else text
    if text == "":
        return False if kind == BOOL else (None if kind not in (STR, NUMSTR) else "")
    try:
        if kind == UUID:
            return uuid.UUID(text)
        if kind == INT:
            return int(text)
        if kind == DECIMAL:
            return Decimal(text)
        if kind == DATE:
            return dt.date.fromisoformat(text)
        if kind == TIME:
            return dt.time.fromisoformat(text.removesuffix("Z"))
        if kind == NUMSTR:
            int(text)
            return text
    except (ValueError, InvalidOperation):
        messages = {
            UUID: _("Not a valid UUID."),
            INT: _("Not a whole number."),
            DECIMAL: _("Not a number."),
            DATE: _("Not a date (YYYY-MM-DD)."),
            TIME: _("Not a time (HH:MM:SS)."),
            NUMSTR: _("Not a whole number."),
        }
        raise CellError(messages[kind]) from None
    if kind == BOOL:
        if text.lower() in ("true", "1", "yes"):
            return True
        if text.lower() in ("false", "0", "no"):
            return False
        raise CellError(_("Not true or false."))
    return text


def to_json(kind: str, value: Any) -> Any:
    """A model value as HSDS JSON (None when there is nothing to say)."""
    if value is None or value == "":
        return None
    if kind == UUID:
        return str(value)
    if kind == DECIMAL:
        return float(value)
    if kind in (DATE, TIME):
        return value.isoformat()
    if kind == NUMSTR:
        return int(value) if str(value).isdigit() else None
    return value
