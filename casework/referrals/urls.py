"""Referral pages on a centre's host (namespace `referrals`)."""

from __future__ import annotations

urlpatterns: list = []
app_name = "referrals"
