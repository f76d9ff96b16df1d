"""Directory pages on the public portal (namespace `directory`): national editing, proposals."""

from __future__ import annotations

from django.urls import path

from directory import views_public as views

app_name = "directory"
urlpatterns = [
    path("", views.national_list, name="national_list"),
    path("services/new/", views.national_edit, name="national_new"),
    path("services/<uuid:service_id>/", views.national_edit, name="national_edit"),
    path("services/<uuid:service_id>/delete/", views.national_delete, name="national_delete"),
    path("proposals/", views.proposals, name="proposals"),
    path("proposals/<uuid:service_id>/approve/", views.proposal_approve, name="proposal_approve"),
    path("proposals/<uuid:service_id>/reject/", views.proposal_reject, name="proposal_reject"),
]
