"""HSDS 3.0 API routes (served under /hsds/ on the public host and every centre host)."""

from __future__ import annotations

from django.urls import path

from directory.hsds import views

app_name = "hsds"

urlpatterns = [
    path("", views.root, name="root"),
    path("services", views.services, name="services"),
    path("services/<uuid:pk>", views.service_detail, name="service"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<uuid:pk>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<uuid:pk>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:pk>", views.taxonomy_term_detail, name="taxonomy_term"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<uuid:pk>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
]
