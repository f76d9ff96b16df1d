"""Directory records as HSDS 3.0 JSON objects (validated against schema/ by the tests).

Empty values are left out rather than sent as null or "": the HSDS schemas type every
field (a null is not a string) and check formats (an empty e-mail is not an e-mail).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from directory.hsds import rows
from directory.hsds.tables import BY_NAME, to_json
from directory.models import (
    Attribute,
    Metadata,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

# Extension columns shown in JSON too (HSDS objects allow extra properties): the sample flag.
JSON_EXTENSIONS = {"is_sample", "sample_note", "scope", "kallikratis_code", "municipality_code"}


def flat(table_name: str, obj: models.Model) -> dict[str, Any]:
    """The one-to-one fields of a record."""
    table = BY_NAME[table_name]
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.extension and column.name not in JSON_EXTENSIONS:
            continue
        value = to_json(column.kind, rows.get(table, column, obj))
        if column.name == "is_sample":
            value = bool(value)
        if value is not None:
            out[column.name] = value
    return out


def _many(table_name: str, objs) -> list[dict[str, Any]]:
    return [flat(table_name, o) for o in sorted(objs, key=lambda o: str(o.pk))]


def taxonomy(obj: Taxonomy) -> dict[str, Any]:
    return flat("taxonomy", obj)


def taxonomy_term(obj: TaxonomyTerm) -> dict[str, Any]:
    out = flat("taxonomy_term", obj)
    if obj.taxonomy_id:
        out["taxonomy_detail"] = taxonomy(obj.taxonomy)
    return out


def attributes(entity: str, pk) -> list[dict[str, Any]]:
    found = (
        Attribute.objects.filter(link_entity=entity, link_id=pk)
        .select_related("taxonomy_term__taxonomy")
        .order_by("id")
    )
    return [
        {**flat("attribute", a), "taxonomy_term": taxonomy_term(a.taxonomy_term)} for a in found
    ]


def metadata(pk) -> list[dict[str, Any]]:
    entries = Metadata.objects.filter(resource_id=pk).order_by("last_action_date", "id")
    return [
        {
            "id": str(m.id),
            "resource_id": str(m.resource_id),
            "resource_type": m.resource_type,
            "last_action_date": timezone.localtime(m.last_action_date).date().isoformat(),
            "last_action_type": m.last_action_type,
            "field_name": m.field_name,
            "previous_value": m.previous_value,
            "replacement_value": m.replacement_value,
            "updated_by": m.updated_by,
        }
        for m in entries
    ]


def location(obj) -> dict[str, Any]:
    out = flat("location", obj)
    out["addresses"] = _many("address", obj.addresses.all())
    out["phones"] = _many("phone", obj.phones.all())
    out["schedules"] = _many("schedule", obj.schedules.all())
    out["languages"] = _many("language", obj.languages.all())
    return out


def service_at_location(obj: ServiceAtLocation, *, full: bool = False) -> dict[str, Any]:
    out = flat("service_at_location", obj)
    if full:
        out["location"] = location(obj.location)
        out["phones"] = _many("phone", obj.phones.all())
        out["contacts"] = _many("contact", obj.contacts.all())
        out["schedules"] = _many("schedule", obj.schedules.all())
        out["service_areas"] = _many("service_area", obj.service_areas.all())
        out["attributes"] = attributes("service_at_location", obj.pk)
    return out


def organization(obj: Organization, *, full: bool = False, services=None) -> dict[str, Any]:
    out = flat("organization", obj)
    if full:
        out["phones"] = _many("phone", obj.phones.all())
        out["contacts"] = _many("contact", obj.contacts.all())
        out["locations"] = [location(loc) for loc in obj.locations.order_by("id")]
        out["attributes"] = attributes("organization", obj.pk)
        out["metadata"] = metadata(obj.pk)
        if services is not None:
            out["services"] = [service(s) for s in services]
    return out


def service(obj: Service, *, full: bool = False) -> dict[str, Any]:
    out = flat("service", obj)
    if full:
        out["organization"] = organization(obj.organization)
        out["phones"] = _many("phone", obj.phones.all())
        out["schedules"] = _many("schedule", obj.schedules.all())
        out["service_areas"] = _many("service_area", obj.service_areas.all())
        out["service_at_locations"] = [
            service_at_location(sal, full=True)
            for sal in obj.service_at_locations.select_related("location").order_by("id")
        ]
        out["languages"] = _many("language", obj.languages.all())
        out["required_documents"] = _many("required_document", obj.required_documents.all())
        out["contacts"] = [
            {**flat("contact", c), "phones": _many("phone", c.phones.all())}
            for c in obj.contacts.order_by("id")
        ]
        out["attributes"] = attributes("service", obj.pk)
        out["metadata"] = metadata(obj.pk)
    return out
