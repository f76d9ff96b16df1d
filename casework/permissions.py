"""Who may do what in casework: one table of role × action, used by every page and API."""

from __future__ import annotations

from enum import StrEnum

from accounts.roles import Role


class Action(StrEnum):
    SEARCH_PEOPLE = "search_people"
    VIEW_PERSON = "view_person"
    REGISTER_PERSON = "register_person"
    EDIT_PERSON = "edit_person"
    MERGE_PEOPLE = "merge_people"
    MANAGE_CONSENT = "manage_consent"
    MANAGE_HOUSEHOLD = "manage_household"
    VIEW_CASE = "view_case"
    MANAGE_CASE = "manage_case"
    RECORD_CONTACT = "record_contact"
    RECORD_ANONYMOUS_REQUEST = "record_anonymous_request"
    ASSESS_NEEDS = "assess_needs"
    WRITE_SOCIAL_HISTORY = "write_social_history"
    MANAGE_SOCIAL_RESEARCH = "manage_social_research"
    MANAGE_PLAN = "manage_plan"
    RECORD_SERVICE = "record_service"
    READ_GENERAL_NOTES = "read_general_notes"
    WRITE_GENERAL_NOTE = "write_general_note"
    READ_PSYCHOLOGICAL_NOTES = "read_psychological_notes"
    WRITE_PSYCHOLOGICAL_NOTE = "write_psychological_note"
    READ_LEGAL_NOTES = "read_legal_notes"
    WRITE_LEGAL_NOTE = "write_legal_note"
    BREAK_GLASS = "break_glass"
    UPLOAD_DOCUMENT = "upload_document"
    DOWNLOAD_DOCUMENT = "download_document"
    VIEW_AUDIT = "view_audit"
    EXPORT_PERSON = "export_person"


C, SW, PSY, LAW = Role.COORDINATOR, Role.SOCIAL_WORKER, Role.PSYCHOLOGIST, Role.LAWYER
IM, ADM, PS = Role.INTERCULTURAL_MEDIATOR, Role.ADMINISTRATIVE, Role.PARTNER_STAFF
EVERYONE = frozenset({C, SW, PSY, LAW, IM, ADM, PS})
CASEWORKERS = frozenset({C, SW, PSY, LAW, IM, PS})

# Partner staff work like social workers, limited to their municipality's people
# (the limit is applied by casework.access, not here).
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.SEARCH_PEOPLE: EVERYONE,
    Action.VIEW_PERSON: EVERYONE,
    Action.REGISTER_PERSON: EVERYONE,
    Action.EDIT_PERSON: frozenset({C, SW, IM, ADM, PS}),
    Action.MERGE_PEOPLE: frozenset({C}),
    Action.MANAGE_CONSENT: frozenset({C, SW, IM, ADM, PS}),
    Action.MANAGE_HOUSEHOLD: frozenset({C, SW, ADM, PS}),
    Action.VIEW_CASE: CASEWORKERS,
    Action.MANAGE_CASE: frozenset({C, SW, PS}),
    Action.RECORD_CONTACT: EVERYONE,
    Action.RECORD_ANONYMOUS_REQUEST: EVERYONE,
    Action.ASSESS_NEEDS: frozenset({C, SW, PSY, PS}),
    Action.WRITE_SOCIAL_HISTORY: frozenset({C, SW, PS}),
    Action.MANAGE_SOCIAL_RESEARCH: frozenset({C, SW}),
    Action.MANAGE_PLAN: frozenset({C, SW, PSY, LAW, PS}),
    Action.RECORD_SERVICE: CASEWORKERS,
    Action.READ_GENERAL_NOTES: CASEWORKERS,
    Action.WRITE_GENERAL_NOTE: CASEWORKERS,
    Action.READ_PSYCHOLOGICAL_NOTES: frozenset({PSY}),
    Action.WRITE_PSYCHOLOGICAL_NOTE: frozenset({PSY}),
    Action.READ_LEGAL_NOTES: frozenset({LAW}),
    Action.WRITE_LEGAL_NOTE: frozenset({LAW}),
    Action.BREAK_GLASS: frozenset({C, SW}),
    Action.UPLOAD_DOCUMENT: EVERYONE,
    Action.DOWNLOAD_DOCUMENT: EVERYONE,
    Action.VIEW_AUDIT: frozenset({C}),
    Action.EXPORT_PERSON: frozenset({C}),
}


def role_may(role: str, action: Action) -> bool:
    return role in PERMISSIONS[action]
