from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.access import is_platform_operator


class KentroAdminSite(admin.AdminSite):
    """Django admin: public host only, platform operators only, signed in through allauth
    (so two-factor authentication applies to the admin as everywhere else)."""

    site_header = _("Kentro administration")
    site_title = _("Kentro administration")

    def has_permission(self, request) -> bool:
        return (
            getattr(request, "tenant", None) is None
            and request.user.is_active
            and request.user.is_superuser
            and is_platform_operator(request.user)
        )

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            # Signed in but not an operator: the admin does not exist for you.
            raise Http404
        return redirect_to_login(request.get_full_path(), reverse("account_login"))
