"""Directory pages on the public portal (namespace `directory`): national editing, proposals."""

from __future__ import annotations

urlpatterns: list = []
app_name = "directory"
