from django.contrib import admin

from geography.models import Municipality, MunicipalUnit, Region, RegionalUnit


class ReadOnlyAdmin(admin.ModelAdmin):
    """The Kallikratis table is reference data, loaded from the shipped file."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name"]


@admin.register(RegionalUnit)
class RegionalUnitAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "regional_unit", "population_2001"]
    search_fields = ["name", "official_name", "code"]
    list_filter = ["regional_unit__region"]


@admin.register(MunicipalUnit)
class MunicipalUnitAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "municipality", "population_2001"]
    search_fields = ["name", "official_name", "code"]
