"""Every request to a centre's host is checked against the user's membership there."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accounts.access import membership_for_request

# Paths an anonymous visitor may open on a centre's host: signing in, password reset,
# accepting an invitation, language switch, static files. The API answers for itself.
OPEN_PREFIXES = ("/accounts/", "/invitations/", "/i18n/", "/static/", "/api/")
# Paths that check access themselves: the REST API, and the public HSDS directory API
# (national entries for anyone; a centre's local entries only to its signed-in members).
SELF_CHECKING_PREFIXES = ("/api/", "/hsds/")


def not_found(request: HttpRequest) -> HttpResponse:
    # "Not yours" and "does not exist" look the same.
    return render(request, "404.html", status=404)


class MembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.tenant is None or request.path.startswith(SELF_CHECKING_PREFIXES):
            return self.get_response(request)
        if request.user.is_authenticated:
            if membership_for_request(request) is None:
                return not_found(request)
        elif not request.path.startswith(OPEN_PREFIXES):
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        return self.get_response(request)


class RequireMfaMiddleware:
    """Members whose role must use two-factor authentication set it up before anything else."""

    allowed_prefixes = ("/accounts/2fa/", "/accounts/logout/", "/static/", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not request.path.startswith(self.allowed_prefixes):
            membership = membership_for_request(request)
            if (
                membership is not None
                and membership.role in settings.KENTRO_MFA_REQUIRED_ROLES
                and not _has_totp(request.user)
            ):
                return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
