"""Registering people, finding them again, and merging duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from casework import audit
from casework.access import Actor, people_in_reach
from casework.identifiers import normalize_phone, validate_afm, validate_amka
from casework.models import AuditEvent, Beneficiary, Case, NeedsAssessment, SocialHistory
from casework.models.choices import CaseStatus, ClosureReason
from casework.permissions import Action
from casework.transliteration import elot743, normalize_for_search, search_keys

# How alike two names must be (pg_trgm word_similarity) to be shown as a possible duplicate.
DUPLICATE_NAME_SIMILARITY = 0.55

PERSON_FIELDS = [
    f.name
    for f in Beneficiary._meta.get_fields()
    if f.concrete
    and not f.auto_created
    and f.name
    not in {
        "registered_at",
        "registered_by",
        "updated_at",
        "merged_into",
        "anonymised_at",
        "search_text",
    }
]


class DuplicatePerson(ValidationError):
    """The ΑΜΚΑ or ΑΦΜ belongs to someone already registered: registration is blocked."""

    def __init__(self, existing: Beneficiary, identifier: str):
        self.existing = existing
        super().__init__(
            _("A person with this %(identifier)s is already registered.")
            % {"identifier": identifier},
            code="duplicate",
        )


@dataclass
class PossibleDuplicates(Exception):
    """People with a similar name and the same birth date: a warning to confirm past."""

    candidates: list[Beneficiary] = field(default_factory=list)


def compute_search_text(person: Beneficiary) -> str:
    names = " ".join(
        part for part in (person.first_name, person.last_name, person.father_name) if part
    )
    latin = " ".join(p for p in (person.first_name_latin, person.last_name_latin) if p)
    return " ".join(filter(None, [search_keys(names), normalize_for_search(latin)]))


def _clean_identifiers(data: dict[str, Any]) -> dict[str, Any]:
    """Validate identifiers by their check digits; raise one error per bad field."""
    errors: dict[str, list] = {}
    cleaned = dict(data)
    for name, validator in (("amka", validate_amka), ("afm", validate_afm)):
        value = (data.get(name) or "").strip()
        if not value:
            cleaned[name] = None
            continue
        try:
            cleaned[name] = validator(value)
        except ValidationError as error:
            errors[name] = error.messages
    phone = (data.get("phone") or "").strip()
    if phone:
        try:
            cleaned["phone"] = normalize_phone(phone)
        except ValidationError as error:
            errors["phone"] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_exact_duplicates(data: dict[str, Any], *, exclude_id: int | None = None) -> None:
    for name, label in (("amka", "ΑΜΚΑ"), ("afm", "ΑΦΜ")):
        value = data.get(name)
        if not value:
            continue
        existing = Beneficiary.objects.filter(**{name: value}).exclude(pk=exclude_id).first()
        if existing is not None:
            raise DuplicatePerson(existing.merged_into or existing, label)


def find_possible_duplicates(
    *, first_name: str, last_name: str, birth_date: date | None, exclude_id: int | None = None
) -> list[Beneficiary]:
    """Similar names (any script, accents, a typo or two) born on the same day."""
    if birth_date is None:
        return []
    query = normalize_for_search(f"{first_name} {last_name}")
    if not query:
        return []
    people = (
        Beneficiary.objects.filter(birth_date=birth_date, merged_into__isnull=True)
        .exclude(pk=exclude_id)
        .extra(  # noqa: S610  (parameterised; Django has no word_similarity expression)
            where=["word_similarity(%s, search_text) >= %s"],
            params=[query, DUPLICATE_NAME_SIMILARITY],
        )
    )
    return list(people[:10])


def _check_municipality(actor: Actor, data: dict[str, Any]) -> None:
    municipality = data.get("municipality")
    if municipality is None:
        raise ValidationError({"municipality": [_("The municipality of residence is required.")]})
    tenant = actor.membership.tenant
    if not tenant.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": [_("The centre does not serve this municipality.")]})
    if actor.municipality_id is not None and municipality.pk != actor.municipality_id:
        raise ValidationError(
            {"municipality": [_("You may register only residents of your municipality.")]}
        )
    registering_unit = data.get("unit")
    if registering_unit is not None and registering_unit.tenant_id != tenant.pk:
        raise ValidationError({"unit": [_("The unit belongs to another centre.")]})
    unit = data.get("municipal_unit")
    if unit is not None and unit.municipality_id != municipality.pk:
        raise ValidationError(
            {"municipal_unit": [_("The municipal unit is not in this municipality.")]}
        )


def _fill_latin_names(person: Beneficiary) -> None:
    if not person.first_name_latin:
        person.first_name_latin = elot743(person.first_name)
    if not person.last_name_latin:
        person.last_name_latin = elot743(person.last_name)


@transaction.atomic
def beneficiary_register(
    *, actor: Actor, data: dict[str, Any], confirm_not_duplicate: bool = False
) -> Beneficiary:
    """Register a person. Blocks a known ΑΜΚΑ/ΑΦΜ; warns about similar people unless confirmed."""
    actor.require(Action.REGISTER_PERSON)
    data = _clean_identifiers(data)
    _check_municipality(actor, data)
    _check_exact_duplicates(data)
    if not confirm_not_duplicate:
        candidates = find_possible_duplicates(
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            birth_date=data.get("birth_date"),
        )
        if candidates:
            raise PossibleDuplicates(candidates)
    person = Beneficiary(**{k: v for k, v in data.items() if k in PERSON_FIELDS})
    person.registered_by = actor.user
    if person.unit_id is None:
        person.unit = actor.membership.unit
    _fill_latin_names(person)
    person.search_text = compute_search_text(person)
    person.full_clean(exclude=["amka", "afm", "registered_by"])
    person.save()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.CREATE,
        obj=person,
        beneficiary_id=person.pk,
    )
    return person


@transaction.atomic
def beneficiary_update(*, actor: Actor, person: Beneficiary, data: dict[str, Any]) -> Beneficiary:
    actor.require(Action.EDIT_PERSON)
    data = _clean_identifiers({**{f: getattr(person, f) for f in PERSON_FIELDS}, **data})
    _check_municipality(actor, data)
    _check_exact_duplicates(data, exclude_id=person.pk)
    changed = sorted(k for k in data if k in PERSON_FIELDS and getattr(person, k) != data[k])
    for key in changed:
        setattr(person, key, data[key])
    if {"first_name", "last_name"} & set(changed):
        if "first_name_latin" not in changed:
            person.first_name_latin = ""
        if "last_name_latin" not in changed:
            person.last_name_latin = ""
    _fill_latin_names(person)
    person.search_text = compute_search_text(person)
    person.full_clean(exclude=["amka", "afm", "registered_by"])
    person.save()
    # The audit keeps which fields changed, not their values (no personal data twice).
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.UPDATE,
        obj=person,
        beneficiary_id=person.pk,
        detail={"fields": changed},
    )
    return person


DIGITS = re.compile(r"^[\d\s+\-()]+$")


def search_people(
    *,
    actor: Actor,
    query: str = "",
    unit_id: int | None = None,
    municipality_id: int | None = None,
    target_group: str = "",
    caseworker_id: int | None = None,
    case_status: str = "",
) -> QuerySet[Beneficiary]:
    """One box: any part of a name in either script, with or without accents; ΑΜΚΑ, ΑΦΜ or
    phone. Filters narrow the result. The search itself is audited."""
    actor.require(Action.SEARCH_PEOPLE)
    people = people_in_reach(actor)
    query = query.strip()
    if query and DIGITS.match(query):
        digits = re.sub(r"\D", "", query)
        conditions = Q(amka=digits) | Q(afm=digits.zfill(9)) | Q(phone__endswith=digits[-10:])
        people = people.filter(conditions)
    elif query:
        for word in normalize_for_search(query).split():
            people = people.filter(search_text__contains=word)
    if unit_id:
        people = people.filter(Q(unit_id=unit_id) | Q(cases__unit_id=unit_id))
    if municipality_id:
        people = people.filter(municipality_id=municipality_id)
    if target_group:
        people = people.filter(target_groups__contains=[target_group])
    if caseworker_id:
        people = people.filter(cases__caseworkers=caseworker_id)
    if case_status:
        people = people.filter(cases__status=case_status)
    if unit_id or caseworker_id or case_status:
        people = people.distinct()
    audit.record(
        request=actor.request,
        user=actor.user,
        action=AuditEvent.Action.SEARCH,
        object_type="beneficiary",
        detail={"has_query": bool(query)},
    )
    return people.order_by("last_name", "first_name", "id")


# Tables whose rows follow a person when two records are merged.
_FOLLOWING = [
    ("contacts", "beneficiary"),
    ("services", "beneficiary"),
    ("notes", "beneficiary"),
    ("documents", "beneficiary"),
    ("consents", "beneficiary"),
    ("plans", "beneficiary"),
    ("social_research", "beneficiary"),
    ("household_memberships", "beneficiary"),
    ("headed_households", "head"),
    ("break_glass_accesses", "beneficiary"),
]


@transaction.atomic
def beneficiaries_merge(*, actor: Actor, keep: Beneficiary, duplicate: Beneficiary) -> Beneficiary:
    """Merge `duplicate` into `keep`. Nothing is lost: all history moves to `keep`, blank
    fields are filled from the duplicate, and the duplicate forwards to `keep`."""
    actor.require(Action.MERGE_PEOPLE)
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A record cannot be merged with itself."))
    if duplicate.merged_into_id or keep.merged_into_id:
        raise ValidationError(_("One of the records has already been merged."))
    for relation, field_name in _FOLLOWING:
        getattr(duplicate, relation).update(**{field_name: keep})
    _merge_versions(NeedsAssessment, keep, duplicate)
    _merge_versions(SocialHistory, keep, duplicate)
    _merge_cases(keep, duplicate)

    identifiers = {name: getattr(duplicate, name) for name in ("amka", "afm")}
    duplicate.amka = duplicate.afm = None
    duplicate.merged_into = keep
    duplicate.save(update_fields=["amka", "afm", "merged_into"])
    for name in PERSON_FIELDS:
        value = identifiers.get(name, getattr(duplicate, name))
        if value and not getattr(keep, name):
            setattr(keep, name, value)
    keep.target_groups = sorted(set(keep.target_groups) | set(duplicate.target_groups))
    keep.search_text = compute_search_text(keep)
    keep.save()
    for person in (keep, duplicate):
        audit.record(
            request=actor.request,
            user=actor.user,
            action=AuditEvent.Action.MERGE,
            obj=person,
            beneficiary_id=person.pk,
            detail={"kept": keep.pk, "merged": duplicate.pk},
        )
    return keep


def _merge_versions(model, keep: Beneficiary, duplicate: Beneficiary) -> None:
    """Versioned records of the duplicate continue after the kept record's latest version."""
    latest = model.objects.filter(beneficiary=keep).order_by("-version").first()
    offset = latest.version if latest else 0
    for record in model.objects.filter(beneficiary=duplicate).order_by("version"):
        model.objects.filter(pk=record.pk).update(beneficiary=keep, version=record.version + offset)


def _merge_cases(keep: Beneficiary, duplicate: Beneficiary) -> None:
    keep_has_open = Case.objects.filter(beneficiary=keep).exclude(status=CaseStatus.CLOSED).exists()
    for case in Case.objects.filter(beneficiary=duplicate):
        if case.status != CaseStatus.CLOSED and keep_has_open:
            case.status = CaseStatus.CLOSED
            case.closed_on = timezone.localdate()
            case.closure_reason = ClosureReason.OTHER
        case.beneficiary = keep
        case.save()
