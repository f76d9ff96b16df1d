"""Writing the directory: who may edit which entry, and the change log of every edit.

Two kinds of editor:
- directory editors (public role DIRECTORY_EDITOR) maintain national entries
  (owner_tenant empty) on the public portal and decide on proposals;
- a centre's coordinator and social workers maintain their centre's local entries
  (owner_tenant = the centre), visible to that centre alone, and may propose one for
  national listing.

Every change writes HSDS metadata rows (one per field: who, when, old, new) in the same
transaction, and refreshes the service's search columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from accounts.roles import Role
from directory.models import (
    Attribute,
    Language,
    Metadata,
    Organization,
    Phone,
    ProposalStatus,
    Service,
    ServiceArea,
    TaxonomyTerm,
)
from directory.search import reindex_services
from geography.models import Municipality, Region, RegionalUnit

# Centre roles that may add and edit their centre's local entries.
LOCAL_EDITOR_ROLES = frozenset({Role.COORDINATOR, Role.SOCIAL_WORKER})

ORGANIZATION_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "tax_id",
    "legal_status",
    "is_sample",
    "sample_note",
)
SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "alert",
    "is_sample",
    "sample_note",
)


@dataclass(frozen=True)
class Area:
    """One service area: the whole country or one Kallikratis unit."""

    scope: str
    unit: Region | RegionalUnit | Municipality | None = None

    @property
    def key(self) -> str:
        return f"{self.scope}:{self.unit.code}" if self.unit is not None else self.scope


@dataclass(frozen=True)
class Editor:
    """Who is editing, and for whom: `tenant` None means the national directory."""

    user: User
    tenant: Any = None

    @property
    def label(self) -> str:
        return self.user.email


# --- permissions -------------------------------------------------------------------------


def is_directory_editor(user: User) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and Membership.objects.filter(
            user=user, tenant__isnull=True, is_active=True, role=Role.DIRECTORY_EDITOR
        ).exists()
    )


def is_local_editor(user: User, tenant) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and Membership.objects.filter(
            user=user, tenant=tenant, is_active=True, role__in=LOCAL_EDITOR_ROLES
        ).exists()
    )


def _require_editor(editor: Editor) -> None:
    if editor.tenant is None:
        if not is_directory_editor(editor.user):
            raise PermissionDenied(_("Only directory editors may change the national directory."))
        return
    if not is_local_editor(editor.user, editor.tenant):
        raise PermissionDenied(
            _("Only the centre's coordinator and social workers may add local entries.")
        )


def _require_owner(editor: Editor, record: Organization | Service) -> None:
    """An editor touches national entries; a centre touches its own local entries only."""
    _require_editor(editor)
    if editor.tenant is None:
        if record.owner_tenant_id is not None:
            raise PermissionDenied(_("This is a centre's local entry."))
        return
    if record.owner_tenant_id != editor.tenant.pk:
        raise PermissionDenied(_("Only the centre's own local entries can be edited here."))


# --- change log --------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def _log(
    editor: Editor,
    record: models.Model,
    action: str,
    field: str = "",
    old: Any = "",
    new: Any = "",
) -> None:
    Metadata.objects.create(
        resource_id=record.pk,
        resource_type=record._meta.model_name,
        last_action_type=action,
        field_name=field,
        previous_value=_text(old),
        replacement_value=_text(new),
        updated_by=editor.label,
        user=editor.user,
        tenant=editor.tenant,
    )


def _apply(
    editor: Editor, record: models.Model, data: Mapping[str, Any], allowed: Iterable[str]
) -> None:
    """Set the allowed fields, validate, save, and log each field that changed."""
    allowed = tuple(allowed)
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(unknown)})
    creating = record._state.adding
    changes: list[tuple[str, Any, Any]] = []
    for name, value in data.items():
        old = getattr(record, name)
        if value is None and record._meta.get_field(name).empty_strings_allowed:
            value = ""
        if creating or old != value:
            setattr(record, name, value)
            if not (creating and value in ("", None, False)):
                changes.append((name, "" if creating else old, value))
    record.full_clean(exclude=["organization", "owner_tenant", "kentro_tenant"])
    if (
        isinstance(record, Service)
        and record.minimum_age is not None
        and record.maximum_age is not None
        and record.minimum_age > record.maximum_age
    ):
        raise ValidationError(
            {"maximum_age": _("The maximum age cannot be lower than the minimum age.")}
        )
    if not creating and not changes:
        return
    record.save()
    action = Metadata.Action.CREATE if creating else Metadata.Action.UPDATE
    if creating:
        _log(editor, record, action, "id", "", record.pk)
    for name, old, new in changes:
        _log(editor, record, action, name, old, new)


# --- organizations -----------------------------------------------------------------------


@transaction.atomic
def organization_create(
    *, editor: Editor, data: Mapping[str, Any], kentro_tenant=None
) -> Organization:
    _require_editor(editor)
    organization = Organization(owner_tenant=editor.tenant, kentro_tenant=kentro_tenant)
    _apply(editor, organization, data, ORGANIZATION_FIELDS)
    if kentro_tenant is not None:
        _log(editor, organization, Metadata.Action.CREATE, "kentro_tenant", "", kentro_tenant)
    return organization


@transaction.atomic
def organization_update(
    *, editor: Editor, organization: Organization, data: Mapping[str, Any]
) -> Organization:
    _require_owner(editor, organization)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    _apply(editor, organization, data, ORGANIZATION_FIELDS)
    reindex_services(organization.services.values_list("id", flat=True))
    return organization


# --- services ----------------------------------------------------------------------------


def _service_terms(service: Service) -> list[TaxonomyTerm]:
    return list(
        TaxonomyTerm.objects.filter(
            id__in=Attribute.objects.filter(link_entity="service", link_id=service.pk).values(
                "taxonomy_term_id"
            )
        ).order_by("code", "name")
    )


def _set_terms(editor: Editor, service: Service, terms: Iterable[TaxonomyTerm]) -> None:
    wanted = {term.pk: term for term in terms}
    current = {
        attribute.taxonomy_term_id: attribute
        for attribute in Attribute.objects.filter(link_entity="service", link_id=service.pk)
    }
    if set(wanted) == set(current):
        return
    old = ", ".join(sorted(t.code or t.name for t in _service_terms(service)))
    now = timezone.now()
    for term_id, attribute in current.items():
        if term_id not in wanted:
            attribute.is_deleted, attribute.deleted_at = True, now
            attribute.save(update_fields=["is_deleted", "deleted_at", "last_modified"])
    for term_id, term in wanted.items():
        if term_id not in current:
            Attribute.objects.create(
                link_id=service.pk,
                link_entity="service",
                link_type="service_category",
                taxonomy_term=term,
            )
    new = ", ".join(sorted(t.code or t.name for t in wanted.values()))
    _log(editor, service, Metadata.Action.UPDATE, "taxonomy_terms", old, new)


def _set_areas(editor: Editor, service: Service, areas: Iterable[Area]) -> None:
    wanted = {area.key: area for area in areas}
    current = {_area_of(row).key: row for row in ServiceArea.objects.filter(service=service)}
    if set(wanted) == set(current):
        return
    now = timezone.now()
    for key, row in current.items():
        if key not in wanted:
            row.is_deleted, row.deleted_at = True, now
            row.save(update_fields=["is_deleted", "deleted_at", "last_modified"])
    for key, area in wanted.items():
        if key not in current:
            row = ServiceArea(service=service, scope=area.scope)
            if area.scope != ServiceArea.Scope.NATIONAL:
                if area.unit is None:
                    raise ValidationError(_("Choose the area the service covers."))
                setattr(row, area.scope, area.unit)
            row.name = str(area.unit) if area.unit is not None else "Ελλάδα"
            row.full_clean()
            row.save()
    _log(
        editor,
        service,
        Metadata.Action.UPDATE,
        "service_areas",
        ", ".join(sorted(current)),
        ", ".join(sorted(wanted)),
    )


def _area_of(row: ServiceArea) -> Area:
    unit = row.region or row.regional_unit or row.municipality
    return Area(scope=row.scope, unit=unit)


def _set_languages(editor: Editor, service: Service, codes: Iterable[str]) -> None:
    wanted = {code.strip().lower() for code in codes if code.strip()}
    current = {row.code: row for row in Language.objects.filter(service=service)}
    if wanted == set(current):
        return
    now = timezone.now()
    for code, row in current.items():
        if code not in wanted:
            row.is_deleted, row.deleted_at = True, now
            row.save(update_fields=["is_deleted", "deleted_at", "last_modified"])
    for code in sorted(wanted - set(current)):
        Language.objects.create(service=service, code=code)
    _log(
        editor,
        service,
        Metadata.Action.UPDATE,
        "languages",
        ", ".join(sorted(current)),
        ", ".join(sorted(wanted)),
    )


def _set_phone(editor: Editor, service: Service, number: str) -> None:
    number = number.strip()
    phone = Phone.objects.filter(service=service).order_by("created_at").first()
    old = phone.number if phone else ""
    if number == old:
        return
    if phone is not None and not number:
        phone.is_deleted, phone.deleted_at = True, timezone.now()
        phone.save(update_fields=["is_deleted", "deleted_at", "last_modified"])
    elif phone is not None:
        phone.number = number
        phone.save(update_fields=["number", "last_modified"])
    else:
        Phone.objects.create(service=service, number=number)
    _log(editor, service, Metadata.Action.UPDATE, "phone", old, number)


@transaction.atomic
def service_create(
    *,
    editor: Editor,
    organization: Organization,
    data: Mapping[str, Any],
    terms: Iterable[TaxonomyTerm] = (),
    areas: Iterable[Area] = (),
    languages: Iterable[str] = (),
    phone: str = "",
) -> Service:
    """A national service (editor) or a local one of the editor's centre.

    A local service may belong to a national organization or to the centre's own.
    """
    _require_editor(editor)
    if organization.owner_tenant_id is not None and (
        editor.tenant is None or organization.owner_tenant_id != editor.tenant.pk
    ):
        raise PermissionDenied(_("This organization is another centre's local entry."))
    service = Service(organization=organization, owner_tenant=editor.tenant)
    _apply(editor, service, data, SERVICE_FIELDS)
    _log(editor, service, Metadata.Action.CREATE, "organization_id", "", organization.pk)
    _set_terms(editor, service, terms)
    _set_areas(editor, service, areas)
    _set_languages(editor, service, languages)
    if phone:
        _set_phone(editor, service, phone)
    reindex_services([service.pk])
    return service


@transaction.atomic
def service_update(
    *,
    editor: Editor,
    service: Service,
    data: Mapping[str, Any],
    terms: Iterable[TaxonomyTerm] | None = None,
    areas: Iterable[Area] | None = None,
    languages: Iterable[str] | None = None,
    phone: str | None = None,
) -> Service:
    """Change what is given; None leaves terms, areas, languages or phone as they are."""
    _require_owner(editor, service)
    service = Service.objects.select_for_update().get(pk=service.pk)
    _apply(editor, service, data, SERVICE_FIELDS)
    if terms is not None:
        _set_terms(editor, service, terms)
    if areas is not None:
        _set_areas(editor, service, areas)
    if languages is not None:
        _set_languages(editor, service, languages)
    if phone is not None:
        _set_phone(editor, service, phone)
    reindex_services([service.pk])
    return service


@transaction.atomic
def record_delete(*, editor: Editor, record: Organization | Service) -> None:
    """Soft delete: referrals in centres' schemas keep pointing at the row."""
    _require_owner(editor, record)
    if isinstance(record, Organization) and record.services.exists():
        raise ValidationError(_("Delete the organization's services first."))
    record.is_deleted, record.deleted_at = True, timezone.now()
    record.save(update_fields=["is_deleted", "deleted_at", "last_modified"])
    _log(editor, record, Metadata.Action.DELETE, "is_deleted", False, True)


# --- proposals ---------------------------------------------------------------------------


@transaction.atomic
def service_propose(*, editor: Editor, service: Service, note: str = "") -> Service:
    """A centre asks for its local service to be listed nationally."""
    if editor.tenant is None:
        raise PermissionDenied(_("Only a centre proposes its local entries."))
    _require_owner(editor, service)
    if service.proposal_status == ProposalStatus.PROPOSED:
        raise ValidationError(_("This service has already been proposed."))
    old = service.proposal_status
    service.proposal_status = ProposalStatus.PROPOSED
    service.proposed_at, service.proposed_by = timezone.now(), editor.user
    service.proposed_by_tenant = editor.tenant
    service.proposal_note = note.strip()
    service.save()
    _log(editor, service, Metadata.Action.PROPOSE, "proposal_status", old, service.proposal_status)
    return service


def pending_proposals() -> models.QuerySet[Service]:
    return Service.objects.filter(proposal_status=ProposalStatus.PROPOSED).select_related(
        "organization", "owner_tenant"
    )


def _decide(editor: Editor, service: Service) -> Service:
    if editor.tenant is not None or not is_directory_editor(editor.user):
        raise PermissionDenied(_("Only directory editors decide on proposals."))
    service = Service.objects.select_for_update().get(pk=service.pk)
    if service.proposal_status != ProposalStatus.PROPOSED:
        raise ValidationError(_("This service is not awaiting a decision."))
    return service


@transaction.atomic
def proposal_approve(*, editor: Editor, service: Service) -> Service:
    """The local service (and its local organization) becomes a national entry."""
    service = _decide(editor, service)
    owner = service.owner_tenant
    service.proposal_status = ProposalStatus.APPROVED
    service.proposal_decided_at, service.proposal_decided_by = timezone.now(), editor.user
    service.owner_tenant = None
    service.save()
    _log(editor, service, Metadata.Action.APPROVE, "owner_tenant", owner, "")
    organization = service.organization
    if organization.owner_tenant_id is not None:
        organization.owner_tenant = None
        organization.save(update_fields=["owner_tenant", "last_modified"])
        _log(editor, organization, Metadata.Action.APPROVE, "owner_tenant", owner, "")
    return service


@transaction.atomic
def proposal_reject(*, editor: Editor, service: Service, reason: str) -> Service:
    """The service stays local to its centre; the reason is kept for the centre to read."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for rejecting the proposal.")})
    service = _decide(editor, service)
    service.proposal_status = ProposalStatus.REJECTED
    service.proposal_decided_at, service.proposal_decided_by = timezone.now(), editor.user
    service.proposal_note = reason.strip()
    service.save()
    _log(editor, service, Metadata.Action.REJECT, "proposal_status", "proposed", "rejected")
    return service


def change_log(record: models.Model) -> models.QuerySet[Metadata]:
    return Metadata.objects.filter(resource_id=record.pk).select_related("user")
