"""Reading a record's HSDS columns, and writing them back (Kentro extension columns too)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from directory.hsds.tables import Column, Table
from directory.models import Location, Organization, ServiceArea, TaxonomyTerm
from geography.models import Municipality, Region, RegionalUnit
from tenants.models import Tenant

AREA_UNITS = {
    ServiceArea.Scope.REGION: ("region", Region),
    ServiceArea.Scope.REGIONAL_UNIT: ("regional_unit", RegionalUnit),
    ServiceArea.Scope.MUNICIPALITY: ("municipality", Municipality),
}


def get(table: Table, column: Column, obj: models.Model) -> Any:
    """The value of `column` for `obj` (a model value; ids as UUID, codes as text)."""
    if isinstance(obj, TaxonomyTerm) and column.name == "taxonomy":
        return obj.taxonomy.name if obj.taxonomy_id else ""
    if isinstance(obj, Organization) and column.name == "kentro_centre":
        return obj.kentro_tenant.slug if obj.kentro_tenant_id else ""
    if isinstance(obj, Location) and column.name == "municipality_code":
        return obj.municipality.code if obj.municipality_id else ""
    if isinstance(obj, ServiceArea) and column.name == "kallikratis_code":
        unit = obj.region or obj.regional_unit or obj.municipality
        return unit.code if unit is not None else ""
    return getattr(obj, column.attribute)


class UnknownValue(ValueError):
    pass


def resolve(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Column values → model attribute values, looking up Kentro extension codes.

    Raises UnknownValue(column, message) for a code that names nothing.
    """
    attrs: dict[str, Any] = {}
    for column in table.columns:
        if column.derived:
            continue
        value = values[column.name]
        if table.model is Organization and column.name == "kentro_centre":
            tenant = None
            if value:
                tenant = Tenant.objects.filter(slug=value).first()
                if tenant is None:
                    raise UnknownValue(column.name, _("No Kentro centre with this name."))
            attrs["kentro_tenant_id"] = tenant.pk if tenant else None
        elif table.model is Location and column.name == "municipality_code":
            municipality = None
            if value:
                municipality = Municipality.objects.filter(code=value).first()
                if municipality is None:
                    raise UnknownValue(
                        column.name, _("No Kallikratis municipality with this code.")
                    )
            attrs["municipality_id"] = municipality.pk if municipality else None
        elif table.model is ServiceArea and column.name == "kallikratis_code":
            scope = values["scope"]
            for attr, _model in AREA_UNITS.values():
                attrs[f"{attr}_id"] = None
            if scope in AREA_UNITS:
                attr, model = AREA_UNITS[scope]
                unit = model.objects.filter(code=value).first() if value else None
                if unit is None:
                    raise UnknownValue(
                        column.name, _("No Kallikratis unit with this code for this scope.")
                    )
                attrs[f"{attr}_id"] = unit.pk
            elif value:
                raise UnknownValue(column.name, _("A nationwide service area has no unit code."))
        else:
            attrs[column.attribute] = value
    return attrs


def current(table: Table, obj: models.Model) -> dict[str, Any]:
    """The model attribute values that `resolve` would set, as `obj` has them now."""
    attrs: dict[str, Any] = {}
    for column in table.columns:
        if column.derived:
            continue
        if table.model is Organization and column.name == "kentro_centre":
            attrs["kentro_tenant_id"] = obj.kentro_tenant_id
        elif table.model is Location and column.name == "municipality_code":
            attrs["municipality_id"] = obj.municipality_id
        elif table.model is ServiceArea and column.name == "kallikratis_code":
            for attr, _model in AREA_UNITS.values():
                attrs[f"{attr}_id"] = getattr(obj, f"{attr}_id")
        else:
            attrs[column.attribute] = getattr(obj, column.attribute)
    return attrs
