"""Referral pages on a centre's host (namespace `referrals`)."""

from __future__ import annotations

from django.urls import path

from casework.referrals import views

app_name = "referrals"
urlpatterns = [
    path("people/<int:person_id>/", views.person_referrals, name="person_referrals"),
    path("people/<int:person_id>/new/", views.referral_new, name="referral_new"),
    path("<int:referral_id>/", views.detail, name="detail"),
    path("<int:referral_id>/send/", views.send, name="send"),
    path("<int:referral_id>/act/", views.act, name="act"),
    path("<int:referral_id>/follow-up/", views.follow_up, name="follow_up"),
    path("<int:referral_id>/letter.pdf", views.letter, name="letter"),
    path("overdue/", views.overdue, name="overdue"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<uuid:envelope_id>/", views.inbox_detail, name="inbox_detail"),
    path("inbox/<uuid:envelope_id>/act/", views.inbox_act, name="inbox_act"),
    path(
        "inbox/<uuid:envelope_id>/documents/<int:document_id>/",
        views.inbox_document,
        name="inbox_document",
    ),
]
