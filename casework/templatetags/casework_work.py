"""Template helpers of the daily-work pages: the tabs of a person's file."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from casework.models import Beneficiary
from casework.permissions import Action

register = template.Library()


@dataclass(frozen=True)
class Tab:
    url: str
    label: str | Promise
    active: bool


# (URL name the tab opens, the page names it stands for, its label, the action it needs)
TABS = [
    ("person_detail", {"person_detail"}, _("Overview"), Action.VIEW_PERSON),
    ("timeline", {"timeline"}, _("Timeline"), Action.VIEW_CASE),
    ("contact_new", {"contact_new"}, _("New contact"), Action.RECORD_CONTACT),
    (
        "assessment_new",
        {"assessment_new", "assessment_detail"},
        _("Needs assessment"),
        Action.ASSESS_NEEDS,
    ),
    ("social_history", {"social_history"}, _("Social history"), Action.VIEW_CASE),
    (
        "social_research",
        {"social_research", "social_research_complete"},
        _("Social research"),
        Action.VIEW_CASE,
    ),
    (
        "plan",
        {"plan", "goal_add", "step_add", "step_status", "plan_review"},
        _("Action plan"),
        Action.VIEW_CASE,
    ),
    ("service_new", {"service_new"}, _("Services"), Action.RECORD_SERVICE),
    ("notes", {"notes", "break_glass"}, _("Notes"), Action.READ_GENERAL_NOTES),
    ("documents", {"documents"}, _("Documents"), Action.DOWNLOAD_DOCUMENT),
    (
        "referrals:person_referrals",
        {"person_referrals", "referral_new", "detail"},
        _("Referrals"),
        Action.RECORD_SERVICE,
    ),
    ("transfers:transfer_start", {"transfer_start"}, _("Transfer"), Action.MANAGE_CASE),
]


@register.simple_tag(takes_context=True)
def work_tabs(context: template.Context, person: Beneficiary) -> list[Tab]:
    """The pages of this person's file that the acting member's role may open."""
    request = context["request"]
    actor = request.actor
    match = request.resolver_match
    current = match.url_name if match else ""
    return [
        Tab(
            # A name without a namespace is a casework page; other apps name theirs in full.
            url=reverse(
                name if ":" in name else f"casework:{name}", kwargs={"person_id": person.pk}
            ),
            label=label,
            active=current in names,
        )
        for name, names, label, action in TABS
        if actor.may(action)
    ]


@functools.cache
def _choice_labels(model: type, field_name: str, language: str) -> dict[str, str]:
    field = model._meta.get_field(field_name)
    return {value: str(text) for value, text in field.flatchoices}


@register.filter
def label(obj, field_name: str) -> str:
    """`{{ contact|label:"channel" }}`: what `get_channel_display` shows, without its cost.

    Django's get_FOO_display rebuilds and hashes the field's translated choices on every
    call; a timeline of 500 events made over a thousand such calls. The labels are
    computed once per model, field and language.
    """
    value = getattr(obj, field_name)
    return _choice_labels(type(obj), field_name, get_language()).get(value, value)


@register.filter
def staff_name(user) -> str:
    """A staff member as the pages show them: full name, else email."""
    return (user.get_full_name() or user.email) if user else ""


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def dmy(value: date | datetime | None, with_time: bool = False) -> str:
    """d/m/Y (and H:i), like the `date` filter but a fraction of its cost on long lists."""
    if not value:
        return ""
    value = _local(value)
    if with_time and isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


@register.filter
def iso(value: date | datetime | None) -> str:
    """The machine-readable form for <time datetime="…">."""
    return _local(value).isoformat() if value else ""
