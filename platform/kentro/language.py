"""Greek first: the interface is in Greek unless the user picked English."""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware


class GreekFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but the browser's Accept-Language is ignored.

    A browser's language is not a choice the user made (shared centre PCs often come with
    English Windows), and the centres work in Greek. The choice made with the language
    switch (the django_language cookie) still wins.
    """

    def process_request(self, request: HttpRequest) -> None:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
