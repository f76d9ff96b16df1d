"""HSDS 3.0 API routes (served under /hsds/ on the public host and every centre host)."""

from __future__ import annotations

urlpatterns: list = []
