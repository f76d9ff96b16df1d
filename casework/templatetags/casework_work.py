"""Template helpers of the daily-work pages: the tabs of a person's file."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.functional import Promise
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
            url=reverse(f"casework:{name}", kwargs={"person_id": person.pk}),
            label=label,
            active=current in names,
        )
        for name, names, label, action in TABS
        if actor.may(action)
    ]
