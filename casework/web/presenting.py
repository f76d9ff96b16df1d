"""Turning stored values into what a person reads: labels, choice names, d/m/Y dates.

Used by the person's page, the side-by-side merge page and the printable export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from django_countries.fields import Country, CountryField

from accounts.models import User
from casework.models import (
    SPECIAL_CATEGORY_FIELDS,
    ActionPlan,
    Beneficiary,
    Case,
    ConsentRecord,
    Contact,
    Document,
    HouseholdMember,
    NeedsAssessment,
    NeedScore,
    Note,
    PlanGoal,
    PlanReview,
    PlanStep,
    Request,
    ServiceDelivery,
    SocialHistory,
    SocialResearch,
)
from casework.web.forms_people import PERSON_SECTIONS

EMPTY = "—"


def _date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _datetime(value: datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


def _choice(model_field: models.Field, value: Any) -> Any:
    choices = model_field.flatchoices if model_field.choices else None
    if isinstance(model_field, ArrayField) and model_field.base_field.choices:
        choices = model_field.base_field.flatchoices
    return dict(choices).get(value, value) if choices else value


def display(model_field: models.Field | None, value: Any, *, related: dict | None = None) -> str:
    """The value as a reader sees it. `related` caches names of rows an id points at."""
    if value is None or value == "" or value == [] or (isinstance(value, Country) and not value):
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        return ", ".join(display(model_field, item, related=related) for item in value)
    if isinstance(value, Country):
        return str(value.name)
    if isinstance(value, datetime):
        return _datetime(value)
    if isinstance(value, date):
        return _date(value)
    if isinstance(value, User):
        return value.get_full_name() or value.email
    if isinstance(value, models.Model):
        return str(value)
    if model_field is None:
        return str(value)
    if isinstance(model_field, CountryField):
        return str(dict(countries).get(value, value))
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        return _datetime(datetime.fromisoformat(value))
    if isinstance(model_field, models.DateField) and isinstance(value, str):
        return _date(date.fromisoformat(value))
    if model_field.is_relation and related is not None:
        return _related_name(model_field, value, related)
    return str(_choice(model_field, value))


def _related_name(model_field: models.Field, pk: Any, cache: dict) -> str:
    """Name of the row an exported id points at (staff, unit, municipality…), looked up once."""
    model = model_field.related_model
    key = (model, pk)
    if key not in cache:
        obj = model._default_manager.filter(pk=pk).first()
        if obj is None:
            cache[key] = f"#{pk}"
        elif isinstance(obj, User):
            cache[key] = obj.get_full_name() or obj.email
        elif isinstance(obj, Beneficiary | Document | ActionPlan | PlanStep | Contact):
            # Ids of the person's own records: the number is what the export shows.
            cache[key] = f"#{pk}"
        else:
            cache[key] = str(obj)
    return cache[key]


# --- The person's fields, by section ------------------------------------------------------


@dataclass
class Row:
    label: str
    text: str
    special: bool = False
    name: str = ""


def person_sections(person: Beneficiary) -> list[dict[str, Any]]:
    """The person's fields grouped as on the registration form, special categories marked."""
    sections = []
    for key, title, names in PERSON_SECTIONS:
        rows = []
        for name in names:
            model_field = Beneficiary._meta.get_field(name)
            rows.append(
                Row(
                    label=str(model_field.verbose_name),
                    text=display(model_field, getattr(person, name)),
                    special=name in SPECIAL_CATEGORY_FIELDS,
                    name=name,
                )
            )
        sections.append({"key": key, "title": title, "rows": rows})
    return sections


def side_by_side(this: Beneficiary, other: Beneficiary) -> list[dict[str, Any]]:
    """Rows for comparing two records before a merge; differing values are flagged."""
    rows = []
    for _key, _title, names in PERSON_SECTIONS:
        for name in names:
            model_field = Beneficiary._meta.get_field(name)
            left = display(model_field, getattr(this, name))
            right = display(model_field, getattr(other, name))
            rows.append(
                {
                    "label": str(model_field.verbose_name),
                    "this": left,
                    "other": right,
                    "differs": left != right and EMPTY not in (left, right),
                    "special": name in SPECIAL_CATEGORY_FIELDS,
                }
            )
    return rows


# --- The data-subject export --------------------------------------------------------------

EXPORT_SECTIONS: list[tuple[str, Any, type[models.Model]]] = [
    ("consents", gettext_lazy("Consents and legal bases"), ConsentRecord),
    ("households", gettext_lazy("Household memberships"), HouseholdMember),
    ("cases", gettext_lazy("Case files"), Case),
    ("contacts", gettext_lazy("Contacts and requests"), Contact),
    ("assessments", gettext_lazy("Needs assessments"), NeedsAssessment),
    ("social_histories", gettext_lazy("Social histories"), SocialHistory),
    ("social_research", gettext_lazy("Social research"), SocialResearch),
    ("action_plans", gettext_lazy("Action plans"), ActionPlan),
    ("services", gettext_lazy("Services delivered"), ServiceDelivery),
    ("notes", gettext_lazy("Notes"), Note),
    ("documents", gettext_lazy("Documents"), Document),
]
# Lists nested inside a row of the export, and the model of their rows.
NESTED: dict[str, tuple[Any, type[models.Model]]] = {
    "requests": (gettext_lazy("Requests"), Request),
    "scores": (gettext_lazy("Scores"), NeedScore),
    "goals": (gettext_lazy("Goals"), PlanGoal),
    "steps": (gettext_lazy("Steps"), PlanStep),
    "reviews": (gettext_lazy("Reviews"), PlanReview),
}
# Keys of the export that name a model field differently.
EXPORT_FIELD_ALIASES = {"type": "doc_type", "name": "original_name"}


@dataclass
class ExportItem:
    label: str
    text: str = ""
    children: list[ExportSection] = field(default_factory=list)


@dataclass
class ExportSection:
    title: str
    records: list[list[ExportItem]]


def _model_field(model: type[models.Model], key: str) -> models.Field | None:
    for name in (key, EXPORT_FIELD_ALIASES.get(key)):
        try:
            return model._meta.get_field(name) if name else None
        except FieldDoesNotExist:
            continue
    return None


def _record(model: type[models.Model], row: dict[str, Any], cache: dict) -> list[ExportItem]:
    items = []
    for key, value in row.items():
        if key in NESTED:
            title, nested_model = NESTED[key]
            records = [_record(nested_model, child, cache) for child in value]
            items.append(
                ExportItem(label=str(title), children=[ExportSection(str(title), records)])
            )
            continue
        model_field = _model_field(model, key)
        label = model_field.verbose_name if model_field else key.replace("_", " ")
        items.append(ExportItem(label=str(label), text=display(model_field, value, related=cache)))
    return items


def export_sections(data: dict[str, Any]) -> tuple[list[ExportItem], list[ExportSection]]:
    """The export of `casework.rights.person_export`, labelled for a printed page."""
    cache: dict = {}
    person = _record(Beneficiary, data["person"], cache)
    sections = [
        ExportSection(str(title), [_record(model, row, cache) for row in data.get(key, [])])
        for key, title, model in EXPORT_SECTIONS
    ]
    return person, sections
