"""Directory pages on a centre's host (namespace `directory`): search, local entries, proposals."""

from __future__ import annotations

from django.urls import path

from directory import views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_detail, name="service_detail"),
    path("local/", views.local_list, name="local_list"),
    path("local/new/", views.local_edit, name="local_new"),
    path("local/<uuid:service_id>/edit/", views.local_edit, name="local_edit"),
    path("local/<uuid:service_id>/delete/", views.local_delete, name="local_delete"),
    path("local/<uuid:service_id>/propose/", views.local_propose, name="local_propose"),
]
