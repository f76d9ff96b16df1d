"""Daily work pages: timeline, reception, assessments, plans, services, notes, documents."""

from __future__ import annotations

urlpatterns: list = []
