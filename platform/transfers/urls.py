"""Transfer pages on a centre's host (namespace `transfers`), mounted at /transfers/.

The API twins live under /api/v1/transfers/ (transfers.api_urls): the membership
middleware leaves /api/ to DRF's token authentication, which a path under /transfers/
would not get.
"""

from __future__ import annotations

from django.urls import path

from transfers import views

app_name = "transfers"
urlpatterns = [
    path("", views.transfer_list, name="list"),
    path("people/<int:person_id>/new/", views.transfer_start, name="transfer_start"),
    path("outgoing/<int:transfer_id>/", views.outgoing, name="outgoing"),
    path("outgoing/<int:transfer_id>/cancel/", views.outgoing_cancel, name="outgoing_cancel"),
    path(
        "outgoing/<int:transfer_id>/close-case/",
        views.outgoing_close_case,
        name="outgoing_close_case",
    ),
    path("incoming/<int:transfer_id>/", views.incoming, name="incoming"),
    path("incoming/<int:transfer_id>/accept/", views.incoming_accept, name="incoming_accept"),
    path("incoming/<int:transfer_id>/reject/", views.incoming_reject, name="incoming_reject"),
]
