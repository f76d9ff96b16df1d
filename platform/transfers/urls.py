"""Transfer pages on a centre's host (namespace `transfers`)."""

from __future__ import annotations

urlpatterns: list = []
app_name = "transfers"
