"""Directory pages on a centre's host (namespace `directory`): search, local entries, proposals."""

from __future__ import annotations

urlpatterns: list = []
app_name = "directory"
