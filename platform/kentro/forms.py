"""What every form page of Kentro shares."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import BaseForm


def show_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Put a service function's ValidationError on the form that fed it: each message on
    the field it names when the form has that field, otherwise at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
