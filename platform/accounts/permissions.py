from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from accounts.access import membership_for_request


class IsTenantMember(BasePermission):
    """The API's membership rule, the same as the UI's: members only; others get 404."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if getattr(request._request, "tenant", None) is None:
            return False
        if membership_for_request(request._request) is None:
            raise NotFound()
        return True
