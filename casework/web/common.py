"""What every casework page shares: the acting member and the person in reach."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

from casework.access import Actor, actor_for


def casework_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Give the view the acting member as `request.actor`.

    The membership middleware has already sent anonymous users to the login page and
    answered 404 to non-members; `actor_for` answers 404 to anyone else without a
    centre (ministry, operators). Role checks happen in the service functions.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.actor = actor_for(request)
        return view(request, *args, **kwargs)

    return wrapper


def get_actor(request: HttpRequest) -> Actor:
    return request.actor
