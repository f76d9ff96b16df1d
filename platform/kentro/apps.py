from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class KentroConfig(AppConfig):
    default = True
    name = "kentro"
    verbose_name = _("Kentro")


class KentroAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "kentro.admin_site.KentroAdminSite"
