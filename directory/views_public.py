"""Directory pages on the public portal: directory editors maintain national entries."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from directory import services as directory_services
from directory.forms import ReasonForm
from directory.models import Organization, Service
from directory.search import search_services
from directory.services import Editor
from directory.views import _service_form_page
from kentro.forms import show_service_errors


def editor_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Directory editors only: others are sent to sign in, or refused (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not directory_services.is_directory_editor(request.user):
            raise PermissionDenied(_("Only directory editors may change the national directory."))
        request.directory_editor = Editor(request.user, None)
        return view(request, *args, **kwargs)

    return wrapper


def _national(service_id) -> Service:
    service = Service.objects.filter(pk=service_id, owner_tenant__isnull=True).first()
    if service is None:
        raise Http404
    return service


@editor_view
@require_safe
def national_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    results = search_services(tenant=None, query=query, statuses=(), page=page)
    return render(
        request,
        "directory/public/list.html",
        {
            "results": results,
            "query": query,
            "proposals": directory_services.pending_proposals().count(),
        },
    )


@editor_view
@require_http_methods(["GET", "POST"])
def national_edit(request: HttpRequest, service_id=None) -> HttpResponse:
    service = _national(service_id) if service_id else None
    return _service_form_page(
        request,
        editor=request.directory_editor,
        service=service,
        organizations=Organization.objects.filter(owner_tenant__isnull=True),
        template="directory/public/form.html",
        done=lambda s: redirect("directory:national_edit", service_id=s.pk),
    )


@editor_view
@require_POST
def national_delete(request: HttpRequest, service_id) -> HttpResponse:
    service = _national(service_id)
    directory_services.record_delete(editor=request.directory_editor, record=service)
    messages.success(request, _("The service was deleted."))
    return redirect("directory:national_list")


@editor_view
@require_safe
def proposals(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/public/proposals.html",
        {"proposals": directory_services.pending_proposals(), "reject_form": ReasonForm()},
    )


def _proposed(service_id) -> Service:
    service = directory_services.pending_proposals().filter(pk=service_id).first()
    if service is None:
        raise Http404
    return service


@editor_view
@require_POST
def proposal_approve(request: HttpRequest, service_id) -> HttpResponse:
    service = _proposed(service_id)
    directory_services.proposal_approve(editor=request.directory_editor, service=service)
    messages.success(request, _("The service is now listed nationally."))
    return redirect("directory:proposals")


@editor_view
@require_POST
def proposal_reject(request: HttpRequest, service_id) -> HttpResponse:
    service = _proposed(service_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            directory_services.proposal_reject(
                editor=request.directory_editor, service=service, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The proposal was rejected."))
            return redirect("directory:proposals")
    return render(
        request,
        "directory/public/proposals.html",
        {
            "proposals": directory_services.pending_proposals(),
            "reject_form": form,
            "rejecting": service,
        },
        status=400,
    )
