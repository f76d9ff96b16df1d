"""Referral API routes, included under /api/v1/."""

from __future__ import annotations

from django.urls import path

from casework.referrals import api

REFERRAL = "referrals/<int:referral_id>/"

urlpatterns = [
    path(
        "people/<int:person_id>/referrals/",
        api.PersonReferralsView.as_view(),
        name="api-referrals-person",
    ),
    path("referrals/overdue/", api.OverdueView.as_view(), name="api-referrals-overdue"),
    path("referrals/inbox/", api.InboxView.as_view(), name="api-referrals-inbox"),
    path(
        "referrals/inbox/<uuid:envelope_id>/",
        api.InboxItemView.as_view(),
        name="api-referrals-inbox-item",
    ),
    path(
        "referrals/inbox/<uuid:envelope_id>/answer/",
        api.InboxAnswerView.as_view(),
        name="api-referrals-inbox-answer",
    ),
    path(
        "referrals/<int:referral_id>/",
        api.ReferralDetailView.as_view(),
        name="api-referrals-detail",
    ),
    path(
        "referrals/<int:referral_id>/send/",
        api.ReferralSendView.as_view(),
        name="api-referrals-send",
    ),
    path(
        "referrals/<int:referral_id>/act/", api.ReferralActView.as_view(), name="api-referrals-act"
    ),
    path(
        f"{REFERRAL}letter/",
        api.ReferralLetterView.as_view(),
        name="api-referrals-letter",
    ),
]
