from django.contrib import admin

from tenants.models import Domain, Tenant, Unit


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    autocomplete_fields = ["municipality"]


class UnitInline(admin.StackedInline):
    model = Unit
    extra = 0
    filter_horizontal = ["municipalities"]


@admin.register(Tenant)
class TenantAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "lead_municipality", "espa_code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "slug", "espa_code"]
    readonly_fields = ["schema_name", "slug", "created_at"]
    filter_horizontal = ["municipalities"]
    inlines = [DomainInline, UnitInline]

    def has_add_permission(self, request) -> bool:
        # Centres are provisioned with `kentro tenant create` (clone + domains + units).
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        # A centre holds personal data: deactivate it, never delete it from here.
        return False
