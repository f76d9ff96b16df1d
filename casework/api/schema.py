"""Vocabularies named in the OpenAPI schema (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).

The same vocabulary appears under several field names (`need` and `domain` are both need
domains) and different vocabularies under one name (`status`, `kind`): naming them keeps
the schema's components stable and readable.
"""

from __future__ import annotations

from casework.models import PlanStep
from casework.models.choices import CaseStatus, NeedDomain, NoteKind, ServiceKind

CASE_STATUS = CaseStatus.choices
PLAN_STEP_STATUS = PlanStep.Status.choices
NEED_DOMAIN = NeedDomain.choices
NOTE_KIND = NoteKind.choices
SERVICE_KIND = ServiceKind.choices
