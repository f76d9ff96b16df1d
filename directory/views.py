"""Directory pages on a centre's host: search, a service, the centre's local entries."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import membership_for_request
from directory import services as directory_services
from directory.forms import NoteForm, SearchForm, ServiceForm
from directory.models import Organization, Service
from directory.search import search_services, visible_services
from directory.services import Editor
from kentro.forms import show_service_errors


def centre_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Members of the host's centre only; anyone else gets the sign-in page or a 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = membership_for_request(request)
        if membership is None or membership.tenant_id is None:
            raise Http404
        request.directory_editor = Editor(request.user, membership.tenant)
        return view(request, *args, **kwargs)

    return wrapper


def _can_edit(request: HttpRequest) -> bool:
    editor = request.directory_editor
    return directory_services.is_local_editor(editor.user, editor.tenant)


def _service_for(request: HttpRequest, service_id) -> Service:
    """A service this centre may see: national or its own local one (else 404)."""
    service = (
        visible_services(request.directory_editor.tenant)
        .select_related("organization", "owner_tenant")
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        raise Http404
    return service


def _own_local(request: HttpRequest, service_id) -> Service:
    service = _service_for(request, service_id)
    if service.owner_tenant_id != request.directory_editor.tenant.pk:
        raise Http404
    return service


@centre_view
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None, default_municipality=request.municipality)
    results = None
    if form.is_bound and form.is_valid():
        try:
            page = max(1, int(request.GET.get("page", "1")))
        except ValueError:
            page = 1
        results = search_services(
            tenant=request.directory_editor.tenant, page=page, **form.search_arguments()
        )
    return render(
        request,
        "directory/search.html",
        {
            "form": form,
            "results": results,
            "person": request.GET.get("person", "")
            if request.GET.get("person", "").isdigit()
            else "",
            "can_edit": _can_edit(request),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@centre_view
@require_safe
def service_detail(request: HttpRequest, service_id) -> HttpResponse:
    service = _service_for(request, service_id)
    person = request.GET.get("person", "")
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": service,
            "terms": directory_services._service_terms(service),
            "person": person if person.isdigit() else "",
            "is_own": service.owner_tenant_id == request.directory_editor.tenant.pk,
            "can_edit": _can_edit(request),
            "note_form": NoteForm(),
        },
    )


@centre_view
@require_safe
def local_list(request: HttpRequest) -> HttpResponse:
    tenant = request.directory_editor.tenant
    services = Service.objects.filter(
        Q(owner_tenant=tenant) | Q(proposed_by_tenant=tenant)
    ).select_related("organization")
    return render(
        request,
        "directory/local_list.html",
        {"services": services, "can_edit": _can_edit(request)},
    )


def _local_organizations(tenant):
    return Organization.objects.filter(Q(owner_tenant__isnull=True) | Q(owner_tenant=tenant))


@centre_view
@require_http_methods(["GET", "POST"])
def local_edit(request: HttpRequest, service_id=None) -> HttpResponse:
    """Add (no id) or change one of the centre's local services."""
    editor = request.directory_editor
    if not _can_edit(request):
        raise PermissionDenied(
            _("Only the centre's coordinator and social workers may add local entries.")
        )
    service = _own_local(request, service_id) if service_id else None
    return _service_form_page(
        request,
        editor=editor,
        service=service,
        organizations=_local_organizations(editor.tenant),
        template="directory/local_form.html",
        done=lambda s: redirect("directory:service_detail", service_id=s.pk),
    )


def _service_form_page(request, *, editor, service, organizations, template, done):
    initial = {}
    if service is not None:
        initial = {
            "terms": directory_services._service_terms(service),
            "languages": ", ".join(sorted(service.languages.values_list("code", flat=True))),
            "phone": getattr(service.phones.first(), "number", ""),
            **_area_initial(service),
        }
    form = ServiceForm(
        request.POST or None,
        instance=service,
        initial=initial,
        organizations=organizations,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                service = _save(editor, service, form)
            except (ValidationError, PermissionDenied) as error:
                if isinstance(error, PermissionDenied):
                    raise
                show_service_errors(form, error)
            else:
                messages.success(request, _("The service was saved."))
                return done(service)
    log = directory_services.change_log(service)[:50] if service is not None else []
    return render(request, template, {"form": form, "service": service, "log": log}, status=status)


def _area_initial(service: Service) -> dict[str, Any]:
    area = service.service_areas.first()
    if area is None:
        return {"area_scope": "national"}
    return {
        "area_scope": area.scope,
        "area_region": area.region_id,
        "area_regional_unit": area.regional_unit_id,
        "area_municipality": area.municipality_id,
    }


def _save(editor: Editor, service: Service | None, form: ServiceForm) -> Service:
    data = form.cleaned_data
    extras = {
        "terms": list(data["terms"]),
        "areas": [form.area()],
        "languages": data["languages"],
        "phone": data["phone"],
    }
    if service is not None:
        return directory_services.service_update(
            editor=editor, service=service, data=form.service_data(), **extras
        )
    organization = data.get("organization")
    if organization is None:
        organization = directory_services.organization_create(
            editor=editor, data={"name": data["new_organization"]}
        )
    return directory_services.service_create(
        editor=editor, organization=organization, data=form.service_data(), **extras
    )


@centre_view
@require_POST
def local_delete(request: HttpRequest, service_id) -> HttpResponse:
    service = _own_local(request, service_id)
    directory_services.record_delete(editor=request.directory_editor, record=service)
    messages.success(request, _("The service was deleted."))
    return redirect("directory:local_list")


@centre_view
@require_POST
def local_propose(request: HttpRequest, service_id) -> HttpResponse:
    service = _own_local(request, service_id)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        directory_services.service_propose(
            editor=request.directory_editor, service=service, note=note
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The service was proposed for national listing."))
    return redirect("directory:service_detail", service_id=service.pk)
