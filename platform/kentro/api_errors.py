"""API errors: Django's ValidationError becomes a 400 with every message, never a 500."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def validation_payload(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return {"errors": error.message_dict}
    return {"errors": {"__all__": error.messages}}


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        return Response(validation_payload(exc), status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
