"""Transfer API routes, included under /api/v1/transfers/ on every centre's host."""

from __future__ import annotations

from django.urls import path

from transfers import api

urlpatterns = [
    path("outgoing/", api.OutgoingView.as_view(), name="api-transfers-outgoing"),
    path(
        "outgoing/<int:transfer_id>/",
        api.OutgoingDetailView.as_view(),
        name="api-transfers-outgoing-detail",
    ),
    path(
        "outgoing/<int:transfer_id>/cancel/",
        api.OutgoingCancelView.as_view(),
        name="api-transfers-outgoing-cancel",
    ),
    path(
        "outgoing/<int:transfer_id>/close-case/",
        api.OutgoingCloseCaseView.as_view(),
        name="api-transfers-outgoing-close-case",
    ),
    path("incoming/", api.IncomingView.as_view(), name="api-transfers-incoming"),
    path(
        "incoming/<int:transfer_id>/",
        api.IncomingDetailView.as_view(),
        name="api-transfers-incoming-detail",
    ),
    path(
        "incoming/<int:transfer_id>/accept/",
        api.IncomingAcceptView.as_view(),
        name="api-transfers-incoming-accept",
    ),
    path(
        "incoming/<int:transfer_id>/reject/",
        api.IncomingRejectView.as_view(),
        name="api-transfers-incoming-reject",
    ),
]
