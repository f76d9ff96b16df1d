"""Registry pages: search, registration, the person's file, households, consent, case,
merge, audit and data-subject export."""

from __future__ import annotations

urlpatterns: list = []
