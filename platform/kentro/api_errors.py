"""API errors: one shape for bad input, the services' own messages, never a 500.

- Bad input, whether caught by a serializer (DRF's ValidationError) or by a service
  (Django's ValidationError): 400 with {"errors": {field: [messages]}}; errors that belong
  to no field are under "__all__".
- Django's PermissionDenied (a service refusing the role): 403 with the service's message.
- Http404 (not found, or not yours): the same bare 404 either way, never naming a model.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

ALL = "__all__"


def validation_payload(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return {"errors": error.message_dict}
    return {"errors": {ALL: error.messages}}


def _serializer_payload(error: exceptions.ValidationError) -> dict:
    detail = as_serializer_error(error)
    non_field = detail.pop(api_settings.NON_FIELD_ERRORS_KEY, None)
    if non_field:
        detail[ALL] = [*detail.get(ALL, []), *non_field]
    return {"errors": detail}


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        return Response(validation_payload(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, exceptions.ValidationError):
        set_rollback()
        return Response(_serializer_payload(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        # "Not yours" and "does not exist" answer the same; no model name leaks.
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    return drf_exception_handler(exc, context)
