from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Community Centres")

    def ready(self) -> None:
        from tenants import signals  # noqa: F401  (cache invalidation on domain changes)
