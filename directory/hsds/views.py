"""The read-only HSDS 3.0 API, on the public portal and on every centre's host.

National entries are public: anyone may read them, signed in or not. A centre's local
entries appear only on that centre's own host and only to its signed-in members; never on
the public host or another centre's host.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.access import membership_for_request
from directory.hsds import serialize
from directory.models import (
    Attribute,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
PROFILE_URL = "https://docs.openreferral.org/en/3.0/hsds/overview.html"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


class BadQuery(ValueError):
    pass


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def api_view(view):
    """GET only; a bad query parameter answers 400 with a message instead of a 500."""

    @require_GET
    def wrapped(request: HttpRequest, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadQuery as error:
            return _json({"detail": str(error)}, status=400)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# --- who sees what -----------------------------------------------------------------------


def owner_scope(request: HttpRequest) -> Q:
    """National entries, plus this centre's local entries for its signed-in members."""
    scope = Q(owner_tenant__isnull=True)
    tenant = getattr(request, "tenant", None)
    if tenant is not None and membership_for_request(request) is not None:
        scope |= Q(owner_tenant=tenant)
    return scope


def visible_organizations(request: HttpRequest) -> QuerySet[Organization]:
    return Organization.objects.filter(owner_scope(request)).select_related("kentro_tenant")


def visible_services(request: HttpRequest) -> QuerySet[Service]:
    return Service.objects.filter(
        owner_scope(request),
        organization__in=visible_organizations(request),
    ).select_related("organization")


def visible_service_at_locations(request: HttpRequest) -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(
        service__in=visible_services(request),
        location__is_deleted=False,
    ).select_related("location", "service")


# --- query parameters --------------------------------------------------------------------


def _uuid(request: HttpRequest, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadQuery(_("%(name)s must be a UUID.") % {"name": name}) from None


def _bool(request: HttpRequest, name: str) -> bool:
    raw = (request.GET.get(name) or "").lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise BadQuery(_("%(name)s must be true or false.") % {"name": name})


def _int(request: HttpRequest, name: str, default: int) -> int:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise BadQuery(_("%(name)s must be a whole number from 1 up.") % {"name": name})
    return value


def _modified_after(request: HttpRequest) -> dt.datetime | None:
    raw = request.GET.get("modified_after")
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = dt.datetime.combine(day, dt.time.min) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadQuery(_("modified_after must be an ISO 8601 date or date and time."))
    return make_aware(moment) if is_naive(moment) else moment


def _plain(text: str) -> str:
    """Lower case without accents, as the services' search_text column keeps it."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _format(request: HttpRequest) -> None:
    if request.GET.get("format") not in (None, "", "json"):
        raise BadQuery(_("Only the json format is offered."))


# --- pages -------------------------------------------------------------------------------


def page(request: HttpRequest, items: QuerySet, render) -> JsonResponse:
    """The HSDS page wrapper around one page of `items`."""
    _format(request)
    per_page = min(_int(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
    number = _int(request, "page", 1)
    total = items.count()
    total_pages = max(1, math.ceil(total / per_page))
    chunk = list(items[(number - 1) * per_page : number * per_page])
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": number,
            "size": len(chunk),
            "first_page": number == 1,
            "last_page": number >= total_pages,
            "empty": not chunk,
            "contents": [render(item) for item in chunk],
        }
    )


# --- endpoints ---------------------------------------------------------------------------


@api_view
def root(request: HttpRequest) -> JsonResponse:
    """GET / — what this API is (HSDS version, profile, openapi description)."""
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": OPENAPI_URL,
            "description": _(
                "Kentro national directory of social services for Greek Community Centres."
            ),
            "publisher": {"name": "Kentro", "website": request.build_absolute_uri("/")},
        }
    )


def _by_terms(request: HttpRequest, qs: QuerySet, entity: str, link: str = "pk") -> QuerySet:
    term_id = _uuid(request, "taxonomy_term_id")
    taxonomy_id = _uuid(request, "taxonomy_id")
    if term_id is not None:
        linked = Attribute.objects.filter(link_entity=entity, taxonomy_term_id=term_id)
        qs = qs.filter(**{f"{link}__in": linked.values("link_id")})
    if taxonomy_id is not None:
        linked = Attribute.objects.filter(
            link_entity=entity, taxonomy_term__taxonomy_id=taxonomy_id
        )
        qs = qs.filter(**{f"{link}__in": linked.values("link_id")})
    return qs


def _filtered_services(request: HttpRequest, qs: QuerySet[Service]) -> QuerySet[Service]:
    search = _plain(request.GET.get("search", ""))
    if search:
        qs = qs.filter(search_text__contains=search)
    qs = _by_terms(request, qs, "service")
    organization_id = _uuid(request, "organization_id")
    if organization_id is not None:
        qs = qs.filter(organization_id=organization_id)
    modified_after = _modified_after(request)
    if modified_after is not None:
        qs = qs.filter(last_modified__gte=modified_after)
    return qs


@api_view
def services(request: HttpRequest) -> JsonResponse:
    """GET /services — paginated services; minimal=true gives id and modified date only."""
    qs = _filtered_services(request, visible_services(request)).order_by("name", "id")
    if _bool(request, "minimal"):
        return page(
            request,
            qs,
            lambda s: {"id": str(s.pk), "modified_date": s.last_modified.isoformat()},
        )
    full = _bool(request, "full")
    return page(request, qs, lambda s: serialize.service(s, full=full))


@api_view
def service_detail(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    """GET /services/{id} — a fully nested service."""
    found = visible_services(request).filter(pk=pk).first()
    if found is None:
        raise Http404
    return _json(serialize.service(found, full=True))


@api_view
def organizations(request: HttpRequest) -> JsonResponse:
    qs = visible_organizations(request)
    search = request.GET.get("search", "").strip()
    if search:
        qs = qs.filter(
            Q(name__unaccent__icontains=search) | Q(alternate_name__unaccent__icontains=search)
        )
    qs = _by_terms(request, qs, "organization")
    modified_after = _modified_after(request)
    if modified_after is not None:
        qs = qs.filter(last_modified__gte=modified_after)
    full = _bool(request, "full")
    return page(request, qs.order_by("name", "id"), lambda o: serialize.organization(o, full=full))


@api_view
def organization_detail(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    """GET /organizations/{id} — the organization with its locations and services."""
    found = visible_organizations(request).filter(pk=pk).first()
    if found is None:
        raise Http404
    offered = visible_services(request).filter(organization=found).order_by("name", "id")
    return _json(serialize.organization(found, full=True, services=offered))


@api_view
def taxonomies(request: HttpRequest) -> JsonResponse:
    qs = Taxonomy.objects.all()
    search = request.GET.get("search", "").strip()
    if search:
        qs = qs.filter(name__unaccent__icontains=search)
    return page(request, qs.order_by("name", "id"), serialize.taxonomy)


@api_view
def taxonomy_detail(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    found = Taxonomy.objects.filter(pk=pk).first()
    if found is None:
        raise Http404
    return _json(serialize.taxonomy(found))


@api_view
def taxonomy_terms(request: HttpRequest) -> JsonResponse:
    qs = TaxonomyTerm.objects.select_related("taxonomy")
    search = request.GET.get("search", "").strip()
    if search:
        qs = qs.filter(
            Q(name__unaccent__icontains=search)
            | Q(code__iexact=search)
            | Q(description__unaccent__icontains=search)
        )
    taxonomy_id = _uuid(request, "taxonomy_id")
    if taxonomy_id is not None:
        qs = qs.filter(taxonomy_id=taxonomy_id)
    parent_id = _uuid(request, "parent_id")
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if _bool(request, "top_only"):
        qs = qs.filter(parent__isnull=True)
    return page(request, qs.order_by("code", "name", "id"), serialize.taxonomy_term)


@api_view
def taxonomy_term_detail(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    found = TaxonomyTerm.objects.select_related("taxonomy").filter(pk=pk).first()
    if found is None:
        raise Http404
    return _json(serialize.taxonomy_term(found))


@api_view
def service_at_locations(request: HttpRequest) -> JsonResponse:
    qs = visible_service_at_locations(request)
    search = _plain(request.GET.get("search", ""))
    if search:
        qs = qs.filter(service__search_text__contains=search)
    qs = _by_terms(request, qs, "service", link="service_id")
    organization_id = _uuid(request, "organization_id")
    if organization_id is not None:
        qs = qs.filter(service__organization_id=organization_id)
    modified_after = _modified_after(request)
    if modified_after is not None:
        qs = qs.filter(last_modified__gte=modified_after)
    full = _bool(request, "full")
    return page(
        request, qs.order_by("id"), lambda sal: serialize.service_at_location(sal, full=full)
    )


@api_view
def service_at_location_detail(request: HttpRequest, pk: uuid.UUID) -> JsonResponse:
    found = visible_service_at_locations(request).filter(pk=pk).first()
    if found is None:
        raise Http404
    return _json(serialize.service_at_location(found, full=True))
