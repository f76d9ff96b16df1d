"""Casework API routes, included under /api/v1/ on every centre's host.

Path parameters use only the names the isolation tests fill (person_id, case_id, …), with
int converters; every route is named "api-casework-…".
"""

from __future__ import annotations

from django.urls import path

from casework.api import views

PERSON = "people/<int:person_id>/"

urlpatterns = [
    path("people/", views.PeopleView.as_view(), name="api-casework-people"),
    path(PERSON, views.PersonDetailView.as_view(), name="api-casework-person"),
    path(f"{PERSON}merge/", views.PersonMergeView.as_view(), name="api-casework-person-merge"),
    path(f"{PERSON}consents/", views.ConsentsView.as_view(), name="api-casework-consents"),
    path(
        f"{PERSON}consents/<int:consent_id>/withdraw/",
        views.ConsentWithdrawView.as_view(),
        name="api-casework-consent-withdraw",
    ),
    path(f"{PERSON}household/", views.HouseholdView.as_view(), name="api-casework-household"),
    path(
        f"{PERSON}household/members/",
        views.HouseholdMembersView.as_view(),
        name="api-casework-household-members",
    ),
    path(
        f"{PERSON}household/members/<int:member_id>/leave/",
        views.HouseholdMemberLeaveView.as_view(),
        name="api-casework-household-member-leave",
    ),
    path(f"{PERSON}cases/", views.CasesView.as_view(), name="api-casework-cases"),
    path(f"{PERSON}cases/<int:case_id>/", views.CaseDetailView.as_view(), name="api-casework-case"),
    path(f"{PERSON}timeline/", views.TimelineView.as_view(), name="api-casework-timeline"),
    path(f"{PERSON}contacts/", views.ContactsView.as_view(), name="api-casework-contacts"),
    path(
        f"{PERSON}contacts/<int:contact_id>/",
        views.ContactDetailView.as_view(),
        name="api-casework-contact",
    ),
    path(
        "anonymous-requests/",
        views.AnonymousRequestsView.as_view(),
        name="api-casework-anonymous-requests",
    ),
    path(f"{PERSON}assessments/", views.AssessmentsView.as_view(), name="api-casework-assessments"),
    path(
        f"{PERSON}assessments/<int:assessment_id>/",
        views.AssessmentDetailView.as_view(),
        name="api-casework-assessment",
    ),
    path(
        f"{PERSON}social-history/",
        views.SocialHistoryView.as_view(),
        name="api-casework-social-history",
    ),
    path(
        f"{PERSON}social-research/",
        views.SocialResearchView.as_view(),
        name="api-casework-social-research",
    ),
    path(
        f"{PERSON}social-research/<int:research_id>/complete/",
        views.SocialResearchCompleteView.as_view(),
        name="api-casework-social-research-complete",
    ),
    path(f"{PERSON}plans/", views.PlansView.as_view(), name="api-casework-plans"),
    path(f"{PERSON}plans/<int:plan_id>/", views.PlanDetailView.as_view(), name="api-casework-plan"),
    path(
        f"{PERSON}plans/<int:plan_id>/goals/",
        views.PlanGoalsView.as_view(),
        name="api-casework-plan-goals",
    ),
    path(
        f"{PERSON}plans/<int:plan_id>/reviews/",
        views.PlanReviewsView.as_view(),
        name="api-casework-plan-reviews",
    ),
    path(
        f"{PERSON}goals/<int:goal_id>/steps/",
        views.GoalStepsView.as_view(),
        name="api-casework-goal-steps",
    ),
    path(
        f"{PERSON}steps/<int:step_id>/status/",
        views.StepStatusView.as_view(),
        name="api-casework-step-status",
    ),
    path(f"{PERSON}services/", views.ServicesView.as_view(), name="api-casework-services"),
    path(f"{PERSON}notes/", views.NotesView.as_view(), name="api-casework-notes"),
    path(f"{PERSON}break-glass/", views.BreakGlassView.as_view(), name="api-casework-break-glass"),
    path(
        "break-glass-log/", views.BreakGlassLogView.as_view(), name="api-casework-break-glass-log"
    ),
    path(f"{PERSON}documents/", views.DocumentsView.as_view(), name="api-casework-documents"),
    path(
        "documents/<int:document_id>/download/",
        views.DocumentDownloadView.as_view(),
        name="api-casework-document-download",
    ),
    path(f"{PERSON}audit/", views.PersonAuditView.as_view(), name="api-casework-person-audit"),
    path(
        "staff/<int:user_id>/audit/",
        views.StaffAuditView.as_view(),
        name="api-casework-staff-audit",
    ),
    path(f"{PERSON}export/", views.PersonExportView.as_view(), name="api-casework-person-export"),
]
